namespace QABot.Evaluation.Benchmarks;

public sealed record IngestBenchReport
{
    public required string Corpus { get; init; }
    public string? CommandLine { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public int ProcessorCount { get; init; } = Environment.ProcessorCount;
    /// <summary>1-minute load average when the run started; null where the OS does not tell.</summary>
    public double? LoadAverage { get; init; }
    public required IReadOnlyList<ScaleStep> Steps { get; init; }
    public IReadOnlyList<string> Charts { get; init; } = [];
    /// <summary>Where the largest index was kept, when asked.</summary>
    public string? KeptIndex { get; init; }
}

/// <param name="Lines">Articles read from the corpus (JSONL lines).</param>
/// <param name="Synthetic">How many of them are synthetic copies (<see cref="SyntheticCorpus"/>) past the real corpus.</param>
/// <param name="Duplicates">Lines whose body was already stored (the corpus repeats URLs): kept as alias ids by ingestion's dedup.</param>
/// <param name="InputMegabytes">Uncompressed JSONL read.</param>
/// <param name="PeakWorkingSetMegabytes">Highest process working set (RSS) sampled while ingesting.</param>
/// <param name="Query">Single-client timings of fresh questions drawn from this index, then of their replay.</param>
/// <param name="ColdAsk">A one-question `qabot ask` in a new process on this index; null without a launcher.</param>
/// <param name="Errors">The first inputs ingestion reported as failed, with file and line.</param>
public sealed record ScaleStep(
    int Lines, int Synthetic, int Ingested, int Duplicates, int Failed, int StoredArticles, int Chunks,
    double IngestSeconds, double ArticlesPerSecond, double InputMegabytes, double MegabytesPerSecond,
    double PeakWorkingSetMegabytes, double IndexMegabytes, QueryLoadResult Query, StartupResult? ColdAsk, IReadOnlyList<string> Errors);

public sealed record QueryBenchReport
{
    public required string DataDirectory { get; init; }
    public string? CommandLine { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public int ProcessorCount { get; init; } = Environment.ProcessorCount;
    public double? LoadAverage { get; init; }
    public int IndexedArticles { get; init; }
    public int IndexedChunks { get; init; }
    public int Questions { get; init; }
    /// <summary>Untimed questions asked first, none of them among the timed ones.</summary>
    public int Warmup { get; init; }
    public required IReadOnlyList<QueryLoadResult> Loads { get; init; }
    public IReadOnlyList<string> Charts { get; init; } = [];
}
