namespace QABot.Core.Domain;

/// <summary>
/// The metadata every chunk carries, so a retrieved chunk can be cited without a second lookup.
/// </summary>
public sealed record ArticleMetadata(
    string ArticleId,
    string Title,
    string? Source,
    string? Url,
    DateTimeOffset? Published,
    string Language)
{
    public static ArticleMetadata From(Article article) =>
        new(article.Id, article.Title, article.Source, article.Url, article.Published, article.Language);
}

/// <summary>A passage of an article: the unit that is indexed, retrieved and quoted.</summary>
/// <param name="ChunkId">Stable id: <c>{articleId}:{ordinal}</c>.</param>
/// <param name="StartChar">Offset of the chunk's first character in the article body.</param>
public sealed record Chunk(
    string ChunkId,
    int Ordinal,
    string Text,
    int StartChar,
    ArticleMetadata Metadata)
{
    public string ArticleId => Metadata.ArticleId;

    public static string MakeId(string articleId, int ordinal) => $"{articleId}:{ordinal}";
}
