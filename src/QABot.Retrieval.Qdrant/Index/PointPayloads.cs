using System.Text.Json;
using System.Text.Json.Serialization;
using QABot.Core.Domain;
using QABot.Core.Retrieval;
using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;
using QABot.Text;

namespace QABot.Retrieval.Qdrant.Index;

/// <summary>
/// The payload keys of the collection. Chunk points carry everything a citation needs; one manifest point per article
/// (no vectors, so searches never return it) carries the full article, its hashes, aliases and chunk ids.
/// </summary>
internal static class PayloadKeys
{
    public const string Kind = "kind";
    public const string ArticleId = "articleId";
    public const string ChunkId = "chunkId";
    public const string Aliases = "aliases";
    public const string Published = "published";
    /// <summary>
    /// The publication time on the outlet's own clock, written without an offset ("2018-03-01T02:28:09"), which Qdrant
    /// reads as UTC: date windows (wall-clock) and listing order use it, so «1 March» means the outlet's 1 March.
    /// </summary>
    public const string PublishedLocal = "publishedLocal";
    public const string Source = "source";
    public const string SourceKey = "sourceKey";
    public const string Language = "language";

    /// <summary>The payload indexes every collection gets (filters and manifest look-ups).</summary>
    public static readonly IReadOnlyList<(string Field, PayloadSchemaType Type)> Indexed =
    [
        (Kind, PayloadSchemaType.Keyword),
        (ArticleId, PayloadSchemaType.Keyword),
        (Aliases, PayloadSchemaType.Keyword),
        (Published, PayloadSchemaType.Datetime),
        (PublishedLocal, PayloadSchemaType.Datetime),
        (Source, PayloadSchemaType.Keyword),
        (SourceKey, PayloadSchemaType.Keyword),
        (Language, PayloadSchemaType.Keyword),
    ];

    public static readonly string[] ChunkFields = [ArticleId, ChunkId, "ordinal", "startChar", "title", "text", Source, "url", Published, Language];
    public static readonly string[] ManifestEntryFields = [ArticleId, "contentHash", "bodyHash", Aliases];
    public static readonly string[] StatsFields = [ArticleId, Published, Source];
    public static readonly string[] ListingFields = [ArticleId, "title", Source, Published];
    public static readonly string[] StaleCheckFields = [ArticleId, Aliases, "chunkIds"];
}

internal static class PointKinds
{
    public const string Chunk = "chunk";
    public const string Manifest = "manifest";
}

/// <summary>Payload of a chunk point.</summary>
internal sealed record ChunkPayload
{
    [JsonPropertyName("kind")] public string Kind { get; init; } = PointKinds.Chunk;
    [JsonPropertyName("articleId")] public required string ArticleId { get; init; }
    [JsonPropertyName("chunkId")] public required string ChunkId { get; init; }
    [JsonPropertyName("ordinal")] public int Ordinal { get; init; }
    [JsonPropertyName("startChar")] public int StartChar { get; init; }
    [JsonPropertyName("title")] public required string Title { get; init; }
    [JsonPropertyName("text")] public required string Text { get; init; }
    [JsonPropertyName("source")] public string? Source { get; init; }
    /// <summary>Normalised, lower-cased outlet: the outlet filter is case- and spelling-insensitive, as in the embedded index.</summary>
    [JsonPropertyName("sourceKey")] public string? SourceKey { get; init; }
    [JsonPropertyName("url")] public string? Url { get; init; }
    /// <summary>RFC 3339 with the article's own offset; absent for an undated article, so no date range matches it.</summary>
    [JsonPropertyName("published")] public DateTimeOffset? Published { get; init; }
    [JsonPropertyName("publishedLocal")] public DateTime? PublishedLocal { get; init; }
    [JsonPropertyName("language")] public string Language { get; init; } = Languages.Arabic;
    [JsonPropertyName("contentHash")] public string? ContentHash { get; init; }
    [JsonPropertyName("bodyHash")] public string? BodyHash { get; init; }
    [JsonPropertyName("keywords")] public IReadOnlyList<string>? Keywords { get; init; }
    [JsonPropertyName("hostArticleId")] public string? HostArticleId { get; init; }

    public static ChunkPayload From(Chunk chunk, IndexDocument document) => new()
    {
        ArticleId = chunk.ArticleId,
        ChunkId = chunk.ChunkId,
        Ordinal = chunk.Ordinal,
        StartChar = chunk.StartChar,
        Title = chunk.Metadata.Title,
        Text = chunk.Text,
        Source = NullIfBlank(chunk.Metadata.Source),
        SourceKey = SourceKeys.For(chunk.Metadata.Source),
        Url = NullIfBlank(chunk.Metadata.Url),
        Published = chunk.Metadata.Published,
        PublishedLocal = chunk.Metadata.Published?.DateTime,
        Language = chunk.Metadata.Language,
        ContentHash = document.ContentHash,
        BodyHash = document.BodyHash,
        Keywords = document.Article.Keywords.Count == 0 ? null : document.Article.Keywords,
        HostArticleId = document.Article.HostArticleId,
    };

    public Chunk ToChunk() => new(ChunkId, Ordinal, Text, StartChar,
        new ArticleMetadata(ArticleId, Title, Source, Url, Published, Language));

    internal static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>Payload of an article's manifest point.</summary>
internal sealed record ManifestPayload
{
    [JsonPropertyName("kind")] public string Kind { get; init; } = PointKinds.Manifest;
    [JsonPropertyName("articleId")] public required string ArticleId { get; init; }
    [JsonPropertyName("title")] public string Title { get; init; } = "";
    [JsonPropertyName("body")] public string Body { get; init; } = "";
    [JsonPropertyName("source")] public string? Source { get; init; }
    [JsonPropertyName("sourceKey")] public string? SourceKey { get; init; }
    [JsonPropertyName("url")] public string? Url { get; init; }
    [JsonPropertyName("published")] public DateTimeOffset? Published { get; init; }
    [JsonPropertyName("publishedLocal")] public DateTime? PublishedLocal { get; init; }
    [JsonPropertyName("language")] public string Language { get; init; } = Languages.Arabic;
    [JsonPropertyName("keywords")] public IReadOnlyList<string>? Keywords { get; init; }
    [JsonPropertyName("hostArticleId")] public string? HostArticleId { get; init; }
    [JsonPropertyName("origin")] public string? Origin { get; init; }
    [JsonPropertyName("contentHash")] public string ContentHash { get; init; } = "";
    [JsonPropertyName("bodyHash")] public string BodyHash { get; init; } = "";
    [JsonPropertyName("aliases")] public IReadOnlyList<string> Aliases { get; init; } = [];
    /// <summary>The chunk ids stored for the article: a later upsert deletes exactly the ones it no longer has.</summary>
    [JsonPropertyName("chunkIds")] public IReadOnlyList<string> ChunkIds { get; init; } = [];

    public static ManifestPayload From(IndexDocument document, IReadOnlyList<string> aliases)
    {
        var article = document.Article;
        return new ManifestPayload
        {
            ArticleId = article.Id,
            Title = article.Title,
            Body = article.Body,
            Source = ChunkPayload.NullIfBlank(article.Source),
            SourceKey = SourceKeys.For(article.Source),
            Url = ChunkPayload.NullIfBlank(article.Url),
            Published = article.Published,
            PublishedLocal = article.Published?.DateTime,
            Language = article.Language,
            Keywords = article.Keywords.Count == 0 ? null : article.Keywords,
            HostArticleId = article.HostArticleId,
            Origin = article.Origin,
            ContentHash = document.ContentHash,
            BodyHash = document.BodyHash,
            Aliases = aliases,
            ChunkIds = document.Chunks.Select(c => c.ChunkId).ToList(),
        };
    }

    public Article ToArticle() => new()
    {
        Id = ArticleId,
        Title = Title,
        Body = Body,
        Source = Source,
        Url = Url,
        Published = Published,
        Language = Language,
        Keywords = Keywords ?? [],
        HostArticleId = HostArticleId,
        Origin = Origin,
    };

    public ListedArticle ToListed() => new(ArticleId, Title, Source, Published);

    public StoredArticle ToStoredArticle() => new(ToArticle(), Aliases.Order(StringComparer.Ordinal).ToList(), ChunkIds.Count, ContentHash);

    public ManifestEntry ToManifestEntry() => new(ArticleId, ContentHash, BodyHash, Aliases.Order(StringComparer.Ordinal).ToList());
}

/// <summary>Only the aliases of a manifest: what an alias update writes with set_payload.</summary>
internal sealed record AliasesPayload([property: JsonPropertyName("aliases")] IReadOnlyList<string> Aliases);

/// <summary>
/// The outlet key the source filter matches on: normalised Arabic, trimmed, lower case. Mirrors the embedded index's
/// key so a filter means the same on both backends.
/// </summary>
internal static class SourceKeys
{
    public static string? For(string? source) =>
        string.IsNullOrWhiteSpace(source) ? null : OutletKeys.For(source);
}

internal static class Payloads
{
    public static T Read<T>(MapField<string, Value> payload) =>
        PayloadJson.ToJson(payload).Deserialize<T>(PayloadJson.Options) ?? throw new JsonException($"Empty {typeof(T).Name} payload.");
}
