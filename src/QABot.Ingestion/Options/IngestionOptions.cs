using QABot.Text.Chunking;

namespace QABot.Ingestion.Options;

/// <summary>Bound from section "Ingestion".</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    /// <summary>Most characters in one chunk; chunks hold whole sentences up to this length.</summary>
    public int ChunkChars { get; set; } = ChunkingOptions.Default.MaxChars;

    /// <summary>Sentences repeated from the end of one chunk at the start of the next.</summary>
    public int OverlapSentences { get; set; } = ChunkingOptions.Default.OverlapSentences;

    /// <summary>Chunk texts sent to the embedding model per request, when one is configured.</summary>
    public int EmbeddingBatchSize { get; set; } = 64;

    /// <summary>Longest title stored; longer ones are cut at a word with "…" (a title is printed in every citation).</summary>
    public int MaxTitleChars { get; set; } = 300;

    /// <summary>Error messages kept per input file; further errors are counted, not listed.</summary>
    public int MaxErrorsPerFile { get; set; } = 50;

    public ChunkingOptions ToChunkingOptions() => new(ChunkChars, OverlapSentences);
}
