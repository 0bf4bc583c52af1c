using QABot.Core.Retrieval;
using QABot.Retrieval.Qdrant.Client;

namespace QABot.Retrieval.Qdrant.Index;

/// <summary>Translates a date window and an outlet list into Qdrant filter conditions.</summary>
internal static class QdrantFilters
{
    /// <summary>Null when the request restricts nothing.</summary>
    public static Filter? For(SearchRequest request)
    {
        var must = Restrictions(request.PublishedRange, request.Sources);
        return must.Count == 0 ? null : new Filter { Must = must };
    }

    /// <summary>The manifests of an article listing.</summary>
    public static Filter ForListing(ArticleQuery query, params Condition[] more) =>
        new() { Must = [FieldCondition.Equal(PayloadKeys.Kind, PointKinds.Manifest), .. Restrictions(query.Published, query.Sources), .. more] };

    private static List<Condition> Restrictions(DateRange? published, IReadOnlyList<string>? sources)
    {
        var must = new List<Condition>();
        if (published is { } range)
            // Undated points have no "publishedLocal" key, and a range condition never matches a missing key.
            must.Add(FieldCondition.Between(PayloadKeys.PublishedLocal, Clock(range.From), Clock(range.To)));
        if (sources is { Count: > 0 })
        {
            var keys = sources.Select(SourceKeys.For).OfType<string>().ToList();
            if (keys.Count > 0) must.Add(FieldCondition.AnyOf(PayloadKeys.SourceKey, keys));
        }
        return must;
    }

    /// <summary>A bound's clock reading marked UTC, as Qdrant reads the offset-less <see cref="PayloadKeys.PublishedLocal"/>.</summary>
    private static DateTimeOffset? Clock(DateTimeOffset? bound) => bound is { } b ? new DateTimeOffset(b.DateTime, TimeSpan.Zero) : null;
}
