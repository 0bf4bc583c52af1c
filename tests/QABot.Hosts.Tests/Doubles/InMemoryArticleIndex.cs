using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Text;

namespace QABot.Hosts.Tests.Doubles;

/// <summary>
/// Test double of <see cref="IArticleIndex"/> for the hosts, which look articles up by id and list them. Search and writing are
/// the retrieval helpers' business and deliberately unsupported here.
/// </summary>
public sealed class InMemoryArticleIndex(params Article[] articles) : IArticleIndex
{
    private readonly Dictionary<string, Article> _byId = articles.ToDictionary(a => a.Id);

    public string BackendName => "in-memory-test-double";

    public Task<StoredArticle?> GetArticleAsync(string articleId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_byId.TryGetValue(articleId, out var a) ? new StoredArticle(a, [], 1, "hash") : null);

    public Task<ArticleListing> QueryArticlesAsync(ArticleQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(ArticleListings.Of(_byId.Values, query));

    public Task<IReadOnlyList<ManifestEntry>> ReadManifestAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<IIndexWriteSession> BeginWriteAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<IReadOnlyList<ScoredChunk>> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public IAsyncEnumerable<StoredArticle> ListArticlesAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<IndexStats> GetStatsAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
