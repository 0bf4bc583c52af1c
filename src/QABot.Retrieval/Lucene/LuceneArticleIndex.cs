using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QABot.Core.Configuration;
using QABot.Core.Diagnostics;
using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Retrieval.Fusion;
using QABot.Retrieval.Options;
using QABot.Text.Analysis;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace QABot.Retrieval.Lucene;

/// <summary>
/// The embedded backend: a Lucene.Net index under <c>{data}/lucene</c>, BM25 over analyzed Arabic fields, optional
/// exact dense search fused by weighted reciprocal rank (<see cref="Fusion"/>). Reads are thread-safe and see only
/// committed data, including commits made by another process (`qabot ingest` next to `qabot serve`): see
/// <see cref="ReopenCheckInterval"/>.
/// </summary>
public sealed class LuceneArticleIndex : IArticleIndex
{
    public const string DirectoryName = "lucene";

    /// <summary>
    /// The document layout, recorded in every commit. 2: publication times on the outlet's own clock (1 stored UTC
    /// ticks), manifests indexed for listing by date and outlet. An older index is upgraded by its next write session.
    /// </summary>
    public const int SchemaVersion = 2;
    private const string SchemaKey = "qabot.schema";
    private const string CommittedAtKey = "qabot.committed";
    internal static IDictionary<string, string> CommitData => new Dictionary<string, string>
    {
        [SchemaKey] = SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [CommittedAtKey] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The write session's in-memory buffer; a full buffer is flushed to a new segment (see <see cref="WriterConfig"/>).</summary>
    public const int WriterBufferMegabytes = 48;

    /// <summary>Sparse and dense candidates fused per requested hit: enough depth for RRF to reorder.</summary>
    private const int FusionDepthFactor = 4;
    private const int MinFusionDepth = 50;

    /// <summary>
    /// How often a read checks whether the commit generation on disk moved (another process committed): at most once
    /// per interval, on the read that finds it due, so an idle server does no work and a busy one lists the folder
    /// once a second. A changed index is reopened incrementally; searches in flight keep the reader they acquired,
    /// which is released when the last of them finishes.
    /// </summary>
    public static readonly TimeSpan ReopenCheckInterval = TimeSpan.FromSeconds(1);

    private readonly string _path;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly object _openLock = new();
    private LuceneDirectory? _directory;
    private SearcherManager? _searchers;
    private DataDirectoryReaders? _readers;
    private long _nextReopenCheck;
    private bool _disposed;

    public LuceneArticleIndex(IOptions<DataOptions> data, IOptions<RetrievalOptions> retrieval, ILogger<LuceneArticleIndex> logger)
        : this(Path.Combine(data.Value.ResolvedDirectory, DirectoryName), logger)
    {
        Fusion = retrieval.Value.Fusion;
    }

    /// <param name="path">The folder holding the Lucene files (created on first use).</param>
    public LuceneArticleIndex(string path, ILogger? logger = null)
    {
        _path = Path.GetFullPath(path);
        _logger = logger ?? NullLogger.Instance;
    }

    public string BackendName => "lucene";

    public string IndexPath => _path;

    internal LuceneQueryOptions QueryOptions { get; set; } = LuceneQueryOptions.Default;

    /// <summary>Weights of the BM25 and dense rankings when a search carries an embedding (Retrieval:Fusion).</summary>
    public FusionOptions Fusion { get; init; } = new();

    public Task<IIndexWriteSession> BeginWriteAsync(CancellationToken cancellationToken = default) => BeginWriteAsync(cancellationToken, lanes: null);

    /// <param name="lanes">Parallel analysis lanes; defaults to the processor count (at most 4).</param>
    public async Task<IIndexWriteSession> BeginWriteAsync(CancellationToken cancellationToken, int? lanes)
    {
        var directory = Open();
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        DataDirectoryWriterLock? writerLock = null;
        try
        {
            // Commands that write take this lock first and say so while they wait; here it is re-entrant and guards
            // every other writer (tests, hosts) the same way.
            writerLock = await DataDirectoryWriterLock.AcquireAsync(DataDirectory, waiting: null, cancellationToken).ConfigureAwait(false);
            // Another process may have committed since this process opened its reader: the session starts from that commit.
            _searchers!.MaybeRefreshBlocking();
            // APPEND, never CREATE: Open() guarantees a commit, and a writer must not start a new index over old files.
            var writer = new IndexWriter(directory, WriterConfig(OpenMode.APPEND));
            var stored = StoredSchemaVersion;
            LuceneWriteSession? session = null;
            var heldLock = writerLock;
            session = new LuceneWriteSession(writer, lanes ?? Math.Clamp(Environment.ProcessorCount, 1, 4),
                afterCommit: () => Task.Run(RefreshAfterCommit),
                release: () =>
                {
                    heldLock.Dispose();
                    _writeGate.Release();
                },
                upgrade: stored < SchemaVersion ? (written, token) => UpgradeAsync(stored, written, session!, token) : null,
                logger: _logger);
            return session;
        }
        catch
        {
            writerLock?.Dispose();
            _writeGate.Release();
            throw;
        }
    }

    /// <summary>The data directory holding the index folder: where the writer lock and the index history live.</summary>
    public string DataDirectory => Path.GetDirectoryName(_path) ?? _path;

    /// <summary>Where each commit's related-term groups are kept for the next process (beside the compiled dictionaries).</summary>
    private string RelatedTermsCache => Path.Combine(DataDirectory, "cache");

    /// <summary>The layout of the committed index: 1 for an index written before layouts were recorded.</summary>
    public int StoredSchemaVersion => WithSearcher(searcher =>
        searcher.IndexReader is DirectoryReader reader && reader.IndexCommit.UserData.TryGetValue(SchemaKey, out var value)
            && int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var version) ? version
        : searcher.IndexReader.MaxDoc == 0 ? SchemaVersion : 1);

    /// <summary>
    /// Rewrites, in the current layout, every stored article the session did not write itself, from what the index
    /// stored (full text, chunks, embeddings, hashes, aliases): nothing is lost and no source file is needed. What an
    /// older layout did not keep cannot be recovered: schema 1 stored dates converted to UTC, so those articles keep
    /// their UTC date until their source is ingested again (their content hash no longer matches, so it is rewritten).
    /// </summary>
    private async Task<string> UpgradeAsync(int from, IReadOnlySet<string> written, IIndexWriteSession session, CancellationToken cancellationToken)
    {
        var searchers = Searchers();
        var searcher = searchers.Acquire();
        var rewritten = 0;
        try
        {
            var aliases = ReadAliases(searcher);
            foreach (var manifest in Documents(searcher, DocumentKinds.Manifest, fieldsToLoad: null))
            {
                var id = manifest.Get(IndexFields.ArticleId);
                if (written.Contains(id)) continue;
                var chunkQuery = new BooleanQuery
                {
                    { new TermQuery(new Term(IndexFields.Kind, DocumentKinds.Chunk)), Occur.MUST },
                    { new TermQuery(new Term(IndexFields.ArticleId, id)), Occur.MUST },
                };
                var chunkDocs = searcher.Search(chunkQuery, Math.Max(1, StoredDocuments.ChunkCount(manifest) * 2 + 10)).ScoreDocs
                    .Select(hit => searcher.Doc(hit.Doc)).ToList();
                var chunks = chunkDocs.Select(d => (Chunk: StoredDocuments.ToChunk(d, from), Embedding: StoredDocuments.Embedding(d)))
                    .OrderBy(c => c.Chunk.Ordinal).ToList();
                var embeddings = chunks.Count > 0 && chunks.All(c => c.Embedding is not null)
                    ? chunks.Select(c => (ReadOnlyMemory<float>)c.Embedding!).ToList() : null;
                await session.UpsertAsync(new IndexDocument(StoredDocuments.ToArticle(manifest, from), chunks.Select(c => c.Chunk).ToList(),
                    manifest.Get(IndexFields.ContentHash) ?? "", manifest.Get(IndexFields.BodyHash) ?? "",
                    aliases.TryGetValue(id, out var a) ? a : [], embeddings), cancellationToken).ConfigureAwait(false);
                rewritten++;
            }
        }
        finally { searchers.Release(searcher); }
        _logger.LogInformation("Upgraded the Lucene index from schema {From} to {To}; {Count} stored articles rewritten", from, SchemaVersion, rewritten);
        return rewritten == 0
            ? $"Index upgraded from schema {from} to {SchemaVersion}: publication dates now keep the outlet's own offset; every stored article was rewritten from its source in this run."
            : $"Index upgraded from schema {from} to {SchemaVersion}: {rewritten} stored article(s) not in this run were rewritten from the index with their dates as stored (UTC, the outlet's offset was not kept); ingest their source files again to get each outlet's own date.";
    }

    public Task<IReadOnlyList<ScoredChunk>> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Top <= 0) return Task.FromResult<IReadOnlyList<ScoredChunk>>([]);
        return Task.FromResult(WithSearcher(searcher => Search(searcher, request)));
    }

    public Task<IReadOnlyList<ManifestEntry>> ReadManifestAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(WithSearcher<IReadOnlyList<ManifestEntry>>(searcher =>
        {
            var aliases = ReadAliases(searcher);
            var entries = new List<ManifestEntry>();
            void Add(string id, string contentHash, string bodyHash) =>
                entries.Add(new ManifestEntry(id, contentHash, bodyHash, aliases.TryGetValue(id, out var a) ? a : []));

            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var reader = leaf.AtomicReader;
                if (ManifestColumns.Of(reader) is { } columns)
                {
                    foreach (var doc in DocIds(reader, DocumentKinds.Manifest))
                        Add(columns.Id(doc), columns.ContentHash(doc), columns.BodyHash(doc));
                    continue;
                }
                // A segment written before the manifest had doc values: its stored fields (with the article text) are read.
                foreach (var doc in DocIds(reader, DocumentKinds.Manifest))
                {
                    var stored = reader.Document(doc, ManifestFieldsToLoad);
                    Add(stored.Get(IndexFields.ArticleId), stored.Get(IndexFields.ContentHash) ?? "", stored.Get(IndexFields.BodyHash) ?? "");
                }
            }
            return entries;
        }));

    /// <summary>A count of live manifest documents, without reading any of them.</summary>
    public Task<bool> HasArticlesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(WithSearcher(searcher => searcher.IndexReader.Leaves.Any(leaf => DocIds(leaf.AtomicReader, DocumentKinds.Manifest).Any())));

    public Task<StoredArticle?> GetArticleAsync(string articleId, CancellationToken cancellationToken = default)
    {
        articleId = ArticleIds.Normalize(articleId);
        if (articleId.Length == 0) return Task.FromResult<StoredArticle?>(null);
        return Task.FromResult(WithSearcher(searcher =>
        {
            var manifest = FindManifest(searcher, articleId);
            if (manifest is null)
            {
                var owner = FindFirst(searcher, DocumentKinds.Alias, new Term(IndexFields.Alias, articleId));
                if (owner is not null) manifest = FindManifest(searcher, owner.Get(IndexFields.ArticleId));
            }
            return manifest is null ? null : ToStoredArticle(manifest, AliasesOf(searcher, manifest.Get(IndexFields.ArticleId)));
        }));
    }

    public async IAsyncEnumerable<StoredArticle> ListArticlesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var searchers = Searchers();
        var searcher = searchers.Acquire();
        try
        {
            var aliases = ReadAliases(searcher);
            foreach (var doc in Documents(searcher, DocumentKinds.Manifest, fieldsToLoad: null))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var id = doc.Get(IndexFields.ArticleId);
                yield return ToStoredArticle(doc, aliases.TryGetValue(id, out var a) ? a : []);
            }
        }
        finally { searchers.Release(searcher); }
        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task<IndexStats> GetStatsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(WithSearcher(searcher =>
        {
            int articles = 0, dated = 0;
            DateTimeOffset? earliest = null, latest = null;
            var bySource = new Dictionary<string, int>(StringComparer.Ordinal);
            void Count(string? source, DateTimeOffset? published)
            {
                articles++;
                if (published is { } date)
                {
                    dated++;
                    if (earliest is null || date < earliest) earliest = date;
                    if (latest is null || date > latest) latest = date;
                }
                source ??= "";
                bySource[source] = bySource.GetValueOrDefault(source) + 1;
            }


            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var reader = leaf.AtomicReader;
                if (ManifestColumns.Of(reader) is { } columns)
                {
                    // Outlets are counted by their number in the segment and named once at the end.
                    var perOutlet = new int[columns.SourceCount];
                    foreach (var doc in DocIds(reader, DocumentKinds.Manifest))
                    {
                        Count(null, columns.Published(doc));
                        if (columns.SourceOrdinal(doc) is >= 0 and var ordinal) perOutlet[ordinal]++;
                    }
                    for (var ordinal = 0; ordinal < perOutlet.Length; ordinal++)
                    {
                        if (perOutlet[ordinal] == 0) continue;
                        var name = columns.SourceName(ordinal);
                        bySource[name] = bySource.GetValueOrDefault(name) + perOutlet[ordinal];
                        bySource[""] -= perOutlet[ordinal];
                    }
                    continue;
                }
                foreach (var doc in DocIds(reader, DocumentKinds.Manifest))
                {
                    var stored = reader.Document(doc, StatsFieldsToLoad);
                    Count(stored.Get(IndexFields.Source), StoredDocuments.Published(stored));
                }
            }
            if (bySource.TryGetValue("", out var unnamed) && unnamed == 0) bySource.Remove("");
            var chunks = searcher.Search(new TermQuery(new Term(IndexFields.Kind, DocumentKinds.Chunk)), 1).TotalHits;
            var commit = CommitOf(searcher);
            return new IndexStats(BackendName, articles, chunks, dated, earliest, latest, bySource, SizeOnDisk(), commit?.Generation, commit?.LastCommit);
        }));

    public Task<IndexCommitPoint?> GetCommitAsync(CancellationToken cancellationToken = default) => Task.FromResult(WithSearcher(CommitOf));

    private IndexCommitPoint? CommitOf(IndexSearcher searcher)
    {
        if (searcher.IndexReader is not DirectoryReader { IndexCommit: { } commit }) return null;
        if (commit.UserData.TryGetValue(CommittedAtKey, out var recorded)
            && DateTimeOffset.TryParse(recorded, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var at))
            return new IndexCommitPoint(commit.Generation, at);
        // A commit made before the time was recorded: its segments file was written by that commit.
        var segments = new FileInfo(Path.Combine(_path, commit.SegmentsFileName));
        return new IndexCommitPoint(commit.Generation, segments.Exists ? new DateTimeOffset(segments.LastWriteTimeUtc, TimeSpan.Zero) : null);
    }

    public Task<ArticleListing> QueryArticlesAsync(ArticleQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Task.FromResult(WithSearcher(searcher =>
        {
            var manifests = new BooleanQuery { { new TermQuery(new Term(IndexFields.Kind, DocumentKinds.Manifest)), Occur.MUST } };
            LuceneQueryBuilder.AddRestrictions(manifests, query.Published, query.Sources);
            if (query.Limit <= 0)
            {
                var counter = new TotalHitCountCollector();
                searcher.Search(manifests, counter);
                return new ArticleListing(counter.TotalHits, []);
            }
            var top = searcher.Search(manifests, null, query.Limit, NewestFirst);
            return new ArticleListing(top.TotalHits,
                top.ScoreDocs.Select(hit => StoredDocuments.ToListed(searcher.Doc(hit.Doc, ListingFieldsToLoad))).ToList());
        }));
    }

    /// <summary>Counted from the postings of the untokenized outlet field: no stored field is read.</summary>
    public Task<IReadOnlyDictionary<string, int>> CountArticlesBySourceAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(WithSearcher<IReadOnlyDictionary<string, int>>(searcher =>
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var reader = leaf.AtomicReader;
                var terms = reader.GetTerms(IndexFields.Outlet)?.GetEnumerator();
                if (terms is null) continue;
                DocsEnum? docs = null;
                while (terms.MoveNext())
                {
                    // Without deletions every posting is live: the term's document frequency is the count, and the
                    // postings (every article of the index, read for the outlet names of each cold question) stay unread.
                    var live = 0;
                    if (!reader.HasDeletions) live = terms.DocFreq;
                    else
                    {
                        docs = terms.Docs(reader.LiveDocs, docs, DocsFlags.NONE);
                        while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS) live++;
                    }
                    if (live == 0) continue;
                    var name = terms.Term.Utf8ToString();
                    counts[name] = counts.GetValueOrDefault(name) + live;
                }
            }
            return counts;
        }));

    public ValueTask DisposeAsync()
    {
        lock (_openLock)
        {
            if (_disposed) return ValueTask.CompletedTask;
            _disposed = true;
            _searchers?.Dispose();
            _directory?.Dispose();
            _readers?.Dispose();
        }
        return ValueTask.CompletedTask;
    }

    private void RefreshAfterCommit()
    {
        _searchers!.MaybeRefreshBlocking();
        RecordIndexHistory();
        WarmRelatedTerms();
    }

    /// <summary>The related-term map of a new snapshot is built now rather than inside the first user's query.</summary>
    private void WarmRelatedTerms()
    {
        if (QueryOptions.RelatedTermWeight > 0) WithSearcher(searcher => RelatedTerms.For(searcher.IndexReader, RelatedTermsCache, _logger));
    }

    private static readonly ISet<string> ManifestFieldsToLoad = new HashSet<string> { IndexFields.ArticleId, IndexFields.ContentHash, IndexFields.BodyHash };
    private static readonly ISet<string> ListingFieldsToLoad = new HashSet<string>
        { IndexFields.ArticleId, IndexFields.Title, IndexFields.Source, IndexFields.Published, IndexFields.PublishedOffset };

    /// <summary>Newest local publication time first; undated (no doc value) last; then article id.</summary>
    private static readonly Sort NewestFirst = NewestFirstSort();

    private static Sort NewestFirstSort()
    {
        var published = new SortField(IndexFields.PublishedOrder, SortFieldType.INT64, reverse: true);
        published.SetMissingValue(long.MinValue);
        return new Sort(published, new SortField(IndexFields.ArticleIdOrder, SortFieldType.STRING));
    }

    private static readonly ISet<string> StatsFieldsToLoad = new HashSet<string> { IndexFields.Published, IndexFields.PublishedOffset, IndexFields.Source };

    private IReadOnlyList<ScoredChunk> Search(IndexSearcher searcher, SearchRequest request)
    {
        var related = QueryOptions.RelatedTermWeight > 0 ? RelatedTerms.For(searcher.IndexReader, RelatedTermsCache, _logger) : null;
        var reader = searcher.IndexReader;
        var query = LuceneQueryBuilder.BuildQuery(request, QueryOptions, related,
            term => term == LuceneQueryBuilder.AllPassages ? reader.NumDocs : reader.DocFreq(new Term(IndexFields.Body, term)));
        // A searcher is a thin view over the shared reader: cheap to create per query with the scoring in use.
        searcher = new IndexSearcher(searcher.IndexReader) { Similarity = new CoordinatedBm25Similarity(
            request.Language == Languages.English ? QueryOptions.EnglishCoordinationExponent : QueryOptions.CoordinationExponent,
            QueryOptions.K1, QueryOptions.B) };
        var filter = LuceneQueryBuilder.BuildFilter(request);
        var dense = request.Embedding is { } embedding ? DenseVectors.For(searcher) : null;
        var hybrid = dense is { Count: > 0 };

        if (!hybrid)
        {
            if (query is null) return [];
            var rerankWeight = request.Language == Languages.English ? QueryOptions.EnglishRerankWeight : QueryOptions.RerankWeight;
            var reranker = rerankWeight > 0 ? PassageReranker.For(searcher.IndexReader, query,
                NumericAnswerCue.ExpectsNumber(request.Text, request.Language) ? QueryOptions.NumberConceptShare : 0f) : null;
            var hits = searcher.Search(query, filter, reranker is null ? request.Top : Math.Max(request.Top, QueryOptions.RerankDepth)).ScoreDocs;
            var scored = hits.Select(h => new ScoredChunk(StoredDocuments.ToChunk(searcher.Doc(h.Doc)), h.Score));
            if (reranker is not null)
                scored = scored
                    .Select(c => c with { Score = c.Score * (1 + rerankWeight * reranker.WindowCoverage(c.Chunk.Text, QueryOptions.RerankWindow)) })
                    .OrderByDescending(c => c.Score)
                    .Take(request.Top);
            return scored.ToList();
        }

        var depth = Math.Max(MinFusionDepth, request.Top * FusionDepthFactor);
        var sparse = query is null ? [] : searcher.Search(query, filter, depth).ScoreDocs.Select(h => h.Doc).ToList();
        var nearest = dense!.Nearest(request.Embedding!.Value.Span, request, depth).Select(n => n.Doc).ToList();
        return WeightedReciprocalRankFusion.Fuse(sparse, nearest, Fusion)
            .Take(request.Top)
            .Select(f => new ScoredChunk(StoredDocuments.ToChunk(searcher.Doc(f.Item)), f.Score))
            .ToList();
    }

    private static global::Lucene.Net.Documents.Document? FindManifest(IndexSearcher searcher, string articleId) =>
        FindFirst(searcher, DocumentKinds.Manifest, new Term(IndexFields.ArticleId, articleId));

    private static global::Lucene.Net.Documents.Document? FindFirst(IndexSearcher searcher, string kind, Term term)
    {
        var query = new BooleanQuery
        {
            { new TermQuery(new Term(IndexFields.Kind, kind)), Occur.MUST },
            { new TermQuery(term), Occur.MUST },
        };
        var hits = searcher.Search(query, 1).ScoreDocs;
        return hits.Length == 0 ? null : searcher.Doc(hits[0].Doc);
    }

    private static IReadOnlyList<string> AliasesOf(IndexSearcher searcher, string articleId)
    {
        var query = new BooleanQuery
        {
            { new TermQuery(new Term(IndexFields.Kind, DocumentKinds.Alias)), Occur.MUST },
            { new TermQuery(new Term(IndexFields.ArticleId, articleId)), Occur.MUST },
        };
        var hits = searcher.Search(query, 10_000).ScoreDocs;
        return hits.Select(h => searcher.Doc(h.Doc).Get(IndexFields.Alias)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadAliases(IndexSearcher searcher) =>
        Documents(searcher, DocumentKinds.Alias, fieldsToLoad: null)
            .GroupBy(d => d.Get(IndexFields.ArticleId), d => d.Get(IndexFields.Alias), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

    /// <summary>Every live document of one kind, in index order, without scoring.</summary>
    private static IEnumerable<global::Lucene.Net.Documents.Document> Documents(IndexSearcher searcher, string kind, ISet<string>? fieldsToLoad)
    {
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var reader = leaf.AtomicReader;
            foreach (var doc in DocIds(reader, kind))
                yield return fieldsToLoad is null ? reader.Document(doc) : reader.Document(doc, fieldsToLoad);
        }
    }

    /// <summary>The live documents of one kind in one segment.</summary>
    private static IEnumerable<int> DocIds(AtomicReader reader, string kind)
    {
        var docs = reader.GetTermDocsEnum(new Term(IndexFields.Kind, kind));
        if (docs is null) yield break;
        while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS) yield return docs.DocID;
    }

    private static StoredArticle ToStoredArticle(global::Lucene.Net.Documents.Document manifest, IReadOnlyList<string> aliases) =>
        new(StoredDocuments.ToArticle(manifest), aliases, StoredDocuments.ChunkCount(manifest), manifest.Get(IndexFields.ContentHash) ?? "");

    private T WithSearcher<T>(Func<IndexSearcher, T> read)
    {
        var searchers = Searchers();
        var searcher = searchers.Acquire();
        try { return read(searcher); }
        finally { searchers.Release(searcher); }
    }

    private SearcherManager Searchers()
    {
        Open();
        ReopenIfChangedOnDisk();
        return _searchers!;
    }

    private void ReopenIfChangedOnDisk()
    {
        var now = Environment.TickCount64;
        var due = Interlocked.Read(ref _nextReopenCheck);
        // One reader per interval claims the check; the others read the current snapshot without waiting.
        if (now < due || Interlocked.CompareExchange(ref _nextReopenCheck, now + (long)ReopenCheckInterval.TotalMilliseconds, due) != due) return;
        try
        {
            // Non-blocking: while another thread reopens (a local commit's refresh), this read keeps the current reader.
            if (_searchers!.MaybeRefresh()) _ = Task.Run(WarmRelatedTerms);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A commit caught halfway through or a file gone under us: the current snapshot still answers, and the
            // next check tries again.
            _logger.LogWarning("Could not reopen the Lucene index at {Path} after a change on disk ({Message}); still serving the previous commit", _path, ex.Message);
        }
    }

    private LuceneDirectory Open()
    {
        lock (_openLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_directory is not null) return _directory;
            // Held while this index stays open, so `index restore` cannot swap the folder under these readers.
            var readers = DataDirectoryReaders.Register(DataDirectory,
                () => _logger.LogWarning("An index restore is running in {DataDirectory}; waiting for it to finish", DataDirectory));
            LuceneDirectory? directory = null;
            try
            {
                System.IO.Directory.CreateDirectory(_path);
                // NIOFS, not the MMap directory FSDirectory.Open picks on 64-bit: Lucene.Net's mmap input takes a lock per
                // byte read, which cost about a sixth of query CPU in profiles; positional file reads do not.
                directory = new PositionalReadDirectory(new DirectoryInfo(_path));
                if (!DirectoryReader.IndexExists(directory)) CreateEmptyIndex(directory);
                _searchers = OpenSearchers(directory);
                // The reader just opened is the current commit: the first read need not check the disk for a newer one.
                _nextReopenCheck = Environment.TickCount64 + (long)ReopenCheckInterval.TotalMilliseconds;
                StartupTrace.Mark("index opened");
            }
            catch
            {
                directory?.Dispose();
                readers.Dispose();
                throw;
            }
            _readers = readers;
            _directory = directory;
            return directory;
        }
    }

    /// <summary>
    /// An empty first commit lets readers open before anything is ingested. It is written only into a folder holding
    /// no index files: files without a readable commit are a damaged index, and creating over them would wipe it.
    /// </summary>
    private void CreateEmptyIndex(LuceneDirectory directory)
    {
        ThrowIfIndexFilesWithoutCommit(directory);
        using var writerLock = DataDirectoryWriterLock.AcquireAsync(DataDirectory, waiting: null, CancellationToken.None).GetAwaiter().GetResult();
        // The writer this process waited for may have created it meanwhile.
        if (DirectoryReader.IndexExists(directory)) return;
        ThrowIfIndexFilesWithoutCommit(directory);
        using var writer = new IndexWriter(directory, WriterConfig(OpenMode.CREATE));
        writer.SetCommitData(CommitData);
        writer.Commit();
        _logger.LogInformation("Created an empty Lucene index at {Path}", _path);
    }

    private void ThrowIfIndexFilesWithoutCommit(LuceneDirectory directory)
    {
        var indexFiles = directory.ListAll().Count(LuceneIndexFiles.BelongToIndex);
        if (indexFiles == 0) return;
        throw NoCommit(indexFiles, inner: null);
    }

    private IndexDamagedException NoCommit(int indexFiles, Exception? inner) => new(
        $"the Lucene index at {_path} has {indexFiles} index files but no commit (segments_N is missing or unreadable); " +
        "nothing was changed. Run `qabot index check`, then `qabot index restore SNAPSHOT`", inner);

    private SearcherManager OpenSearchers(LuceneDirectory directory)
    {
        try { return new SearcherManager(directory, null); }
        catch (FileNotFoundException e) when (Path.GetFileName(e.FileName ?? "").StartsWith("segments_", StringComparison.Ordinal))
        {
            // segments.gen still names a commit whose file is gone.
            throw NoCommit(directory.ListAll().Count(LuceneIndexFiles.BelongToIndex), e);
        }
        catch (IOException e)
        {
            throw new IndexDamagedException(
                $"the Lucene index at {_path} cannot be read ({e.GetType().Name}: {e.Message.Split('\n')[0].Trim()}); nothing was changed. Run `qabot index check`", e);
        }
    }

    /// <summary>
    /// Records, once, that this data directory has held articles: the sample corpus is ingested by itself only into a
    /// directory that never held an index, so an index that went missing is reported instead of quietly refilled.
    /// </summary>
    private void RecordIndexHistory()
    {
        var marker = Path.Combine(DataDirectory, DataOptions.IndexedSinceFileName);
        if (File.Exists(marker) || !WithSearcher(searcher => searcher.IndexReader.NumDocs > 0)) return;
        try { File.WriteAllText(marker, DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + Environment.NewLine); }
        catch (IOException e) { _logger.LogWarning("Could not record the index history in {Marker}: {Message}", marker, e.Message); }
    }

    private static IndexWriterConfig WriterConfig(OpenMode mode) => new(SearchAnalysis.Version, SearchAnalysis.Arabic)
    {
        OpenMode = mode,
        Similarity = new BM25Similarity(),
        // Small enough that a full buffer is flushed during ingest, by the analysis lane whose writer thread holds it,
        // while the other lane goes on indexing; with 256 MB a 31.5k-article ingest flushed everything inside the commit,
        // on one thread. The 31.5k corpus now makes 4 segments instead of 2 (no merge); on the shared 2-core machine its
        // commit took 3.6-11 s instead of 7.6-50 s.
        RAMBufferSizeMB = WriterBufferMegabytes,
        MaxBufferedDocs = IndexWriterConfig.DISABLE_AUTO_FLUSH,
        // Packing each flushed segment into a compound file copies it once more; the index has few segments anyway.
        UseCompoundFile = false,
    };

    private long? SizeOnDisk()
    {
        try { return new DirectoryInfo(_path).EnumerateFiles().Sum(f => f.Length); }
        catch (IOException) { return null; }
    }
}
