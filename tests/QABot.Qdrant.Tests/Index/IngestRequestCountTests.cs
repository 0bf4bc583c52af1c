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

    /// <summary>Payload updates per batch call (QdrantWriteSession).</summary>
    private const int ManifestsPerUpdateBatch = 256;

    /// <summary>Every method's expected count, except the alias updates (see <see cref="AssertCalls"/>).</summary>
    private static Dictionary<string, long> Expected(IngestReport report, int batchSize) => new(FixedCallsOfAFirstBuild)
    {
        ["Points/Upsert"] = (report.Ingested + report.Replaced + report.Chunks + batchSize - 1) / batchSize,
    };

    /// <summary>
    /// Duplicates add their ids to the kept articles' manifests in batched payload updates at commit: at least one
    /// call when there are duplicates, at most one per 256 duplicates (the report counts duplicates, not the distinct
    /// articles they belong to, so this one is a range).
    /// </summary>
    private static void AssertCalls(IngestReport report, int batchSize, QdrantRequestCounter counter)
    {
        var measured = counter.ByMethod.ToDictionary();
        var aliasUpdates = measured.Remove("Points/UpdateBatch", out var n) ? n : 0;
        Assert.Equal(Expected(report, batchSize).OrderBy(e => e.Key), measured.OrderBy(e => e.Key));
        Assert.InRange(aliasUpdates, report.Duplicates > 0 ? 1 : 0, (report.Duplicates + ManifestsPerUpdateBatch - 1) / ManifestsPerUpdateBatch);
    }

    [Fact]
    public async Task Ingesting_the_sample_corpus_costs_the_fixed_build_calls_plus_one_upsert_per_batch()
    {
        var (report, counter, standIn) = await IngestAsync(RepoPaths.SampleCorpus, batchSize: 4);
        await using var _ = standIn;

        Assert.True(report.Ingested > 5, "the seed files hold appended articles too");
        AssertCalls(report, 4, counter);
        Assert.Equal(counter.ByMethod.Values.Sum(), counter.Total);
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
        AssertCalls(report, 256, counter);
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
