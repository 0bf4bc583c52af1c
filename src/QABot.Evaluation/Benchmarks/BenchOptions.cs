using QABot.Evaluation.Hosting;

namespace QABot.Evaluation.Benchmarks;

/// <summary>Options shared by both benchmarks: composition and where results go.</summary>
public abstract record BenchOutputOptions
{
    public ServiceRecipe Services { get; init; } = new();
    public string? OutputJsonPath { get; init; }
    /// <summary>Where charts are written (e.g. docs/img); null = none.</summary>
    public string? PlotsDirectory { get; init; }
    /// <summary>The benchmarks document whose section is rewritten (e.g. docs/benchmarks.md); null = none.</summary>
    public string? MarkdownPath { get; init; }
    /// <summary>The command as typed, recorded so the figures can be regenerated.</summary>
    public string? CommandLine { get; init; }
}

public sealed record IngestBenchOptions : BenchOutputOptions
{
    /// <summary>A .jsonl or .jsonl.gz corpus, one article a line.</summary>
    public required string CorpusPath { get; init; }

    /// <summary>
    /// Corpus sizes (first N articles), each ingested into a fresh index; int.MaxValue = the whole corpus as it is. A
    /// size past the corpus is the corpus extended with synthetic copies (<see cref="SyntheticCorpus"/>).
    /// </summary>
    public IReadOnlyList<int> Sizes { get; init; } = [1_000, 10_000, int.MaxValue];

    /// <summary>Single-client questions timed on each index, to show how query cost grows with the corpus.</summary>
    public int Queries { get; init; } = 200;

    /// <summary>Where the fresh indexes and corpus slices go (default: the temp folder); removed afterwards.</summary>
    public string? WorkDirectory { get; init; }

    /// <summary>When set, the largest index is built here and kept, for `bench query --data-dir`.</summary>
    public string? KeepIndexDirectory { get; init; }

    /// <summary>How to start QABot in a new process (the ./qabot launcher) to time a cold `ask` at each size; null = not timed.</summary>
    public IReadOnlyList<string>? Launcher { get; init; }
}

public sealed record QueryBenchOptions : BenchOutputOptions
{
    /// <summary>The data directory of an existing index (e.g. the one `bench ingest --keep-index` left).</summary>
    public required string DataDirectory { get; init; }
    public int Queries { get; init; } = 400;
    public IReadOnlyList<int> Clients { get; init; } = [1, 8];
    /// <summary>
    /// Untimed questions first, none of them among the timed ones: the process is started and its code compiled, but
    /// each timed question is still new to it (its first pass is not a replay).
    /// </summary>
    public int Warmup { get; init; } = 200;
    /// <summary>Questions to replay; null = titles of evenly spaced articles in the index.</summary>
    public IReadOnlyList<string>? Questions { get; init; }
}

/// <summary>Progress of a benchmark: a line of what it is doing now.</summary>
public sealed record BenchProgress(string Message);
