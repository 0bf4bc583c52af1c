using QABot.Core.Domain;

namespace QABot.Core.Retrieval;

/// <summary>
/// Which articles to list (<see cref="IArticleIndex.QueryArticlesAsync"/>): those published in a window and/or by some
/// outlets. The answer is newest first by the outlet's own clock, undated articles last (they never match a window),
/// ties by article id, with the total count and at most <see cref="Limit"/> articles.
/// </summary>
public sealed record ArticleQuery
{
    public DateRange? Published { get; init; }

    /// <summary>Stored outlet names (see the outlet catalog); compared as the search filter compares them. Null or empty: every outlet.</summary>
    public IReadOnlyList<string>? Sources { get; init; }

    /// <summary>At most this many articles are returned; 0 counts only.</summary>
    public int Limit { get; init; } = 20;

    /// <summary>The listing order: newest local publication time first, undated last, then article id.</summary>
    public static IOrderedEnumerable<ListedArticle> Newest(IEnumerable<ListedArticle> articles) =>
        articles.OrderByDescending(a => a.Published?.Ticks ?? long.MinValue).ThenBy(a => a.ArticleId, StringComparer.Ordinal);
}
