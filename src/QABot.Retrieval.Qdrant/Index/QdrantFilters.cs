using QABot.Core.Retrieval;
using QABot.Retrieval.Qdrant.Client;

namespace QABot.Retrieval.Qdrant.Index;

/// <summary>Translates a request's date range and outlet list into a Qdrant filter.</summary>
internal static class QdrantFilters
{
    /// <summary>Null when the request restricts nothing.</summary>
    public static Filter? For(SearchRequest request)
    {
        var must = new List<Condition>();
        if (request.PublishedRange is { } range)
            // Undated chunks have no "published" key, and a range condition never matches a missing key.
            must.Add(FieldCondition.Between(PayloadKeys.Published, range.From, range.To));
        if (request.Sources is { Count: > 0 } sources)
        {
            var keys = sources.Select(SourceKeys.For).OfType<string>().ToList();
            if (keys.Count > 0) must.Add(FieldCondition.AnyOf(PayloadKeys.SourceKey, keys));
        }
        return must.Count == 0 ? null : new Filter { Must = must };
    }
}
