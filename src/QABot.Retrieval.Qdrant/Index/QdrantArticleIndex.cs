using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Qdrant.Client;
using Qdrant.Client.Grpc;
using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Retrieval.Options;
using QABot.Retrieval.Qdrant.Connection;
using QABot.Retrieval.Qdrant.Options;
using QABot.Retrieval.Qdrant.Sparse;

namespace QABot.Retrieval.Qdrant.Index;

/// <summary>
/// The Qdrant backend of <see cref="IArticleIndex"/>, through the official gRPC client. Readers address the alias
/// <see cref="QdrantOptions.Collection"/>; the first build (and every <see cref="BeginRebuildAsync"/>) writes into a
/// fresh <c>{collection}_v{n}</c> and moves the alias on commit, so readers switch atomically and never see a
/// half-built collection. Later sessions update the live collection at commit (see <see cref="QdrantWriteSession"/>).
/// Search is BM25 over the named sparse vector <c>bm25</c>, fused by weighted RRF with the named dense vector
/// <c>dense</c> when an embedding model is configured.
/// </summary>
public sealed class QdrantArticleIndex : IArticleIndex
{
    public const string SparseVectorName = "bm25";
    public const string DenseVectorName = "dense";
    public const string EmbeddingModelMetadataKey = "embeddingModel";

    /// <summary>Candidates per prefetch for fusion: enough depth for RRF to reorder (as in the embedded index).</summary>
    private const int FusionDepthFactor = 4;
    private const int MinFusionDepth = 50;
    private const uint ScrollPageSize = 1000;

    private readonly QdrantConnection _connection;
    private readonly QdrantOptions _options;
    private readonly FusionOptions _fusion;
    private readonly ITextEmbedder? _embedder;
    private readonly Bm25SparseEncoder _encoder;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public QdrantArticleIndex(QdrantConnection connection, IOptions<QdrantOptions> options, IOptions<RetrievalOptions>? retrieval = null,
        ILogger<QdrantArticleIndex>? logger = null, ITextEmbedder? embedder = null, Bm25SparseEncoder? encoder = null)
    {
        _connection = connection;
        _options = options.Value;
        if (string.IsNullOrWhiteSpace(_options.Collection)) throw new ArgumentException("Retrieval:Qdrant:Collection is empty.", nameof(options));
        if (_options.UpsertBatchSize <= 0) throw new ArgumentException("Retrieval:Qdrant:UpsertBatchSize must be positive.", nameof(options));
        _fusion = retrieval?.Value.Fusion ?? new FusionOptions();
        _embedder = embedder;
        _encoder = encoder ?? new Bm25SparseEncoder();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public string BackendName => "qdrant";

    /// <summary>The alias readers use.</summary>
    public string Collection => _options.Collection;

    /// <summary>The official client, over the application's one channel.</summary>
    public QdrantClient Client => _connection.Client;

    internal QdrantOptions Options => _options;
    internal Bm25SparseEncoder Encoder => _encoder;
    internal ITextEmbedder? Embedder => _embedder;
    internal ILogger Logger => _logger;

    /// <summary>Null leaves Qdrant's default (weak ordering).</summary>
    internal WriteOrderingType? Ordering => _options.WriteOrdering?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "weak" => WriteOrderingType.Weak,
        "medium" => WriteOrderingType.Medium,
        "strong" => WriteOrderingType.Strong,
        var other => throw new InvalidOperationException($"Retrieval:Qdrant:WriteOrdering is '{other}': use weak, medium or strong."),
    };

    /// <summary>Null leaves Qdrant's default (one replica answers).</summary>
    internal ReadConsistency? Consistency => _options.ReadConsistency?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "majority" => new ReadConsistency { Type = ReadConsistencyType.Majority },
        "quorum" => new ReadConsistency { Type = ReadConsistencyType.Quorum },
        "all" => new ReadConsistency { Type = ReadConsistencyType.All },
        var n when ulong.TryParse(n, out var factor) && factor > 0 => new ReadConsistency { Factor = factor },
        var other => throw new InvalidOperationException($"Retrieval:Qdrant:ReadConsistency is '{other}': use majority, quorum, all or a number."),
    };

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
            if (live is not null && !await Client.CollectionExistsAsync(live, cancellationToken).ConfigureAwait(false))
                throw new InvalidOperationException(
                    $"Qdrant alias '{Collection}' points to collection '{live}', which does not exist: nothing was written. " +
                    "Restore the collection from a snapshot, or point the alias at an existing version.");
            if (!rebuild && live is not null)
            {
                await EnsureSameEmbeddingModelAsync(cancellationToken).ConfigureAwait(false);
                return new QdrantWriteSession(this, Collection, build: null, release: () => _writeGate.Release());
            }

            var names = await Client.ListCollectionsAsync(cancellationToken).ConfigureAwait(false);
            if (names.Contains(Collection, StringComparer.Ordinal))
            {
                // A plain collection under the alias name (created by hand or an older version): update it in place.
                if (rebuild)
                    throw new InvalidOperationException(
                        $"Collection '{Collection}' is a plain collection, not an alias: a rebuild cannot swap it. Delete or rename it first.");
                await EnsureSameEmbeddingModelAsync(cancellationToken).ConfigureAwait(false);
                return new QdrantWriteSession(this, Collection, build: null, release: () => _writeGate.Release());
            }

            var versions = Versions(names).ToList();
            if (!rebuild && live is null && versions.Count > 0)
                // An ingest would otherwise start an empty index beside data that lost its alias.
                throw new InvalidOperationException(
                    $"Qdrant alias '{Collection}' is missing but {string.Join(", ", versions.Select(v => v.Name))} exist: another ingest is building, or they lost their alias. " +
                    "QABot will not start an empty index beside them: wait for the other ingest, or point the alias at the right version (or delete the leftovers), then run the ingest again.");

            var version = $"{Collection}_v{versions.Select(v => v.Number).DefaultIfEmpty(0).Max() + 1}";
            await CreateVersionAsync(version, cancellationToken).ConfigureAwait(false);
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
        (await Client.ListAliasesAsync(cancellationToken).ConfigureAwait(false))
        .FirstOrDefault(a => a.AliasName == Collection)?.CollectionName;

    private IEnumerable<(string Name, int Number)> Versions(IEnumerable<string> collections)
    {
        var pattern = new Regex("^" + Regex.Escape(Collection) + @"_v(\d+)$", RegexOptions.CultureInvariant);
        return collections.Select(c => pattern.Match(c)).Where(m => m.Success)
            .Select(m => (m.Value, int.Parse(m.Groups[1].Value))).OrderBy(v => v.Item2);
    }

    /// <summary>The collection layout: sparse <c>bm25</c> with IDF, optional dense vector, cluster settings, embedding model.</summary>
    public CreateCollection CollectionLayout(string name)
    {
        var layout = new CreateCollection
        {
            CollectionName = name,
            SparseVectorsConfig = new SparseVectorConfig { Map = { [SparseVectorName] = new SparseVectorParams { Modifier = Modifier.Idf } } },
            ShardNumber = (uint)_options.ShardNumber,
            ReplicationFactor = (uint)_options.ReplicationFactor,
            WriteConsistencyFactor = (uint)_options.WriteConsistencyFactor,
        };
        if (_embedder is { Dimensions: > 0 } embedder)
        {
            layout.VectorsConfig = new VectorsConfig
            {
                ParamsMap = new VectorParamsMap { Map = { [DenseVectorName] = new VectorParams { Size = (ulong)embedder.Dimensions, Distance = Distance.Cosine } } },
            };
            layout.Metadata.Add(EmbeddingModelMetadataKey, new Value { StringValue = embedder.Model });
        }
        return layout;
    }

    private async Task CreateVersionAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await Client.CreateCollectionAsync(CollectionLayout(name), cancellationToken).ConfigureAwait(false);
        }
        catch (QdrantRequestException e) when (e.Status is StatusCode.AlreadyExists or StatusCode.InvalidArgument)
        {
            // Qdrant answers "already exists" for a name another process created a moment ago.
            if (!await Client.CollectionExistsAsync(name, cancellationToken).ConfigureAwait(false)) throw;
            throw new InvalidOperationException(
                $"Another writer is building Qdrant collection '{name}' for alias '{Collection}': only one build at a time. Run the ingest again when it has finished.", e);
        }
        foreach (var (field, type) in PayloadKeys.Indexed)
            await Client.CreatePayloadIndexAsync(name, field, type, wait: true, ordering: Ordering, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Vectors of different models are never mixed: an index built with another model needs a rebuild.</summary>
    private async Task EnsureSameEmbeddingModelAsync(CancellationToken cancellationToken)
    {
        if (_embedder is not { Dimensions: > 0 }) return;
        var info = await Client.GetCollectionInfoAsync(Collection, cancellationToken).ConfigureAwait(false);
        var stored = info.Config.Metadata.TryGetValue(EmbeddingModelMetadataKey, out var model) ? model.StringValue : null;
        if (stored != _embedder.Model)
            throw new InvalidOperationException(
                $"Qdrant collection '{Collection}' holds dense vectors of model '{stored ?? "(none)"}', but the configured embedding model is '{_embedder.Model}'. Rebuild the index.");
    }

    /// <summary>
    /// Moves the alias to the finished version, after checking that it still points where it did when the build
    /// began: a writer in another process that switched it meanwhile wins, and this build is dropped instead of
    /// silently replacing that writer's data. (Qdrant has no compare-and-swap on aliases; the window left is the one
    /// between this check and the switch.)
    /// </summary>
    internal async Task CompleteBuildAsync(BuildTarget build, CancellationToken cancellationToken)
    {
        var current = await AliasTargetAsync(cancellationToken).ConfigureAwait(false);
        if (current != build.Previous)
            throw new InvalidOperationException(
                $"Another writer moved Qdrant alias '{Collection}' to '{current ?? "(nothing)"}' while this build wrote '{build.Version}': " +
                "nothing was switched and this build is dropped. Run the ingest again.");

        await MoveAliasAsync(build.Previous, build.Version, cancellationToken).ConfigureAwait(false);
        if (build.Previous is not null)
            await Client.DeleteCollectionAsync(build.Previous, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One atomic alias update: readers see the old collection or the new one, never none.</summary>
    private async Task MoveAliasAsync(string? from, string to, CancellationToken cancellationToken)
    {
        var actions = new List<AliasOperations>();
        if (from is not null) actions.Add(new AliasOperations { DeleteAlias = new DeleteAlias { AliasName = Collection } });
        actions.Add(new AliasOperations { CreateAlias = new CreateAlias { AliasName = Collection, CollectionName = to } });
        await Client.UpdateAliasesAsync(actions, cancellationToken: cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Alias {Alias} now points to {Version}", Collection, to);
    }

    /// <summary>The name the next collection version gets (<c>{alias}_v{n+1}</c>).</summary>
    internal async Task<string> NextVersionAsync(CancellationToken cancellationToken)
    {
        var names = await Client.ListCollectionsAsync(cancellationToken).ConfigureAwait(false);
        return $"{Collection}_v{Versions(names).Select(v => v.Number).DefaultIfEmpty(0).Max() + 1}";
    }

    /// <summary>
    /// Points the alias at a restored collection, under the write gate and only if the alias still points where it did
    /// (<paramref name="expected"/>) when the restore began; the replaced collection is kept, not deleted.
    /// </summary>
    internal async Task SwitchToRestoredAsync(string? expected, string restored, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = await AliasTargetAsync(cancellationToken).ConfigureAwait(false);
            if (current != expected)
                throw new InvalidOperationException(
                    $"Another writer moved Qdrant alias '{Collection}' to '{current ?? "(nothing)"}' while the snapshot was restored into '{restored}': " +
                    "the alias was not switched. Point it at the right collection, or run the restore again.");
            await MoveAliasAsync(expected, restored, cancellationToken).ConfigureAwait(false);
        }
        finally { _writeGate.Release(); }
    }

    // ---- reading ----

    public async Task<IReadOnlyList<ScoredChunk>> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (BuildQuery(request) is not { } query) return [];
        var points = await ReadOrEmptyAsync(() => Client.QueryAsync(Collection, query.Query, query.Prefetch, query.Using, query.Filter,
            limit: query.Limit, payloadSelector: query.Payload, readConsistency: Consistency, cancellationToken: cancellationToken), []).ConfigureAwait(false);
        return points.Select(p => new ScoredChunk(Payloads.Read<ChunkPayload>(p.Payload).ToChunk(), p.Score)).ToList();
    }

    /// <summary>
    /// The Query API request for a search: sparse only, or sparse and dense prefetches fused by weighted RRF
    /// (Retrieval:Fusion: SparseWeight, DenseWeight, K, as in the embedded index). Null when the question has nothing searchable (or
    /// <see cref="SearchRequest.Top"/> is not positive). A dense weight of 0 means BM25 alone.
    /// </summary>
    public SearchQuery? BuildQuery(SearchRequest request)
    {
        if (request.Top <= 0) return null;
        var sparse = _encoder.EncodeQuery(request);
        var dense = _embedder is { Dimensions: > 0 } && request.Embedding is { Length: > 0 } embedding && _fusion.DenseWeight > 0
            ? embedding : (ReadOnlyMemory<float>?)null;
        var filter = QdrantFilters.For(request);
        var payload = new WithPayloadSelector { Include = new PayloadIncludeSelector { Fields = { PayloadKeys.ChunkFields } } };

        if (dense is null)
            return sparse is null ? null : new SearchQuery(SparseQuery(sparse), [], SparseVectorName, filter, (ulong)request.Top, payload);

        var depth = (ulong)Math.Max(MinFusionDepth, request.Top * FusionDepthFactor);
        var prefetch = new List<PrefetchQuery>();
        var rrf = new Rrf { K = (uint)_fusion.K };
        if (sparse is not null && _fusion.SparseWeight > 0)
        {
            prefetch.Add(Prefetch(SparseQuery(sparse), SparseVectorName, filter, depth));
            rrf.Weights.Add((float)_fusion.SparseWeight);
        }
        prefetch.Add(Prefetch(dense.Value.ToArray(), DenseVectorName, filter, depth));
        rrf.Weights.Add((float)_fusion.DenseWeight);
        return new SearchQuery(new Query { Rrf = rrf }, prefetch, null, filter, (ulong)request.Top, payload);

        static PrefetchQuery Prefetch(Query query, string vector, Filter? filter, ulong limit)
        {
            var prefetch = new PrefetchQuery { Query = query, Using = vector, Limit = limit };
            if (filter is not null) prefetch.Filter = filter;
            return prefetch;
        }
    }

    private static Query SparseQuery(Sparse.SparseVector vector) => (vector.Values.ToArray(), vector.Indices.ToArray());

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
        var direct = await ReadOrEmptyAsync(() => Client.RetrieveAsync(Collection, [PointIds.ForManifest(articleId)],
            new WithPayloadSelector { Enable = true }, new WithVectorsSelector { Enable = false }, Consistency, cancellationToken: cancellationToken), []).ConfigureAwait(false);
        if (direct.Count > 0) return Payloads.Read<ManifestPayload>(direct[0].Payload).ToStoredArticle();

        var byAlias = await ReadOrEmptyAsync(() => ScrollAsync(QdrantFilters.ManifestWithAlias(articleId), 1, null, null, null, cancellationToken), null).ConfigureAwait(false);
        return byAlias is not { Result.Count: > 0 } ? null : Payloads.Read<ManifestPayload>(byAlias.Result[0].Payload).ToStoredArticle();
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
        var chunks = await ReadOrEmptyAsync(() => Client.CountAsync(Collection, QdrantFilters.OfKind(PointKinds.Chunk), exact: true,
            readConsistency: Consistency, cancellationToken: cancellationToken), 0UL).ConfigureAwait(false);
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
        var total = (int)await ReadOrEmptyAsync(() => Client.CountAsync(Collection, QdrantFilters.ForListing(query), exact: true,
            readConsistency: Consistency, cancellationToken: cancellationToken), 0UL).ConfigureAwait(false);
        if (query.Limit <= 0 || total == 0) return new ArticleListing(total, []);

        var newestFirst = new OrderBy { Key = PayloadKeys.PublishedLocal, Direction = Direction.Desc };
        var dated = await ReadOrEmptyAsync(() => ScrollAsync(QdrantFilters.ForListing(query), (uint)query.Limit, null, PayloadKeys.ListingFields, newestFirst, cancellationToken), null).ConfigureAwait(false);
        var listed = dated?.Result.Select(p => Payloads.Read<ManifestPayload>(p.Payload).ToListed()).ToList() ?? [];

        if (query.Published is null && listed.Count < query.Limit && listed.Count < total)
        {
            var undated = await ReadOrEmptyAsync(() => ScrollAsync(QdrantFilters.ForListing(query, Conditions.IsEmpty(PayloadKeys.PublishedLocal)),
                (uint)(query.Limit - listed.Count), null, PayloadKeys.ListingFields, null, cancellationToken), null).ConfigureAwait(false);
            if (undated is not null)
                listed.AddRange(undated.Result.Select(p => Payloads.Read<ManifestPayload>(p.Payload).ToListed()).Where(a => a.Published is null));
        }
        return new ArticleListing(total, ArticleQuery.Newest(listed).ToList());
    }

    /// <summary>What <c>qabot qdrant status</c> shows: the alias, its collection's state, layout and cluster settings.</summary>
    public async Task<QdrantStatusReport> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var target = await AliasTargetAsync(cancellationToken).ConfigureAwait(false);
        var name = target ?? Collection;
        if (!await Client.CollectionExistsAsync(name, cancellationToken).ConfigureAwait(false))
            return target is null
                ? QdrantStatusReport.Missing(_options.Url, Collection)
                : QdrantStatusReport.Dangling(_options.Url, Collection, target);
        var info = await Client.GetCollectionInfoAsync(name, cancellationToken).ConfigureAwait(false);
        var aliases = await Client.ListCollectionAliasesAsync(name, cancellationToken).ConfigureAwait(false);
        return QdrantStatusReport.From(_options.Url, Collection, name, info, aliases.ToList());
    }

    /// <summary>
    /// A snapshot of the live collection (a backup Qdrant keeps in its snapshots directory; on a cluster each peer
    /// snapshots its own shards). What <c>qabot index snapshot</c> maps to on this backend.
    /// </summary>
    public async Task<SnapshotDescription> CreateSnapshotAsync(CancellationToken cancellationToken = default) =>
        await Client.CreateSnapshotAsync(await LiveCollectionAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<SnapshotDescription>> ListSnapshotsAsync(CancellationToken cancellationToken = default) =>
        await Client.ListSnapshotsAsync(await LiveCollectionAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    private async Task<string> LiveCollectionAsync(CancellationToken cancellationToken) =>
        await AliasTargetAsync(cancellationToken).ConfigureAwait(false) ?? Collection;

    public ValueTask DisposeAsync()
    {
        _writeGate.Dispose();
        return ValueTask.CompletedTask;
    }

    internal async Task<ScrollResponse?> ScrollAsync(Filter filter, uint limit, PointId? offset, string[]? fields, OrderBy? orderBy, CancellationToken cancellationToken) =>
        await Client.ScrollAsync(Collection, filter, limit, offset,
            fields is null ? new WithPayloadSelector { Enable = true } : new WithPayloadSelector { Include = new PayloadIncludeSelector { Fields = { fields } } },
            new WithVectorsSelector { Enable = false }, Consistency, orderBy: orderBy, cancellationToken: cancellationToken).ConfigureAwait(false);

    internal async IAsyncEnumerable<ManifestPayload> ScrollManifestsAsync(string[]? fields, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        PointId? offset = null;
        while (true)
        {
            var page = await ReadOrEmptyAsync(() => ScrollAsync(QdrantFilters.OfKind(PointKinds.Manifest), ScrollPageSize, offset, fields, null, cancellationToken), null).ConfigureAwait(false);
            if (page is null) yield break;
            foreach (var point in page.Result) yield return Payloads.Read<ManifestPayload>(point.Payload);
            if (page.NextPageOffset is null) yield break;
            offset = page.NextPageOffset;
        }
    }

    /// <summary>Before the first commit there is no alias yet: reads see an empty index, as with a fresh embedded index.</summary>
    private static async Task<T> ReadOrEmptyAsync<T>(Func<Task<T>> read, T empty)
    {
        try { return await read().ConfigureAwait(false); }
        catch (QdrantRequestException e) when (e.IsNotFound) { return empty; }
    }
}

/// <summary>A full build in progress: the new collection version and the one the alias pointed to before.</summary>
internal sealed record BuildTarget(string Version, string? Previous);

/// <summary>The parts of a Query API call for one search (what <see cref="QdrantClient.QueryAsync"/> takes).</summary>
public sealed record SearchQuery(Query Query, IReadOnlyList<PrefetchQuery> Prefetch, string? Using, Filter? Filter, ulong Limit, WithPayloadSelector Payload);
