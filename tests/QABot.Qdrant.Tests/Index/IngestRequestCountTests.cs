using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QABot.Ingestion;
using QABot.Ingestion.Extensions;
using QABot.Qdrant.Tests.StandIn;
using QABot.Retrieval.Qdrant.Client;
using QABot.Retrieval.Qdrant.Extensions;
using QABot.Testing;
using Xunit.Abstractions;

namespace QABot.Qdrant.Tests.Index;

/// <summary>
/// How many HTTP requests `qabot ingest` makes on the Qdrant backend, counted by the client's own counter while the
/// real ingestion pipeline writes through <c>QdrantArticleIndex</c> into the stand-in. The stand-in only acknowledges
/// (it stores nothing and is NOT Qdrant), which is all a request count needs: the requests depend on the corpus and
/// the batch size, not on the server.
/// </summary>
[Trait("Category", "Qdrant")]
public sealed class IngestRequestCountTests(ITestOutputHelper output)
{

    /// <summary>A fresh ingest: manifest scroll (404: nothing built yet), alias and collection listing, create, 8 payload indexes, alias swap.</summary>
    private const int FixedRequestsOfAFirstBuild = 1 + 1 + 1 + 1 + 8 + 1;

    private static async Task<(IngestReport Report, QdrantRequestCounter Counter, QdrantStandIn StandIn)> IngestAsync(string path, int batchSize)
    {
        var standIn = new QdrantStandIn();
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

    [Fact]
    public async Task Ingesting_the_sample_corpus_costs_the_fixed_build_requests_plus_one_upsert_per_batch()
    {
        var (report, counter, standIn) = await IngestAsync(RepoPaths.SampleCorpus, batchSize: 4);
        await using var _ = standIn;

        var points = report.Ingested + report.Replaced + report.Chunks;
        var upserts = (points + 3) / 4;
        Assert.True(report.Ingested > 5, "the seed files hold appended articles too");
        Assert.Equal(upserts, counter.ByOperation["upsert_points"]);
        Assert.Equal(FixedRequestsOfAFirstBuild + upserts + counter.ByOperation.GetValueOrDefault("batch_update"), counter.Total);
        Assert.Equal(counter.Total, standIn.Requests.Count); // nothing was retried
        Assert.Equal(points, standIn.Requests.Where(r => r.Method == "PUT" && r.Path.Contains("/points?")).Sum(r => r.Json!["points"]!.AsArray().Count));
    }

    /// <summary>
    /// The measurement reported for the 31.5k-article corpus (about a minute; run with QABOT_MEASURE_QDRANT_REQUESTS=1).
    /// </summary>
    [MeasurementFact]
    [Trait("Speed", "Slow")]
    public async Task Measure_requests_for_the_multisource_corpus()
    {
        var corpus = RepoPaths.SharedFile("corpora", "ant-multisource-news.jsonl.gz");
        var (report, counter, standIn) = await IngestAsync(corpus, batchSize: 256);
        await using var _ = standIn;

        output.WriteLine($"articles ingested={report.Ingested} duplicates={report.Duplicates} failed={report.Failed} chunks={report.Chunks} points={report.Ingested + report.Chunks}");
        output.WriteLine($"HTTP requests (UpsertBatchSize=256): total={counter.Total}");
        foreach (var (operation, count) in counter.ByOperation) output.WriteLine($"  {operation}={count}");
        Assert.Equal((report.Ingested + report.Chunks + 255) / 256, counter.ByOperation["upsert_points"]);
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
