namespace QABot.Evaluation.Running;

/// <summary>What happened to one question under one configuration: the raw outcome, kept in the JSON report.</summary>
public sealed record QuestionResult
{
    public required string Id { get; init; }
    public required string Group { get; init; }
    public required string Question { get; init; }
    public required string Language { get; init; }
    public bool ShouldRefuse { get; init; }
    public bool Refused { get; init; }
    public required string Answer { get; init; }
    public string Answerer { get; init; } = "";
    public IReadOnlyList<string> GoldArticleIds { get; init; } = [];
    /// <summary>Distinct article ids in retrieval order (ties resolved against the gold, see RankedIds.Collapse), at most 10.</summary>
    public IReadOnlyList<string> Ranked { get; init; } = [];
    public IReadOnlyList<CitedArticle> Cited { get; init; } = [];
    public double? ExactMatch { get; init; }
    public double? TokenF1 { get; init; }
    public double? KeywordRecall { get; init; }
    public double? CitationPrecision { get; init; }
    public bool? DateCorrect { get; init; }
    public double SearchMs { get; init; }
    public double AnswerMs { get; init; }
}

/// <param name="Published">"yyyy-MM-dd" as the citation printed it, or null for "date not stated".</param>
public sealed record CitedArticle(string ArticleId, string? Published);
