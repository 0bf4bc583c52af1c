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

    /// <summary>How the sparse (BM25) and dense arms are fused (section "Retrieval:Fusion").</summary>
    public FusionOptions Fusion { get; set; } = new();
}

/// <summary>
/// Weights of the two arms of reciprocal rank fusion. Sparse-heavy by default: a weak or English-only embedding model
/// must not push out what BM25 finds in Arabic text.
/// </summary>
public sealed class FusionOptions
{
    public double SparseWeight { get; set; } = 1.0;
    public double DenseWeight { get; set; } = 0.3;
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

    /// <summary>Optional extra gazetteer TSV (english, arabic variants separated by '|'), merged over the built-in one.</summary>
    public string? GazetteerPath { get; set; }
}
