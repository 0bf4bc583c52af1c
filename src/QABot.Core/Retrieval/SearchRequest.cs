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

/// <summary>
/// An inclusive window of publication times read on the wall clock: an article matches when its publication time as
/// the outlet wrote it (<see cref="DateTimeOffset.DateTime"/>, its own offset, not converted to UTC) falls inside.
/// So «1 March 2018» holds an article stamped 2018-03-01T02:28:09+04:00, although that instant is 28 February in UTC.
/// Only the clock reading of each bound counts; its offset is ignored. Undated articles never match a range.
/// </summary>
public sealed record DateRange(DateTimeOffset? From, DateTimeOffset? To)
{
    /// <summary>The calendar days <paramref name="first"/> to <paramref name="last"/>, both whole.</summary>
    public static DateRange Days(DateOnly? first, DateOnly? last) => new(
        first is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        last is { } l ? new DateTimeOffset(l.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero) : null);

    /// <summary>The first clock reading inside the window, in ticks (<see cref="DateTimeOffset.Ticks"/>), or null when open.</summary>
    public long? FromTicks => From?.Ticks;

    /// <summary>The last clock reading inside the window, in ticks, or null when open.</summary>
    public long? ToTicks => To?.Ticks;

    public bool Contains(DateTimeOffset? published) =>
        published is { } p && (FromTicks is not { } from || p.Ticks >= from) && (ToTicks is not { } to || p.Ticks <= to);
}

public sealed record ScoredChunk(Chunk Chunk, double Score);
