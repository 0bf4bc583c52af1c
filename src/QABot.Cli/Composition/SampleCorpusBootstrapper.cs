using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using QABot.Core.Retrieval;
using QABot.Ingestion;

namespace QABot.Cli.Composition;

/// <summary>
/// On an empty index, ingests the bundled sample corpus so `qabot ask` answers on a fresh machine with nothing else to start.
/// </summary>
public sealed class SampleCorpusBootstrapper(IArticleIndex index, IngestionPipeline pipeline, IConfiguration configuration, IHostEnvironment host)
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
    public async Task<IngestReport?> EnsureAsync(CancellationToken cancellationToken)
    {
        if (await index.HasArticlesAsync(cancellationToken)) return null;
        if (!Directory.Exists(SampleCorpusPath))
            throw new DirectoryNotFoundException($"The index is empty and the bundled sample corpus was not found at {SampleCorpusPath}. Run `qabot ingest PATH` first.");
        return await pipeline.IngestPathsAsync([SampleCorpusPath], null, cancellationToken);
    }
}
