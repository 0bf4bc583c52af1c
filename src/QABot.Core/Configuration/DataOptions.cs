namespace QABot.Core.Configuration;

/// <summary>Where QABot keeps its index and state. Bound from section "Data"; env QABOT_DATA_DIR and --data-dir override.</summary>
public sealed class DataOptions
{
    public const string SectionName = "Data";

    /// <summary>Relative paths are resolved against the current directory.</summary>
    public string Directory { get; set; } = "data";

    public string ResolvedDirectory => Path.GetFullPath(Directory);
}
