using QABot.Core.Domain;

namespace QABot.Evaluation.Datasets;

/// <summary>One question of a QA set with everything needed to judge the bot's answer to it.</summary>
public sealed record EvalQuestion
{
    public required string Id { get; init; }
    public required string Text { get; init; }
    /// <summary>"ar" or "en".</summary>
    public required string Language { get; init; }
    /// <summary>Which slice of the report the question counts in ("ar→ar", "en→ar", "unanswerable ar", …).</summary>
    public required string Group { get; init; }
    /// <summary>Articles that answer the question; empty for a question that must be refused.</summary>
    public IReadOnlyList<string> GoldArticleIds { get; init; } = [];
    /// <summary>Gold answer spans (SQuAD); empty when the dataset gives none.</summary>
    public IReadOnlyList<string> GoldAnswers { get; init; } = [];
    /// <summary>Words the answer must contain; an entry may list alternatives separated by '|'.</summary>
    public IReadOnlyList<string> AnswerKeywords { get; init; } = [];
    /// <summary>False when the dataset says nothing about the date; then <see cref="ExpectedDate"/> is not judged.</summary>
    public bool JudgesDate { get; init; }
    /// <summary>The date a citation of a gold article must print; null = the article states no date.</summary>
    public DateOnly? ExpectedDate { get; init; }
    public bool ShouldRefuse { get; init; }

    // The dev-set fields (eval/dev.jsonl, eval/heldout.jsonl); absent in older sets.

    /// <summary>"who", "what", "where", "when", "how_many", "why", "claim", "list" or "other" (the wire names of QuestionKind).</summary>
    public string Kind { get; init; } = "other";
    /// <summary>Which corpus the question is about: "sample", "ant" or "none" (off-corpus).</summary>
    public string? Corpus { get; init; }
    /// <summary>Acceptable short answers in the question's language; empty when the set gives none.</summary>
    public IReadOnlyList<string> ShortAnswers { get; init; } = [];
    /// <summary>For a claim: "supported", "contradicted" or "not_found".</summary>
    public string? ExpectedVerdict { get; init; }
    /// <summary>For a list question: the articles that must be listed (when given) and how many match in all.</summary>
    public IReadOnlyList<string> ExpectedListIds { get; init; } = [];
    public int? ExpectedListTotal { get; init; }
    /// <summary>The id of the question this one is asked right after, in the same conversation.</summary>
    public string? Follows { get; init; }
}

/// <summary>
/// A QA set ready to run: the articles to index (SQuAD paragraphs) or corpus paths (our JSONL sets), the questions
/// asked on the full index, and optionally a hold-out: articles removed afterwards whose questions must then be refused.
/// </summary>
public sealed record EvalDataset
{
    public required string Name { get; init; }
    public required string Format { get; init; }
    public required string Path { get; init; }
    public IReadOnlyList<Article> Articles { get; init; } = [];
    public IReadOnlyList<string> CorpusPaths { get; init; } = [];
    public required IReadOnlyList<EvalQuestion> Questions { get; init; }
    public HoldOut? HoldOut { get; init; }

    public int QuestionCount => Questions.Count + (HoldOut?.Questions.Count ?? 0);
}

/// <param name="ArticleIds">Removed from the index before <paramref name="Questions"/> are asked.</param>
/// <param name="Questions">Questions whose every supporting article was removed: the bot must refuse them.</param>
public sealed record HoldOut(IReadOnlyList<string> ArticleIds, IReadOnlyList<EvalQuestion> Questions);

public static class DatasetFormats
{
    public const string Squad = "squad";
    public const string QaJsonl = "qa-jsonl";
}
