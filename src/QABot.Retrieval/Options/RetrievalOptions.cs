namespace QABot.Retrieval.Options;

/// <summary>Retrieval settings, bound from section "Retrieval".</summary>
public sealed class RetrievalOptions
{
    public const string SectionName = "Retrieval";

    /// <summary>"Embedded" (Lucene under the data directory) or "Qdrant" (registered by AddQdrantRetrieval).</summary>
    public string Backend { get; set; } = RetrievalBackends.Embedded;

    /// <summary>How many chunks a search returns by default.</summary>
    public int Top { get; set; } = 8;

    public CrossLingualOptions CrossLingual { get; set; } = new();

    /// <summary>How the BM25 (sparse) and embedding (dense) rankings are merged when both exist (section "Retrieval:Fusion").</summary>
    public FusionOptions Fusion { get; set; } = new();
}

/// <summary>
/// Weighted reciprocal rank fusion: a chunk scores Σ weight / (K + rank) over the rankings it appears in (rank from 1).
/// The default is sparse-heavy and keeps BM25's first hit first whatever the embedding model says: DenseWeight 0.3 is
/// below 1/(K + 2) = 1/3 at K = 1. At K = 60 a weak (English-only) model reordered BM25's top hits almost at will and
/// dropped XQuAD ar→ar recall@1 from 0.926 to 0.354 (docs/benchmarks.md, "Fusion weights", has the measurements).
/// </summary>
public sealed class FusionOptions
{
    public double SparseWeight { get; set; } = 1.0;

    public double DenseWeight { get; set; } = 0.3;

    /// <summary>Damping: larger K flattens the difference between neighbouring ranks.</summary>
    public int K { get; set; } = 1;

    public bool IsValid => SparseWeight >= 0 && DenseWeight >= 0 && SparseWeight + DenseWeight > 0 && K > 0
        && double.IsFinite(SparseWeight) && double.IsFinite(DenseWeight);
}

public static class RetrievalBackends
{
    public const string Embedded = "Embedded";
    public const string Qdrant = "Qdrant";
}

/// <summary>Where the cross-lingual resources live (section "Retrieval:CrossLingual").</summary>
public sealed class CrossLingualOptions
{
    /// <summary>The English→Arabic dictd index file (queries); its ".dict.dz" (or ".dict") companion is found beside it.</summary>
    public string DictionaryPath { get; set; } = "/usr/share/dictd/freedict-eng-ara.index";

    /// <summary>The Arabic→English dictd index file, for English renderings of short answers.</summary>
    public string ReverseDictionaryPath { get; set; } = "/usr/share/dictd/freedict-ara-eng.index";

    /// <summary>
    /// A list of common English words, one a line (Debian's wbritish-small, SCOWL's commonest sizes): a dictionary sense
    /// outside it ("unpeace", "telephotographic") is no English a reader of a short answer understands.
    /// </summary>
    public string CommonEnglishWordsPath { get; set; } = "/usr/share/dict/british-english-small";

    /// <summary>Optional extra gazetteer TSV (english, arabic variants separated by '|'), merged over the built-in one.</summary>
    public string? GazetteerPath { get; set; }
}
