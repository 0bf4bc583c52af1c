using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QABot.Ingestion.Options;
using QABot.Text.Chunking;

namespace QABot.Ingestion.Extensions;

public static class IngestionExtensions
{
    /// <summary>
    /// Adds <see cref="IngestionPipeline"/> and the <see cref="ArticleChunker"/> it uses, configured from section
    /// "Ingestion". Needs an <c>IArticleIndex</c>; uses an <c>ITextEmbedder</c> when one is registered.
    /// </summary>
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.SectionName)
            .Validate(o => o.ChunkChars >= 100 && o.OverlapSentences >= 0 && o.EmbeddingBatchSize > 0,
                "Ingestion: ChunkChars must be >= 100, OverlapSentences >= 0, EmbeddingBatchSize > 0");
        builder.Services.AddSingleton(sp => new ArticleChunker(sp.GetRequiredService<IOptions<IngestionOptions>>().Value.ToChunkingOptions()));
        builder.Services.AddTransient<IngestionPipeline>();
        builder.Services.AddTransient<Watching.DropFolderIngest>();
        return builder;
    }
}
