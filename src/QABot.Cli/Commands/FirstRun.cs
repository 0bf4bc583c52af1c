using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QABot.Cli.Composition;
using QABot.Core.Configuration;

namespace QABot.Cli.Commands;

/// <summary>The first question on a fresh data directory ingests the bundled sample corpus, and says so on stderr.</summary>
public static class FirstRun
{
    public static async Task EnsureSampleCorpusAsync(IServiceProvider services, CliEnvironment env, CancellationToken cancellationToken)
    {
        var bootstrapper = services.GetRequiredService<SampleCorpusBootstrapper>();
        var report = await bootstrapper.EnsureAsync(env, cancellationToken);
        if (report is null) return;
        var dataDir = services.GetRequiredService<IOptions<DataOptions>>().Value.ResolvedDirectory;
        await env.Error.WriteLineAsync(
            $"First run: the index in {dataDir} was empty, so the bundled sample corpus was ingested " +
            $"({report.Ingested} articles, {report.Chunks} chunks from {bootstrapper.SampleCorpusPath}). Add your own with `qabot ingest PATH`.");
    }
}
