using QABot.Core.Domain;

namespace QABot.Core.Retrieval;

/// <summary>
/// The one storage and retrieval interface every backend implements (embedded Lucene, Qdrant).
/// Ingestion writes through <see cref="BeginWriteAsync"/>; answering reads through <see cref="SearchAsync"/>.
/// The shared conformance scenarios in the tests run against every implementation.
/// </summary>
public interface IArticleIndex : IAsyncDisposable
{
    /// <summary>Short backend name for status output ("lucene", "qdrant").</summary>
    string BackendName { get; }

    /// <summary>What is stored, per article: used by ingestion to skip unchanged articles and find duplicates.</summary>
    Task<IReadOnlyList<ManifestEntry>> ReadManifestAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a write session. Nothing it writes is visible to readers until <see cref="IIndexWriteSession.CommitAsync"/>;
    /// disposing without committing discards the session's changes, so an index is never left half-written.
    /// </summary>
    Task<IIndexWriteSession> BeginWriteAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ScoredChunk>> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds an article by its id or by any alias id recorded for a duplicate; the id is matched in its
    /// <see cref="Domain.ArticleIds.Normalize"/> form, so a pasted id with bidi marks around it still resolves.
    /// </summary>
    Task<StoredArticle?> GetArticleAsync(string articleId, CancellationToken cancellationToken = default);

    IAsyncEnumerable<StoredArticle> ListArticlesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The articles of a publication window and/or outlets, newest first, with their total count: for "what was
    /// published in September 2023" and `qabot articles list`. Backends answer it from indexed fields, never by reading
    /// every article; the default is for in-memory test doubles and tells them to use <c>ArticleListings</c>.
    /// </summary>
    Task<ArticleListing> QueryArticlesAsync(ArticleQuery query, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"{GetType().Name} does not list articles by date and outlet (IArticleIndex.QueryArticlesAsync).");

    Task<IndexStats> GetStatsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The commit readers see now: cheap enough for every metrics scrape. Null for a backend without numbered commits.
    /// </summary>
    Task<IndexCommitPoint?> GetCommitAsync(CancellationToken cancellationToken = default) => Task.FromResult<IndexCommitPoint?>(null);

    /// <summary>Whether any article is stored. A backend overrides it when it can tell without reading the manifest.</summary>
    async Task<bool> HasArticlesAsync(CancellationToken cancellationToken = default) =>
        (await ReadManifestAsync(cancellationToken).ConfigureAwait(false)).Count > 0;

    /// <summary>
    /// The outlet names stored in the index with their article counts (no entry for articles without one). Read on
    /// every question that may name an outlet, so a backend answers it from an index of names when it can; the
    /// default reads the full statistics.
    /// </summary>
    async Task<IReadOnlyDictionary<string, int>> CountArticlesBySourceAsync(CancellationToken cancellationToken = default) =>
        (await GetStatsAsync(cancellationToken).ConfigureAwait(false)).ArticlesBySource
            .Where(kv => !string.IsNullOrWhiteSpace(kv.Key))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
}

public interface IIndexWriteSession : IAsyncDisposable
{
    /// <summary>Adds the document, replacing every chunk previously stored for the same article id.</summary>
    Task UpsertAsync(IndexDocument document, CancellationToken cancellationToken = default);

    /// <summary>Records extra ids (duplicates found in other files) for an already stored article.</summary>
    Task SetAliasesAsync(string articleId, IReadOnlyList<string> aliasIds, CancellationToken cancellationToken = default);

    Task DeleteAsync(string articleId, CancellationToken cancellationToken = default);

    Task CommitAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// After <see cref="CommitAsync"/>: one line saying that the commit also upgraded the index to a newer layout, and
    /// what that means for the articles already stored; null when nothing was upgraded.
    /// </summary>
    string? UpgradeNote => null;
}

/// <summary>An article ready for storage: parsed, chunked, hashed and (optionally) embedded.</summary>
/// <param name="ContentHash">Hash of everything stored for the article (metadata + body): unchanged articles are skipped by it.</param>
/// <param name="BodyHash">Hash of the normalized body: two articles with the same one are duplicates.</param>
/// <param name="ChunkEmbeddings">One vector per chunk, in chunk order, when an embedding model is configured.</param>
public sealed record IndexDocument(
    Article Article,
    IReadOnlyList<Chunk> Chunks,
    string ContentHash,
    string BodyHash,
    IReadOnlyList<string> AliasIds,
    IReadOnlyList<ReadOnlyMemory<float>>? ChunkEmbeddings = null);

public sealed record ManifestEntry(string ArticleId, string ContentHash, string BodyHash, IReadOnlyList<string> AliasIds);

public sealed record StoredArticle(Article Article, IReadOnlyList<string> AliasIds, int ChunkCount, string ContentHash);

public sealed record IndexStats(
    string Backend,
    int Articles,
    int Chunks,
    int DatedArticles,
    DateTimeOffset? EarliestPublished,
    DateTimeOffset? LatestPublished,
    IReadOnlyDictionary<string, int> ArticlesBySource,
    long? SizeOnDiskBytes,
    long? Generation = null,
    DateTimeOffset? LastCommit = null);

/// <param name="Generation">Grows by one with every commit, whichever process made it.</param>
/// <param name="LastCommit">When that commit was made; null when the index does not record it.</param>
public sealed record IndexCommitPoint(long Generation, DateTimeOffset? LastCommit);
