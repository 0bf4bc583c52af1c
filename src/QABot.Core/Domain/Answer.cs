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
}
