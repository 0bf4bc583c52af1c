using System.Globalization;

namespace QABot.Core.Domain;

/// <summary>A source an answer relies on. Everything but <see cref="Quote"/> comes from the index, never from a model.</summary>
public sealed record Citation(
    int Number,
    string ArticleId,
    string Title,
    string? Source,
    DateTimeOffset? Published,
    string Quote,
    string? ChunkId = null,
    string? Url = null)
{
    /// <summary>The date as printed everywhere: ISO calendar date, or null when the article states none.</summary>
    public string? PublishedDate => Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>One entry of the ranked retrieval list shown with an answer.</summary>
public sealed record RetrievedRef(string ArticleId, string ChunkId, double Score);

public sealed record Answer
{
    public required string Question { get; init; }
    /// <summary>"ar" or "en": the language of the question, and so of the answer.</summary>
    public required string Language { get; init; }
    public required string Text { get; init; }
    public required bool Refused { get; init; }
    public IReadOnlyList<Citation> Citations { get; init; } = [];
    public IReadOnlyList<RetrievedRef> Retrieved { get; init; } = [];
    /// <summary>Which answerer produced the text ("extractive", "llm", ...), for diagnostics and eval.</summary>
    public string Answerer { get; init; } = "extractive";
    /// <summary>What the question asks for, as the answerer understood it.</summary>
    public QuestionKind Kind { get; init; } = QuestionKind.Other;
    /// <summary>
    /// The span that answers a factoid question (a name, number, date, place or organisation), in the question's
    /// language; <see cref="Text"/> opens with it. Null for refusals, lists and kinds without a short answer.
    /// </summary>
    public string? ShortAnswer { get; init; }
    /// <summary>For a claim ("is it true that ...?", `qabot check`): what the cited evidence says of it. Null for other questions.</summary>
    public ClaimVerdict? Verdict { get; init; }
    /// <summary>For a question that asks for the articles of a period or an outlet: the matching articles, newest first.</summary>
    public ArticleListing? Listing { get; init; }
}

/// <summary>The kinds of question the answerers tell apart.</summary>
public enum QuestionKind { Other, Who, What, Where, When, HowMany, Why, Claim, List }

public enum ClaimVerdict
{
    /// <summary>A cited sentence states the claim's names, numbers, places and dates.</summary>
    Supported,
    /// <summary>A cited sentence reports the same event with a different number, name, place or date.</summary>
    Contradicted,
    /// <summary>Nothing in the corpus bears on the claim.</summary>
    NotFound,
}

/// <summary>The articles matching a list question; <see cref="Articles"/> holds at most the shown ones of <see cref="Total"/>.</summary>
public sealed record ArticleListing(int Total, IReadOnlyList<ListedArticle> Articles);

public sealed record ListedArticle(string ArticleId, string Title, string? Source, DateTimeOffset? Published)
{
    /// <summary>The outlet's own calendar date (the offset it was written with), or null when undated.</summary>
    public string? PublishedDate => Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
