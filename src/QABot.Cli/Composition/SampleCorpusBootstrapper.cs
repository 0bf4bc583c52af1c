using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QABot.Core.Configuration;
using QABot.Core.Retrieval;
using QABot.Ingestion;

namespace QABot.Cli.Composition;

/// <summary>
/// On an empty index in the default data directory, ingests the bundled sample corpus so `qabot ask` answers on a fresh
/// machine with nothing else to start. A data directory chosen explicitly (--data-dir, QABOT_DATA_DIR) is left alone:
/// an empty one there is most likely a mistyped path, and filling it with the sample would hide that.
/// </summary>
/// <remarks>
/// The ingestion pipeline is resolved only for an empty index: every cold `ask` passes through here, and building the
/// pipeline (chunker, embedder, options) for an index that already has articles is start-up time spent on nothing.
/// </remarks>
public sealed class SampleCorpusBootstrapper(
    IArticleIndex index, IServiceProvider services, IConfiguration configuration, IHostEnvironment host, IOptions<DataOptions> data)
{
    public string SampleCorpusPath
    {
        get
        {
            var configured = configuration["Data:SampleCorpus"] ?? "corpus/sample";
            return Path.IsPathRooted(configured) ? configured : Path.Combine(host.ContentRootPath, configured);
        }
    }

    /// <returns>The ingest report when the sample corpus was ingested now, null when the index already had articles.</returns>
    /// <param name="env">Where a wait for another writer is announced.</param>
    public async Task<IngestReport?> EnsureAsync(CliEnvironment env, CancellationToken cancellationToken)
    {
        if (await index.HasArticlesAsync(cancellationToken)) return null;
        var directory = data.Value.ResolvedDirectory;
        if (configuration.GetValue<bool>(GlobalOptions.ExplicitDataDirectoryKey))
            throw new BadInputException($"the index in {directory} is empty. Ingest articles first: qabot --data-dir {directory} ingest PATH " +
                                        "(the bundled sample corpus is added by itself only to the default data directory).");
        if (File.Exists(IndexHistoryPath) && File.ReadAllText(IndexHistoryPath).Trim() is var since)
            throw new InvalidOperationException($"the index in {directory} is empty but has held articles (since {since}); " +
                                                "the sample corpus is added only to a data directory that never held an index. " +
                                                "Restore a snapshot (qabot index restore DIR) or ingest your articles again (qabot ingest PATH)");
        if (!Directory.Exists(SampleCorpusPath))
            throw new DirectoryNotFoundException($"The index is empty and the bundled sample corpus was not found at {SampleCorpusPath}. Run `qabot ingest PATH` first.");
        using var writerLock = await WriterLockGate.AcquireAsync(directory, env, noWait: false, cancellationToken);
        return await services.GetRequiredService<IngestionPipeline>().IngestPathsAsync([SampleCorpusPath], null, cancellationToken);
    }

    private string IndexHistoryPath => Path.Combine(data.Value.ResolvedDirectory, DataOptions.IndexedSinceFileName);
}
