namespace QABot.Core.Configuration;

/// <summary>Where QABot keeps its index and state. Bound from section "Data"; env QABOT_DATA_DIR and --data-dir override.</summary>
public sealed class DataOptions
{
    public const string SectionName = "Data";

    /// <summary>
    /// Written when the data directory first holds articles (with that time): the sample corpus is ingested by itself
    /// only where this file is absent, so a lost index is reported rather than refilled.
    /// </summary>
    public const string IndexedSinceFileName = "indexed-since";

    /// <summary>Relative paths are resolved against the current directory.</summary>
    public string Directory { get; set; } = "data";

    public string ResolvedDirectory => Path.GetFullPath(Directory);
}
