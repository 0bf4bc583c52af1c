using QABot.Core.Domain;
using QABot.Core.Retrieval;

namespace QABot.Text;

/// <summary>
/// <see cref="IArticleIndex.QueryArticlesAsync"/> computed in memory over every article: the meaning the backends
/// implement with indexed fields, for in-memory test doubles and small collections.
/// </summary>
public static class ArticleListings
{
    public static ArticleListing Of(IEnumerable<Article> articles, ArticleQuery query)
    {
        var keys = query.Sources?.Where(s => !string.IsNullOrWhiteSpace(s)).Select(OutletKeys.For).ToHashSet(StringComparer.Ordinal);
        if (keys is { Count: 0 }) keys = null;
        var matching = articles
            .Where(a => query.Published is null || query.Published.Contains(a.Published))
            .Where(a => keys is null || (!string.IsNullOrWhiteSpace(a.Source) && keys.Contains(OutletKeys.For(a.Source))))
            .Select(a => new ListedArticle(a.Id, a.Title, a.Source, a.Published))
            .ToList();
        return new ArticleListing(matching.Count, ArticleQuery.Newest(matching).Take(Math.Max(0, query.Limit)).ToList());
    }
}
