using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QABot.Answering.Extensions;
using QABot.Answering.Understanding;
using QABot.Ingestion;
using QABot.Ingestion.Extensions;
using QABot.Retrieval.Extensions;
using QABot.Testing;

namespace QABot.Answering.Tests;

/// <summary>The real pipeline (ingestion, Lucene index, query planner, extractive answerer) over the bundled sample corpus, built once per test class.</summary>
public sealed class SampleCorpusAnswerer : IAsyncLifetime
{
    private readonly TempDirectory _data = new();

    public IHost Host { get; private set; } = null!;
    public IServiceProvider Services => Host.Services;

    /// <summary>The question as the answerer reads it, with <paramref name="now"/> as today for relative dates.</summary>
    public Task<QuestionAnalysis> AnalyzeAsync(string question, DateTimeOffset now) =>
        Services.GetRequiredService<QuestionAnalyzer>().AnalyzeAsync(question, now);

    public async Task InitializeAsync()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Data:Directory"] = _data.Path,
            ["Retrieval:CrossLingual:DictionaryPath"] = "/usr/share/dictd/freedict-eng-ara.index",
        });
        builder.AddRetrieval();
        builder.AddIngestion();
        builder.AddAnswering();
        Host = builder.Build();
        var report = await Services.GetRequiredService<IngestionPipeline>().IngestPathsAsync([RepoPaths.SampleCorpus]);
        Assert.Equal(0, report.Failed);
    }

    public async Task DisposeAsync()
    {
        Host.Dispose();
        await Task.CompletedTask;
        _data.Dispose();
    }
}
