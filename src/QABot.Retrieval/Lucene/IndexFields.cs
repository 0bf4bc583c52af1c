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
    /// <summary>UTC ticks, indexed numerically for range filters and stored; absent for undated articles.</summary>
    public const string Published = "published";
    /// <summary>The original UTC offset in minutes, so the stored instant round-trips with its offset.</summary>
    public const string PublishedOffset = "publishedOffset";
    public const string Language = "language";
    public const string Embedding = "embedding";

    // Manifest documents: one per article, stored fields only.
    public const string ContentHash = "contentHash";
    public const string BodyHash = "bodyHash";
    public const string ChunkCount = "chunkCount";
    public const string FullBody = "fullBody";
    public const string Keyword = "keyword";
    public const string HostArticleId = "hostArticleId";
    public const string Origin = "origin";

    // Manifest doc values: the columns that the manifest (ingest) and stats read for every article, kept apart from
    // the stored fields so reading them never inflates each article's stored full text.
    public const string ManifestId = "m.id";
    public const string ManifestContentHash = "m.contentHash";
    public const string ManifestBodyHash = "m.bodyHash";
    public const string ManifestSource = "m.source";
    /// <summary>UTC ticks; only dated articles have it (see <c>GetDocsWithField</c>).</summary>
    public const string ManifestPublished = "m.published";
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
