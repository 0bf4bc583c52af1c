using Qdrant.Client.Grpc;
using QABot.Core.Retrieval;

namespace QABot.Retrieval.Qdrant.Index;

/// <summary>Translates a date window and an outlet list into Qdrant filter conditions.</summary>
internal static class QdrantFilters
{
    /// <summary>Null when the request restricts nothing.</summary>
    public static Filter? For(SearchRequest request)
    {
        var must = Restrictions(request.PublishedRange, request.Sources);
        return must.Count == 0 ? null : new Filter { Must = { must } };
    }

    /// <summary>The manifests of an article listing.</summary>
    public static Filter ForListing(ArticleQuery query, params Condition[] more) =>
        new() { Must = { Conditions.MatchKeyword(PayloadKeys.Kind, PointKinds.Manifest), Restrictions(query.Published, query.Sources), more } };

    /// <summary>Every point of one kind (chunks or manifests).</summary>
    public static Filter OfKind(string kind) => new() { Must = { Conditions.MatchKeyword(PayloadKeys.Kind, kind) } };

    /// <summary>The manifest that lists <paramref name="alias"/> among an article's other ids.</summary>
    public static Filter ManifestWithAlias(string alias) =>
        new() { Must = { Conditions.MatchKeyword(PayloadKeys.Kind, PointKinds.Manifest), Conditions.MatchKeyword(PayloadKeys.Aliases, alias) } };

    /// <summary>Every point (chunks and manifest) of these articles.</summary>
    public static Filter OfArticles(IReadOnlyList<string> articleIds) =>
        new() { Must = { Conditions.Match(PayloadKeys.ArticleId, articleIds.Distinct(StringComparer.Ordinal).ToList()) } };

    private static List<Condition> Restrictions(DateRange? published, IReadOnlyList<string>? sources)
    {
        var must = new List<Condition>();
        if (published is { } range)
            // Undated points have no "publishedLocal" key, and a range condition never matches a missing key.
            must.Add(Conditions.DatetimeRange(PayloadKeys.PublishedLocal, gte: Clock(range.From), lte: Clock(range.To)));
        if (sources is { Count: > 0 })
        {
            var keys = sources.Select(SourceKeys.For).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            if (keys.Count > 0) must.Add(Conditions.Match(PayloadKeys.SourceKey, keys));
        }
        return must;
    }

    /// <summary>A bound's clock reading marked UTC, as Qdrant reads the offset-less <see cref="PayloadKeys.PublishedLocal"/>.</summary>
    private static DateTime? Clock(DateTimeOffset? bound) => bound is { } b ? DateTime.SpecifyKind(b.DateTime, DateTimeKind.Utc) : null;
}
