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
