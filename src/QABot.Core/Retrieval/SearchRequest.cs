using QABot.Core.Domain;

namespace QABot.Core.Retrieval;

/// <summary>
/// A search as the backends see it. The planner has already detected the language and, for English,
/// added Arabic alternatives; each backend analyzes <see cref="Text"/> and <see cref="Expansions"/> with the
/// shared analysis so the embedded and Qdrant indexes agree on terms.
/// </summary>
public sealed record SearchRequest
{
    /// <summary>The question (or standalone rewrite of it) as typed.</summary>
    public required string Text { get; init; }
    public string Language { get; init; } = Languages.Arabic;
    /// <summary>Weighted alternatives in the corpus language (dictionary translations, transliterated names, LLM expansions).</summary>
    public IReadOnlyList<WeightedPhrase> Expansions { get; init; } = [];
    public int Top { get; init; } = 8;
    public DateRange? PublishedRange { get; init; }
    public IReadOnlyList<string>? Sources { get; init; }
    /// <summary>The query embedding, when an embedding model is configured: enables dense/hybrid search.</summary>
    public ReadOnlyMemory<float>? Embedding { get; init; }
}

/// <param name="Weight">Relative importance, 1.0 for a certain translation, lower for doubtful alternatives.</param>
public sealed record WeightedPhrase(string Text, float Weight, string Origin = "");

/// <summary>Inclusive range of publication instants. Undated articles never match a range.</summary>
public sealed record DateRange(DateTimeOffset? From, DateTimeOffset? To)
{
    public bool Contains(DateTimeOffset? published) =>
        published is { } p && (From is null || p >= From) && (To is null || p <= To);
}

public sealed record ScoredChunk(Chunk Chunk, double Score);
