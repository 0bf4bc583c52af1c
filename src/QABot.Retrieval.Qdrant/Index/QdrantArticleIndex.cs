using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Retrieval.Qdrant.Client;
using QABot.Retrieval.Qdrant.Options;
using QABot.Retrieval.Qdrant.Sparse;

namespace QABot.Retrieval.Qdrant.Index;

/// <summary>
/// The Qdrant backend of <see cref="IArticleIndex"/>. Readers address the alias <see cref="QdrantOptions.Collection"/>;
/// the first build (and every <see cref="BeginRebuildAsync"/>) writes into a fresh <c>{collection}_v{n}</c> and moves
/// the alias on commit, so readers switch atomically and never see a half-built collection. Later sessions update the
/// live collection at commit (see <see cref="QdrantWriteSession"/>).
/// Search is BM25 over the named sparse vector <c>bm25</c>, fused by RRF with the named dense vector <c>dense</c>
/// when an embedding model is configured.
/// </summary>
public sealed partial class QdrantArticleIndex : IArticleIndex
{
    public const string SparseVectorName = "bm25";
    public const string DenseVectorName = "dense";
    public const string EmbeddingModelMetadataKey = "embeddingModel";

    /// <summary>Candidates per prefetch for fusion: enough depth for RRF to reorder (as in the embedded index).</summary>
    private const int FusionDepthFactor = 4;
    private const int MinFusionDepth = 50;
    private const int ScrollPageSize = 1000;

    private readonly QdrantRestClient _client;
    private readonly QdrantOptions _options;
    private readonly ITextEmbedder? _embedder;
    private readonly Bm25SparseEncoder _encoder;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public QdrantArticleIndex(QdrantRestClient client, IOptions<QdrantOptions> options, ILogger<QdrantArticleIndex>? logger = null,
        ITextEmbedder? embedder = null, Bm25SparseEncoder? encoder = null)
    {
        _client = client;
        _options = options.Value;
        if (string.IsNullOrWhiteSpace(_options.Collection)) throw new ArgumentException("Retrieval:Qdrant:Collection is empty.", nameof(options));
        if (_options.UpsertBatchSize <= 0) throw new ArgumentException("Retrieval:Qdrant:UpsertBatchSize must be positive.", nameof(options));
        _embedder = embedder;
        _encoder = encoder ?? new Bm25SparseEncoder();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public string BackendName => "qdrant";

    /// <summary>The alias readers use.</summary>
    public string Collection => _options.Collection;

    public QdrantRestClient Client => _client;

    internal QdrantOptions Options => _options;
    internal Bm25SparseEncoder Encoder => _encoder;
    internal ITextEmbedder? Embedder => _embedder;
    internal ILogger Logger => _logger;

    // ---- writing ----

    public Task<IIndexWriteSession> BeginWriteAsync(CancellationToken cancellationToken = default) => BeginAsync(rebuild: false, cancellationToken);

    /// <summary>
    /// A zero-downtime reindex: the session writes a complete new collection version; on commit the alias moves to it
    /// and the previous version is deleted. Until then readers keep using the old one.
    /// </summary>
    public Task<IIndexWriteSession> BeginRebuildAsync(CancellationToken cancellationToken = default) => BeginAsync(rebuild: true, cancellationToken);

    private async Task<IIndexWriteSession> BeginAsync(bool rebuild, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var live = await AliasTargetAsync(cancellationToken).ConfigureAwait(false);
            if (!rebuild && live is not null)
            {
                await EnsureSameEmbeddingModelAsync(cancellationToken).ConfigureAwait(false);
                return new QdrantWriteSession(this, Collection, build: null, release: () => _writeGate.Release());
            }

            var names = await _client.GetCollectionsAsync(cancellationToken).ConfigureAwait(false);
            if (names.Contains(Collection, StringComparer.Ordinal))
            {
                // A plain collection under the alias name (created by hand or an older version): update it in place.
                if (rebuild)
                    throw new InvalidOperationException(
                        $"Collection '{Collection}' is a plain collection, not an alias: a rebuild cannot swap it. Delete or rename it first.");
                await EnsureSameEmbeddingModelAsync(cancellationToken).ConfigureAwait(false);
                return new QdrantWriteSession(this, Collection, build: null, release: () => _writeGate.Release());
            }

            var version = NextVersionName(names);
            await CreateCollectionAsync(version, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("Building Qdrant collection {Version}; alias {Alias} moves to it on commit", version, Collection);
            return new QdrantWriteSession(this, version, new BuildTarget(version, live), release: () => _writeGate.Release());
        }
        catch
        {
            _writeGate.Release();
            throw;
        }
    }

    /// <summary>The collection the alias points to, or null when there is none.</summary>
    public async Task<string?> AliasTargetAsync(CancellationToken cancellationToken = default) =>
        (await _client.GetAliasesAsync(cancellationToken).ConfigureAwait(false))
        .FirstOrDefault(a => a.AliasName == Collection)?.CollectionName;

    private string NextVersionName(IEnumerable<string> collections)
    {
        var pattern = new Regex("^" + Regex.Escape(Collection) + @"_v(\d+)$", RegexOptions.CultureInvariant);
        var highest = collections.Select(c => pattern.Match(c)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value)).DefaultIfEmpty(0).Max();
        return $"{Collection}_v{highest + 1}";
    }

    /// <summary>The collection layout: sparse <c>bm25</c> with IDF, optional dense vector, payload indexes, cluster settings.</summary>
    internal CreateCollectionRequest CollectionLayout() => new()
    {
        SparseVectors = new Dictionary<string, SparseVectorParams> { [SparseVectorName] = new("idf") },
        Vectors = _embedder is { Dimensions: > 0 } e ? new Dictionary<string, VectorParams> { [DenseVectorName] = new(e.Dimensions, Distances.Cosine) } : null,
        ShardNumber = _options.ShardNumber,
        ReplicationFactor = _options.ReplicationFactor,
        WriteConsistencyFactor = _options.WriteConsistencyFactor,
        Metadata = _embedder is { Dimensions: > 0 } m ? new Dictionary<string, string> { [EmbeddingModelMetadataKey] = m.Model } : null,
    };

    private async Task CreateCollectionAsync(string name, CancellationToken cancellationToken)
    {
        await _client.CreateCollectionAsync(name, CollectionLayout(), cancellationToken).ConfigureAwait(false);
        foreach (var (field, type) in PayloadKeys.Indexed)
            await _client.CreatePayloadIndexAsync(name, field, type, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Vectors of different models are never mixed: an index built with another model needs a rebuild.</summary>
    private async Task EnsureSameEmbeddingModelAsync(CancellationToken cancellationToken)
    {
        if (_embedder is not { Dimensions: > 0 }) return;
        var info = await _client.GetCollectionAsync(Collection, cancellationToken).ConfigureAwait(false);
        var stored = info.Config.Metadata is { } metadata && metadata.TryGetValue(EmbeddingModelMetadataKey, out var model) ? model.ToString() : null;
        if (stored != _embedder.Model)
            throw new InvalidOperationException(
                $"Qdrant collection '{Collection}' holds dense vectors of model '{stored ?? "(none)"}', but the configured embedding model is '{_embedder.Model}'. Rebuild the index.");
    }

    internal async Task CompleteBuildAsync(BuildTarget build, CancellationToken cancellationToken)
    {
        var actions = new List<AliasAction>();
        if (build.Previous is not null) actions.Add(AliasAction.Delete(Collection));
        actions.Add(AliasAction.Create(Collection, build.Version));
        await _client.UpdateAliasesAsync(actions, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Alias {Alias} now points to {Version}", Collection, build.Version);
        if (build.Previous is not null)
            await _client.DeleteCollectionAsync(build.Previous, cancellationToken).ConfigureAwait(false);
    }

    // ---- reading ----

    public async Task<IReadOnlyList<ScoredChunk>> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = BuildQuery(request);
        if (query is null) return [];
        var points = await ReadOrEmptyAsync(() => _client.QueryAsync(Collection, query, cancellationToken), []).ConfigureAwait(false);
        return points.Select(p => new ScoredChunk(Payloads.Read<ChunkPayload>(p.Payload).ToChunk(), p.Score)).ToList();
    }

    /// <summary>
    /// The Query API request for a search: sparse only, or sparse and dense prefetches fused by RRF. Null when the
    /// question has nothing searchable (or <see cref="SearchRequest.Top"/> is not positive).
    /// </summary>
    public QueryRequest? BuildQuery(SearchRequest request)
    {
        if (request.Top <= 0) return null;
        var sparse = _encoder.EncodeQuery(request);
        var dense = _embedder is { Dimensions: > 0 } && request.Embedding is { Length: > 0 } embedding ? embedding : (ReadOnlyMemory<float>?)null;
        var filter = QdrantFilters.For(request);

        if (dense is null)
            return sparse is null ? null : new QueryRequest
            {
                Query = NearestQuery.Sparse(sparse), Using = SparseVectorName, Filter = filter, Limit = request.Top, WithPayload = PayloadKeys.ChunkFields,
            };

        var depth = Math.Max(MinFusionDepth, request.Top * FusionDepthFactor);
        var prefetch = new List<Prefetch>();
        if (sparse is not null) prefetch.Add(new Prefetch { Query = NearestQuery.Sparse(sparse), Using = SparseVectorName, Filter = filter, Limit = depth });
        prefetch.Add(new Prefetch { Query = NearestQuery.Dense(dense.Value), Using = DenseVectorName, Filter = filter, Limit = depth });
        return new QueryRequest { Prefetch = prefetch, Query = FusionQuery.Rrf, Filter = filter, Limit = request.Top, WithPayload = PayloadKeys.ChunkFields };
    }

    public async Task<IReadOnlyList<ManifestEntry>> ReadManifestAsync(CancellationToken cancellationToken = default)
    {
        var entries = new List<ManifestEntry>();
        await foreach (var payload in ScrollManifestsAsync(PayloadKeys.ManifestEntryFields, cancellationToken).ConfigureAwait(false))
            entries.Add(payload.ToManifestEntry());
        return entries;
    }

    public async Task<StoredArticle?> GetArticleAsync(string articleId, CancellationToken cancellationToken = default)
    {
        articleId = ArticleIds.Normalize(articleId);
        if (articleId.Length == 0) return null;
        var direct = await ReadOrEmptyAsync(() => _client.GetPointsAsync(Collection,
            new PointRequest { Ids = [PointIds.ForManifest(articleId)], WithPayload = true }, cancellationToken), []).ConfigureAwait(false);
        if (direct.Count > 0) return Payloads.Read<ManifestPayload>(direct[0].Payload).ToStoredArticle();

        var byAlias = await ReadOrEmptyAsync(() => _client.ScrollAsync(Collection, new ScrollRequest
        {
            Filter = Filter.All(FieldCondition.Equal(PayloadKeys.Kind, PointKinds.Manifest), FieldCondition.Equal(PayloadKeys.Aliases, articleId)),
            Limit = 1,
            WithPayload = true,
        }, cancellationToken), new ScrollResult { Points = [] }).ConfigureAwait(false);
        return byAlias.Points.Count == 0 ? null : Payloads.Read<ManifestPayload>(byAlias.Points[0].Payload).ToStoredArticle();
    }

    public async IAsyncEnumerable<StoredArticle> ListArticlesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var payload in ScrollManifestsAsync(null, cancellationToken).ConfigureAwait(false))
            yield return payload.ToStoredArticle();
    }

    public async Task<IndexStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        int articles = 0, dated = 0;
        DateTimeOffset? earliest = null, latest = null;
        var bySource = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var manifest in ScrollManifestsAsync(PayloadKeys.StatsFields, cancellationToken).ConfigureAwait(false))
        {
            articles++;
            if (manifest.Published is { } published)
            {
                dated++;
                if (earliest is null || published < earliest) earliest = published;
                if (latest is null || published > latest) latest = published;
            }
            var source = manifest.Source ?? "";
            bySource[source] = bySource.GetValueOrDefault(source) + 1;
        }
        var chunks = await ReadOrEmptyAsync(() => _client.CountAsync(Collection,
            new CountRequest { Filter = Filter.All(FieldCondition.Equal(PayloadKeys.Kind, PointKinds.Chunk)), Exact = true }, cancellationToken), 0L).ConfigureAwait(false);
        return new IndexStats(BackendName, articles, (int)chunks, dated, earliest, latest, bySource, SizeOnDiskBytes: null);
    }

    /// <summary>
    /// Counted with a filter, then the newest page read with <c>order_by</c> on the payload index of the local
    /// publication time. Points without that key are not returned by an ordered scroll, so undated articles (listed
    /// only when no window is asked) are read with a second, unordered scroll and sorted by id within that page.
    /// </summary>
    public async Task<ArticleListing> QueryArticlesAsync(ArticleQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var total = await ReadOrEmptyAsync(() => _client.CountAsync(Collection,
            new CountRequest { Filter = QdrantFilters.ForListing(query), Exact = true }, cancellationToken), 0L).ConfigureAwait(false);
        if (query.Limit <= 0 || total == 0) return new ArticleListing((int)total, []);

        var dated = await ReadOrEmptyAsync(() => _client.ScrollAsync(Collection, new ScrollRequest
        {
            Filter = QdrantFilters.ForListing(query),
            Limit = query.Limit,
            WithPayload = PayloadKeys.ListingFields,
            OrderBy = new OrderBy(PayloadKeys.PublishedLocal, "desc"),
        }, cancellationToken), new ScrollResult { Points = [] }).ConfigureAwait(false);
        var listed = dated.Points.Select(p => Payloads.Read<ManifestPayload>(p.Payload).ToListed()).ToList();

        if (query.Published is null && listed.Count < query.Limit && listed.Count < total)
        {
            var undated = await ReadOrEmptyAsync(() => _client.ScrollAsync(Collection, new ScrollRequest
            {
                Filter = QdrantFilters.ForListing(query, IsEmptyCondition.Of(PayloadKeys.PublishedLocal)),
                Limit = query.Limit - listed.Count,
                WithPayload = PayloadKeys.ListingFields,
            }, cancellationToken), new ScrollResult { Points = [] }).ConfigureAwait(false);
            listed.AddRange(undated.Points.Select(p => Payloads.Read<ManifestPayload>(p.Payload).ToListed()).Where(a => a.Published is null));
        }
        return new ArticleListing((int)total, ArticleQuery.Newest(listed).ToList());
    }

    /// <summary>What <c>qabot qdrant status</c> shows: the alias, its collection's state, layout and cluster settings.</summary>
    public async Task<QdrantStatusReport> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var target = await AliasTargetAsync(cancellationToken).ConfigureAwait(false);
        var name = target ?? Collection;
        if (!await _client.CollectionExistsAsync(name, cancellationToken).ConfigureAwait(false))
            return QdrantStatusReport.Missing(_options.Url, Collection);
        var info = await _client.GetCollectionAsync(name, cancellationToken).ConfigureAwait(false);
        var aliases = await _client.GetCollectionAliasesAsync(name, cancellationToken).ConfigureAwait(false);
        return QdrantStatusReport.From(_options.Url, Collection, name, info, aliases.Select(a => a.AliasName).ToList());
    }

    /// <summary>Snapshot of the live collection (for backup); on a cluster Qdrant snapshots each peer's shards.</summary>
    public async Task<SnapshotDescription> CreateSnapshotAsync(CancellationToken cancellationToken = default) =>
        await _client.CreateSnapshotAsync(await AliasTargetAsync(cancellationToken).ConfigureAwait(false) ?? Collection, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<SnapshotDescription>> ListSnapshotsAsync(CancellationToken cancellationToken = default) =>
        await _client.ListSnapshotsAsync(await AliasTargetAsync(cancellationToken).ConfigureAwait(false) ?? Collection, cancellationToken).ConfigureAwait(false);

    public ValueTask DisposeAsync()
    {
        _writeGate.Dispose();
        return ValueTask.CompletedTask;
    }

    internal async IAsyncEnumerable<ManifestPayload> ScrollManifestsAsync(string[]? fields, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ScrollRequest
        {
            Filter = Filter.All(FieldCondition.Equal(PayloadKeys.Kind, PointKinds.Manifest)),
            Limit = ScrollPageSize,
            WithPayload = fields is null ? true : fields,
        };
        while (true)
        {
            var page = await ReadOrEmptyAsync(() => _client.ScrollAsync(Collection, request, cancellationToken), new ScrollResult { Points = [] }).ConfigureAwait(false);
            foreach (var point in page.Points) yield return Payloads.Read<ManifestPayload>(point.Payload);
            if (page.NextPageOffset is not { ValueKind: not System.Text.Json.JsonValueKind.Null } next) yield break;
            request = request with { Offset = next };
        }
    }

    /// <summary>Before the first commit there is no alias yet: reads see an empty index, as with a fresh embedded index.</summary>
    private static async Task<T> ReadOrEmptyAsync<T>(Func<Task<T>> read, T empty)
    {
        try { return await read().ConfigureAwait(false); }
        catch (QdrantException e) when (e.IsNotFound) { return empty; }
    }
}

/// <summary>A full build in progress: the new collection version and the one the alias pointed to before.</summary>
internal sealed record BuildTarget(string Version, string? Previous);
