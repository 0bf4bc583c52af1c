namespace QABot.Evaluation.Running;

public sealed record EvalReport
{
    public required string Dataset { get; init; }
    public required string Format { get; init; }
    public required string DatasetPath { get; init; }
    public int? Limit { get; init; }
    public string? CommandLine { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public TimeSpan Elapsed { get; init; }
    public required IReadOnlyList<ConfigurationResult> Configurations { get; init; }
    /// <summary>Charts written by the run (paths as given).</summary>
    public IReadOnlyList<string> Charts { get; init; } = [];
}

public sealed record ConfigurationResult
{
    public required string Name { get; init; }
    public required IReadOnlyDictionary<string, string?> Settings { get; init; }
    public required IndexedCorpus Index { get; init; }
    /// <summary>Per group, in the order groups first appear in the set, then "all".</summary>
    public required IReadOnlyList<ScoreCard> Groups { get; init; }
    public required IReadOnlyList<QuestionResult> Questions { get; init; }

    public ScoreCard? Group(string name) => Groups.FirstOrDefault(g => g.Group == name);
}

/// <param name="HeldOut">Articles removed before the unanswerable pass.</param>
public sealed record IndexedCorpus(int Articles, int Chunks, int IngestFailed, int Duplicates, double IngestSeconds, int HeldOut);
