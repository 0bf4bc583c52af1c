using Microsoft.Extensions.Logging;
using QABot.Core.Retrieval;
using Qdrant.Client;
using Qdrant.Client.Grpc;
using QABot.Retrieval.Qdrant.Connection;

namespace QABot.Retrieval.Qdrant.Index;

/// <summary>
/// A write session on Qdrant. Nothing is visible to readers before <see cref="CommitAsync"/>:
/// <list type="bullet">
/// <item>A full build (<paramref name="build"/> set) streams points into a fresh collection version in batches of
/// UpsertBatchSize while the alias still points elsewhere; commit moves the alias, dispose without commit deletes
/// the version.</item>
/// <item>An incremental session on the live collection keeps its points in memory and applies them at commit: upserts
/// first, then the chunks an article no longer has, then deletes, then alias updates. A reader during that commit may
/// briefly see an article's old and new chunks together, never neither.</item>
/// </list>
/// Every write is idempotent (deterministic point ids), so retried requests and a re-run after a failed commit are safe.
/// </summary>
internal sealed class QdrantWriteSession : IIndexWriteSession
{
    /// <summary>Ids per delete or retrieve request, and payload updates per batch request.</summary>
    private const int IdsPerRequest = 256;

    private readonly QdrantArticleIndex _index;
    private readonly QdrantClient _client;
    private readonly string _target;
    private readonly BuildTarget? _build;
    private readonly Action _release;
    private readonly int _batchSize;

    private readonly List<PointStruct> _buffer = [];
    /// <summary>Articles written in this session: their chunk ids and aliases so far.</summary>
    private readonly Dictionary<string, WrittenArticle> _written = new(StringComparer.Ordinal);
    /// <summary>Aliases for articles this session has not written (stored before it).</summary>
    private readonly Dictionary<string, SortedSet<string>> _aliasAdds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _aliasesChanged = new(StringComparer.Ordinal);
    private readonly HashSet<string> _deletes = new(StringComparer.Ordinal);
    private readonly HashSet<Guid> _staleChunks = [];
    private bool _committed;
    private bool _disposed;

    public QdrantWriteSession(QdrantArticleIndex index, string target, BuildTarget? build, Action release)
    {
        _index = index;
        _client = index.Client;
        _target = target;
        _build = build;
        _release = release;
        _batchSize = index.Options.UpsertBatchSize;
    }

    /// <summary>The collection this session writes to: a new version during a build, else the live alias.</summary>
    public string Target => _target;

    public async Task UpsertAsync(IndexDocument document, CancellationToken cancellationToken = default)
    {
        ThrowIfClosed();
        ArgumentNullException.ThrowIfNull(document);
        var article = document.Article;
        if (document.ChunkEmbeddings is { } vectors && vectors.Count != document.Chunks.Count)
            throw new ArgumentException($"Article {article.Id}: {vectors.Count} embeddings for {document.Chunks.Count} chunks.", nameof(document));

        _deletes.Remove(article.Id);
        var aliases = new SortedSet<string>(document.AliasIds.Where(a => a != article.Id), StringComparer.Ordinal);
        if (_aliasAdds.Remove(article.Id, out var pending)) aliases.UnionWith(pending);
        var chunkIds = document.Chunks.Select(c => c.ChunkId).ToList();
        if (_written.TryGetValue(article.Id, out var previous))
        {
            aliases.UnionWith(previous.Aliases);
            foreach (var gone in previous.ChunkIds.Except(chunkIds, StringComparer.Ordinal)) _staleChunks.Add(PointIds.ForChunk(gone));
        }
        foreach (var id in chunkIds) _staleChunks.Remove(PointIds.ForChunk(id));
        _written[article.Id] = new WrittenArticle(chunkIds, aliases);

        // The manifest has no vectors, so no search ever returns it.
        _buffer.Add(Point(PointIds.ForManifest(article.Id), new NamedVectors(), PayloadJson.ToPayload(ManifestPayload.From(document, aliases.ToList()))));
        var writeDense = _index.Embedder is { Dimensions: > 0 } && document.ChunkEmbeddings is not null;
        for (var i = 0; i < document.Chunks.Count; i++)
        {
            var chunk = document.Chunks[i];
            var named = new NamedVectors();
            var sparse = _index.Encoder.EncodeDocument(chunk.Metadata.Title, chunk.Text);
            if (!sparse.IsEmpty) named.Vectors.Add(QdrantArticleIndex.SparseVectorName, (sparse.Values.ToArray(), sparse.Indices.ToArray()));
            if (writeDense) named.Vectors.Add(QdrantArticleIndex.DenseVectorName, document.ChunkEmbeddings![i].ToArray());
            _buffer.Add(Point(PointIds.ForChunk(chunk.ChunkId), named, PayloadJson.ToPayload(ChunkPayload.From(chunk, document))));
        }

        // A build streams (its collection is invisible until commit); an incremental session must hold everything.
        if (_build is not null)
            while (_buffer.Count >= _batchSize) await FlushAsync(_batchSize, cancellationToken).ConfigureAwait(false);
    }

    public Task SetAliasesAsync(string articleId, IReadOnlyList<string> aliasIds, CancellationToken cancellationToken = default)
    {
        ThrowIfClosed();
        var added = aliasIds.Where(a => !string.IsNullOrWhiteSpace(a) && a != articleId);
        if (_written.TryGetValue(articleId, out var written))
        {
            written.Aliases.UnionWith(added);
            _aliasesChanged.Add(articleId);
        }
        else
        {
            if (!_aliasAdds.TryGetValue(articleId, out var set)) _aliasAdds[articleId] = set = new SortedSet<string>(StringComparer.Ordinal);
            set.UnionWith(added);
        }
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string articleId, CancellationToken cancellationToken = default)
    {
        ThrowIfClosed();
        _written.Remove(articleId);
        _aliasAdds.Remove(articleId);
        _aliasesChanged.Remove(articleId);
        _deletes.Add(articleId);
        return Task.CompletedTask;
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfClosed();
        if (_build is null) await FindStaleChunksOfStoredArticlesAsync(cancellationToken).ConfigureAwait(false);

        while (_buffer.Count > 0) await FlushAsync(_batchSize, cancellationToken).ConfigureAwait(false);

        foreach (var batch in _staleChunks.Chunk(IdsPerRequest))
            await _client.DeleteAsync(_target, batch, wait: true, ordering: _index.Ordering, cancellationToken: cancellationToken).ConfigureAwait(false);

        foreach (var batch in _deletes.Chunk(IdsPerRequest))
            await _client.DeleteAsync(_target, QdrantFilters.OfArticles(batch), wait: true, ordering: _index.Ordering, cancellationToken: cancellationToken).ConfigureAwait(false);

        await ApplyAliasUpdatesAsync(cancellationToken).ConfigureAwait(false);

        if (_build is not null) await _index.CompleteBuildAsync(_build, cancellationToken).ConfigureAwait(false);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            if (!_committed && _build is not null)
            {
                try { await _client.DeleteCollectionAsync(_target).ConfigureAwait(false); }
                catch (QdrantRequestException e)
                {
                    _index.Logger.LogWarning(e, "Could not delete the uncommitted collection {Collection}; delete it by hand", _target);
                }
            }
        }
        finally
        {
            _buffer.Clear();
            _release();
        }
    }

    private async Task FlushAsync(int count, CancellationToken cancellationToken)
    {
        var batch = _buffer.GetRange(0, Math.Min(count, _buffer.Count));
        // wait: a committed session is visible to the next read.
        await _client.UpsertAsync(_target, batch, wait: true, ordering: _index.Ordering, cancellationToken: cancellationToken).ConfigureAwait(false);
        _buffer.RemoveRange(0, batch.Count);
    }

    /// <summary>
    /// An incremental upsert replaces an article stored before this session: its old manifest names the chunks it had,
    /// so exactly those the new version lacks are deleted, and its aliases are kept.
    /// </summary>
    private async Task FindStaleChunksOfStoredArticlesAsync(CancellationToken cancellationToken)
    {
        foreach (var batch in _written.Keys.Chunk(IdsPerRequest))
        {
            var stored = await RetrieveManifestsAsync(batch, PayloadKeys.StaleCheckFields, cancellationToken).ConfigureAwait(false);
            foreach (var record in stored)
            {
                var old = Payloads.Read<ManifestPayload>(record.Payload);
                if (!_written.TryGetValue(old.ArticleId, out var now)) continue;
                foreach (var gone in old.ChunkIds.Except(now.ChunkIds, StringComparer.Ordinal)) _staleChunks.Add(PointIds.ForChunk(gone));
                if (!old.Aliases.All(now.Aliases.Contains))
                {
                    now.Aliases.UnionWith(old.Aliases);
                    _aliasesChanged.Add(old.ArticleId);
                }
            }
        }
    }

    private async Task ApplyAliasUpdatesAsync(CancellationToken cancellationToken)
    {
        var updates = _aliasesChanged.Where(_written.ContainsKey).ToDictionary(id => id, id => (ISet<string>)_written[id].Aliases, StringComparer.Ordinal);

        foreach (var batch in _aliasAdds.Keys.Chunk(IdsPerRequest))
        {
            var stored = await RetrieveManifestsAsync(batch, [PayloadKeys.ArticleId, PayloadKeys.Aliases], cancellationToken).ConfigureAwait(false);
            var found = new HashSet<string>(StringComparer.Ordinal);
            foreach (var record in stored)
            {
                var manifest = Payloads.Read<ManifestPayload>(record.Payload);
                found.Add(manifest.ArticleId);
                var merged = new SortedSet<string>(manifest.Aliases, StringComparer.Ordinal);
                if (merged.IsSupersetOf(_aliasAdds[manifest.ArticleId])) continue;
                merged.UnionWith(_aliasAdds[manifest.ArticleId]);
                updates[manifest.ArticleId] = merged;
            }
            foreach (var missing in batch.Where(id => !found.Contains(id)))
                _index.Logger.LogWarning("Aliases for article {ArticleId} dropped: the article is not stored", missing);
        }

        foreach (var batch in updates.Chunk(IdsPerRequest))
        {
            var operations = batch.Select(u => SetAliases(PointIds.ForManifest(u.Key), u.Value.Order(StringComparer.Ordinal).ToList())).ToList();
            await _client.UpdateBatchAsync(_target, operations, wait: true, ordering: _index.Ordering, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private static PointStruct Point(Guid id, NamedVectors vectors, Dictionary<string, Value> payload) =>
        new() { Id = id, Vectors = new Vectors { Vectors_ = vectors }, Payload = { payload } };

    private static PointsUpdateOperation SetAliases(Guid manifest, IReadOnlyList<string> aliases) => new()
    {
        SetPayload = new PointsUpdateOperation.Types.SetPayload
        {
            Payload = { PayloadJson.ToPayload(new AliasesPayload(aliases)) },
            PointsSelector = new PointsSelector { Points = new PointsIdsList { Ids = { (PointId)manifest } } },
        },
    };

    private async Task<IReadOnlyList<RetrievedPoint>> RetrieveManifestsAsync(IEnumerable<string> articleIds, string[] fields, CancellationToken cancellationToken) =>
        await _client.RetrieveAsync(_target, articleIds.Select(id => (PointId)PointIds.ForManifest(id)).ToList(),
            new WithPayloadSelector { Include = new PayloadIncludeSelector { Fields = { fields } } }, new WithVectorsSelector { Enable = false },
            _index.Consistency, cancellationToken: cancellationToken).ConfigureAwait(false);

    private void ThrowIfClosed()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed) throw new InvalidOperationException("The write session is already committed.");
    }

    private sealed record WrittenArticle(IReadOnlyList<string> ChunkIds, SortedSet<string> Aliases);
}
