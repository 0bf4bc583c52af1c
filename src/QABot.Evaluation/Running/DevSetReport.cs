using QABot.Evaluation.Metrics;

namespace QABot.Evaluation.Running;

/// <summary>What `qabot eval` measured on a dev set (eval/dev.jsonl, eval/heldout.jsonl): issue 9's measure.</summary>
public sealed record DevSetReport
{
    public required string Dataset { get; init; }
    public required string DatasetPath { get; init; }
    public string? CommandLine { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public TimeSpan Elapsed { get; init; }
    public required DevSetIndex Index { get; init; }
    /// <summary>Why some questions were not asked (a corpus missing), one line each.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
    public required DevSetSummary Summary { get; init; }
    /// <summary>Per kind × language, then per language, then everything (<see cref="DevSetScoreCard.Rows"/>).</summary>
    public required IReadOnlyList<DevSetRow> Rows { get; init; }
    /// <summary>Every judged question in the order asked.</summary>
    public required IReadOnlyList<DevSetOutcome> Outcomes { get; init; }

    public IEnumerable<DevSetOutcome> Misses => Outcomes.Where(o => !o.Judgement.OverallCorrect);
}

/// <param name="Reused">True when an index cached by an earlier run was used as it was.</param>
public sealed record DevSetIndex(IReadOnlyList<string> CorpusPaths, string Directory, bool Reused, int Articles, int Chunks, double BuildSeconds, int IngestFailed);

/// <summary>A share and what it is a share of; <see cref="Value"/> is null when nothing was judged.</summary>
public sealed record Measure(int Correct, int Judged)
{
    public double? Value => Judged == 0 ? null : (double)Correct / Judged;

    public static Measure Of(IEnumerable<bool?> values)
    {
        var judged = values.OfType<bool>().ToList();
        return new Measure(judged.Count(v => v), judged.Count);
    }
}

/// <summary>The headline figures of issue 9's targets.</summary>
public sealed record DevSetSummary(
    Measure OverallCorrect,
    Measure OffCorpusRefused,
    Measure AnswerableAnswered,
    Measure EnglishShortAnswers,
    Measure Verdicts,
    double? ListPrecision,
    double? ListRecall);

/// <summary>One judged question: what the set expects, what the bot gave, and the judgement.</summary>
public sealed record DevSetOutcome
{
    public required string Id { get; init; }
    public required string Question { get; init; }
    public required string Kind { get; init; }
    public required string Language { get; init; }
    public string? Corpus { get; init; }
    public string? Follows { get; init; }
    /// <summary>True when asked through `qabot check` (a bare claim), false when through `qabot ask`.</summary>
    public bool AskedAsClaim { get; init; }

    public IReadOnlyList<string> ExpectedShortAnswers { get; init; } = [];
    public IReadOnlyList<string> ExpectedArticleIds { get; init; } = [];
    /// <summary>"yyyy-MM-dd", or null for an undated gold article; absent from the judgement when the set does not judge dates.</summary>
    public string? ExpectedDate { get; init; }
    public bool ExpectedRefusal { get; init; }
    public string? ExpectedVerdict { get; init; }
    public int? ExpectedListTotal { get; init; }

    public string? ShortAnswer { get; init; }
    public bool Refused { get; init; }
    public IReadOnlyList<CitedArticle> Cited { get; init; } = [];
    public string? Verdict { get; init; }
    public int? ListTotal { get; init; }
    public IReadOnlyList<string> ListedIds { get; init; } = [];
    public required string Answer { get; init; }
    public string AnsweredKind { get; init; } = "";
    public double AnswerMs { get; init; }

    public required DevSetJudgement Judgement { get; init; }
}
