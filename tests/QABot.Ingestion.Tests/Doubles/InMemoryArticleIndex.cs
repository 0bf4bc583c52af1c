using System.Runtime.CompilerServices;
using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Text;

namespace QABot.Ingestion.Tests.Doubles;

/// <summary>
/// Test double of <see cref="IArticleIndex"/> that keeps documents in memory and honours the write-session contract:
/// a session's changes become visible only on commit, and disposing without commit discards them. It can be told to
/// fail on the n-th upsert to exercise rollback. Search is a plain substring match, enough for ingestion tests.
/// </summary>
public sealed class InMemoryArticleIndex : IArticleIndex
{
    private readonly object _gate = new();
    private Dictionary<string, Stored> _committed = new(StringComparer.Ordinal);

    public sealed record Stored(IndexDocument Document, IReadOnlyList<string> AliasIds);

    public string BackendName => "in-memory-test-double";

    /// <summary>When set, the upsert with this 1-based number (counted across sessions) throws.</summary>
    public int? FailOnUpsertNumber { get; set; }
    public int UpsertCalls { get; private set; }
    public int Commits { get; private set; }
    public int Rollbacks { get; private set; }

    public IReadOnlyDictionary<string, Stored> Committed
    {
        get { lock (_gate) return new Dictionary<string, Stored>(_committed); }
    }

    public Task<IReadOnlyList<ManifestEntry>> ReadManifestAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<ManifestEntry>>(_committed.Values
                .Select(s => new ManifestEntry(s.Document.Article.Id, s.Document.ContentHash, s.Document.BodyHash, s.AliasIds)).ToList());
    }

    public Task<IIndexWriteSession> BeginWriteAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult<IIndexWriteSession>(new Session(this, new Dictionary<string, Stored>(_committed)));
    }

    public Task<IReadOnlyList<ScoredChunk>> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<ScoredChunk>>(_committed.Values.SelectMany(s => s.Document.Chunks)
                .Where(c => c.Text.Contains(request.Text, StringComparison.Ordinal))
                .Take(request.Top).Select(c => new ScoredChunk(c, 1.0)).ToList());
    }

    public Task<ArticleListing> QueryArticlesAsync(ArticleQuery query, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(ArticleListings.Of(_committed.Values.Select(s => s.Document.Article).ToList(), query));
    }

    public Task<StoredArticle?> GetArticleAsync(string articleId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var stored = _committed.TryGetValue(articleId, out var direct) ? direct
                : _committed.Values.FirstOrDefault(s => s.AliasIds.Contains(articleId));
            return Task.FromResult(stored is null ? null
                : new StoredArticle(stored.Document.Article, stored.AliasIds, stored.Document.Chunks.Count, stored.Document.ContentHash));
        }
    }

    public async IAsyncEnumerable<StoredArticle> ListArticlesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<Stored> all;
        lock (_gate) all = _committed.Values.ToList();
        foreach (var s in all)
        {
            await Task.Yield();
            yield return new StoredArticle(s.Document.Article, s.AliasIds, s.Document.Chunks.Count, s.Document.ContentHash);
        }
    }

    public Task<IndexStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var articles = _committed.Values.Select(s => s.Document.Article).ToList();
            var dated = articles.Where(a => a.Published is not null).Select(a => a.Published!.Value).ToList();
            return Task.FromResult(new IndexStats(BackendName, articles.Count, _committed.Values.Sum(s => s.Document.Chunks.Count), dated.Count,
                dated.Count == 0 ? null : dated.Min(), dated.Count == 0 ? null : dated.Max(),
                articles.GroupBy(a => a.Source ?? "").ToDictionary(g => g.Key, g => g.Count()), null));
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class Session(InMemoryArticleIndex owner, Dictionary<string, Stored> working) : IIndexWriteSession
    {
        private bool _done;

        public Task UpsertAsync(IndexDocument document, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lock (owner._gate)
            {
                owner.UpsertCalls++;
                if (owner.UpsertCalls == owner.FailOnUpsertNumber) throw new IOException("simulated index failure");
            }
            working[document.Article.Id] = new Stored(document, document.AliasIds);
            return Task.CompletedTask;
        }

        public Task SetAliasesAsync(string articleId, IReadOnlyList<string> aliasIds, CancellationToken cancellationToken = default)
        {
            if (!working.TryGetValue(articleId, out var stored)) throw new KeyNotFoundException($"no stored article {articleId}");
            working[articleId] = stored with { AliasIds = aliasIds.ToList() };
            return Task.CompletedTask;
        }

        public Task DeleteAsync(string articleId, CancellationToken cancellationToken = default)
        {
            working.Remove(articleId);
            return Task.CompletedTask;
        }

        public Task CommitAsync(CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lock (owner._gate)
            {
                owner._committed = new Dictionary<string, Stored>(working);
                owner.Commits++;
            }
            _done = true;
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            if (!_done)
                lock (owner._gate) owner.Rollbacks++;
            _done = true;
            return ValueTask.CompletedTask;
        }
    }
}
