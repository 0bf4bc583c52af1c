namespace QABot.Retrieval.Lucene;

/// <summary>
/// The Lucene schema. Three kinds of documents share one index so an article's chunks, manifest and aliases can be
/// replaced or deleted together by the <see cref="ArticleId"/> term in a single atomic update.
/// </summary>
internal static class IndexFields
{
    public const string Kind = "kind";
    public const string ArticleId = "articleId";

    // Chunk documents: what search matches and returns.
    public const string ChunkId = "chunkId";
    public const string Ordinal = "ordinal";
    public const string StartChar = "startChar";
    public const string Title = "title";
    public const string Body = "body";
    public const string Source = "source";
    /// <summary>Folded source name, indexed for the Sources filter (case and letter shape insensitive).</summary>
    public const string SourceKey = "sourceKey";
    public const string Url = "url";
    /// <summary>
    /// The publication time on the outlet's own clock, in ticks (<see cref="DateTimeOffset.Ticks"/>: its offset not
    /// applied), indexed numerically for date windows (which are wall-clock) and stored; absent for undated articles.
    /// On chunks and manifests.
    /// </summary>
    public const string Published = "published";
    /// <summary>The offset the date was written with, in minutes: with <see cref="Published"/> it gives back the exact DateTimeOffset.</summary>
    public const string PublishedOffset = "publishedOffset";
    public const string Language = "language";
    public const string Embedding = "embedding";

    // Manifest documents: one per article; stored fields, plus what listing by date and outlet filters and sorts on
    // (Published, SourceKey, Outlet and the two order fields).
    public const string ContentHash = "contentHash";
    public const string BodyHash = "bodyHash";
    public const string ChunkCount = "chunkCount";
    public const string FullBody = "fullBody";
    public const string Keyword = "keyword";
    public const string HostArticleId = "hostArticleId";
    public const string Origin = "origin";
    /// <summary>The outlet as stored, indexed untokenized: its terms are the index's outlet names (catalog, counts).</summary>
    public const string Outlet = "outlet";
    /// <summary>Doc values for listing order: <see cref="Published"/> ticks, and the article id as the tie-break.</summary>
    public const string PublishedOrder = "publishedOrder";
    public const string ArticleIdOrder = "articleIdOrder";

    // Manifest doc values: with ArticleIdOrder and PublishedOrder, the columns that the manifest (ingest) and stats
    // read for every article, kept apart from the stored fields so reading them never inflates the article's text.
    public const string ManifestContentHash = "m.contentHash";
    public const string ManifestBodyHash = "m.bodyHash";
    public const string ManifestSource = "m.source";
    /// <summary>The offset of <see cref="PublishedOrder"/>'s date in minutes (dated articles only).</summary>
    public const string ManifestPublishedOffset = "m.publishedOffset";

    // Alias documents: one per alias id, so aliases can be added without rewriting the article.
    public const string Alias = "alias";
    /// <summary>(article, alias) pair, so recording the same alias twice replaces instead of duplicating.</summary>
    public const string AliasKey = "aliasKey";
}

internal static class DocumentKinds
{
    public const string Chunk = "chunk";
    public const string Manifest = "manifest";
    public const string Alias = "alias";
}
