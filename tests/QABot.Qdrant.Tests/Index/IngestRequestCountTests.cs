using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Qdrant.Client.Grpc;
using QABot.Ingestion;
using QABot.Ingestion.Extensions;
using QABot.Qdrant.Tests.StandIn;
using QABot.Retrieval.Qdrant.Connection;
using QABot.Retrieval.Qdrant.Extensions;
using QABot.Testing;
using Xunit.Abstractions;

namespace QABot.Qdrant.Tests.Index;

/// <summary>
/// How many gRPC calls `qabot ingest` makes on the Qdrant backend: the real ingestion pipeline writes through
/// <c>QdrantArticleIndex</c> and the official client into the stand-in (NOT Qdrant; the calls depend on the corpus
/// and the batch size, not on the server). The expected counts are computed from the ingest report and the batch
/// size; the client's counter and the stand-in's own log are two separate measurements of what was sent.
/// </summary>
[Trait("Category", "Qdrant")]
public sealed class IngestRequestCountTests(ITestOutputHelper output)
{
    /// <summary>
    /// A first build: the manifest scroll (NotFound: nothing built yet), the alias and collection listings, the
    /// collection, one call per payload index, and at commit the alias re-check and the alias switch.
    /// </summary>
    private static readonly Dictionary<string, long> FixedCallsOfAFirstBuild = new()
    {
        ["Points/Scroll"] = 1,
        ["Collections/ListAliases"] = 2,
        ["Collections/List"] = 1,
        ["Collections/Create"] = 1,
        ["Points/CreateFieldIndex"] = 8,
        ["Collections/UpdateAliases"] = 1,
    };

    private static async Task<(IngestReport Report, QdrantRequestCounter Counter, QdrantStandIn StandIn)> IngestAsync(string path, int batchSize)
    {
        var standIn = await QdrantStandIn.StartAsync();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Retrieval:Backend"] = "Qdrant",
            ["Retrieval:Qdrant:Url"] = standIn.Url,
            ["Retrieval:Qdrant:UpsertBatchSize"] = batchSize.ToString(),
        });
        builder.AddQdrantRetrieval();
        builder.AddIngestion();
        using var host = builder.Build();
        var report = await host.Services.GetRequiredService<IngestionPipeline>().IngestPathsAsync([path]);
        return (report, host.Services.GetRequiredService<QdrantRequestCounter>(), standIn);
    }

    private static Dictionary<string, long> Expected(IngestReport report, int batchSize)
    {
        var expected = new Dictionary<string, long>(FixedCallsOfAFirstBuild)
        {
            ["Points/Upsert"] = (report.Ingested + report.Replaced + report.Chunks + batchSize - 1) / batchSize,
        };
        // Duplicates add their ids to the kept article's manifest: one batched payload update at commit.
        if (report.Duplicates > 0) expected["Points/UpdateBatch"] = 1;
        return expected;
    }

    [Fact]
    public async Task Ingesting_the_sample_corpus_costs_the_fixed_build_calls_plus_one_upsert_per_batch()
    {
        var (report, counter, standIn) = await IngestAsync(RepoPaths.SampleCorpus, batchSize: 4);
        await using var _ = standIn;

        Assert.True(report.Ingested > 5, "the seed files hold appended articles too");
        var expected = Expected(report, 4);
        Assert.Equal(expected.OrderBy(e => e.Key), counter.ByMethod.OrderBy(e => e.Key));
        Assert.Equal(expected.Values.Sum(), counter.Total);
        // The server saw the same calls, each once: nothing was retried.
        Assert.Equal(counter.Total, standIn.Calls.Count);
        Assert.Equal(counter.Total, counter.Attempts);
        Assert.Equal(report.Ingested + report.Replaced + report.Chunks, standIn.Requests<UpsertPoints>("Points/Upsert").Sum(u => u.Points.Count));
    }

    /// <summary>The measurement reported in deploy/README.md (about a minute; run with QABOT_MEASURE_QDRANT_REQUESTS=1).</summary>
    [MeasurementFact]
    [Trait("Speed", "Slow")]
    public async Task Measure_requests_for_the_multisource_corpus()
    {
        var corpus = RepoPaths.SharedFile("corpora", "ant-multisource-news.jsonl.gz");
        var (report, counter, standIn) = await IngestAsync(corpus, batchSize: 256);
        await using var _ = standIn;

        output.WriteLine($"articles ingested={report.Ingested} replaced={report.Replaced} duplicates={report.Duplicates} failed={report.Failed} chunks={report.Chunks} points={report.Ingested + report.Replaced + report.Chunks} elapsed={report.Elapsed}");
        output.WriteLine($"gRPC calls (UpsertBatchSize=256): total={counter.Total} attempts={counter.Attempts} received by the stand-in={standIn.Calls.Count}");
        foreach (var (method, count) in counter.ByMethod) output.WriteLine($"  {method}={count}");
        Assert.Equal(Expected(report, 256).OrderBy(e => e.Key), counter.ByMethod.OrderBy(e => e.Key));
    }
}

/// <summary>A measurement run on demand (QABOT_MEASURE_QDRANT_REQUESTS=1), reported as skipped otherwise.</summary>
public sealed class MeasurementFactAttribute : FactAttribute
{
    public const string Variable = "QABOT_MEASURE_QDRANT_REQUESTS";

    public MeasurementFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1") Skip = $"measurement: set {Variable}=1 to run it";
        else if (!File.Exists(RepoPaths.SharedFile("corpora", "ant-multisource-news.jsonl.gz"))) Skip = "the multisource corpus is not in ../shared";
    }
}
