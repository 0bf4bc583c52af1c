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

    /// <summary>Finds an article by its id or by any alias id recorded for a duplicate.</summary>
    Task<StoredArticle?> GetArticleAsync(string articleId, CancellationToken cancellationToken = default);

    IAsyncEnumerable<StoredArticle> ListArticlesAsync(CancellationToken cancellationToken = default);

    Task<IndexStats> GetStatsAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether any article is stored. A backend overrides it when it can tell without reading the manifest.</summary>
    async Task<bool> HasArticlesAsync(CancellationToken cancellationToken = default) =>
        (await ReadManifestAsync(cancellationToken).ConfigureAwait(false)).Count > 0;
}

public interface IIndexWriteSession : IAsyncDisposable
{
    /// <summary>Adds the document, replacing every chunk previously stored for the same article id.</summary>
    Task UpsertAsync(IndexDocument document, CancellationToken cancellationToken = default);

    /// <summary>Records extra ids (duplicates found in other files) for an already stored article.</summary>
    Task SetAliasesAsync(string articleId, IReadOnlyList<string> aliasIds, CancellationToken cancellationToken = default);

    Task DeleteAsync(string articleId, CancellationToken cancellationToken = default);

    Task CommitAsync(CancellationToken cancellationToken = default);
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
    long? SizeOnDiskBytes);
