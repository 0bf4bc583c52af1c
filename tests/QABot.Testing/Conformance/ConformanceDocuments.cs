using QABot.Core.Domain;
using QABot.Core.Retrieval;

namespace QABot.Testing.Conformance;

/// <summary>
/// Builds <see cref="IndexDocument"/>s inline for backend tests, one chunk per paragraph, so the scenarios do not
/// depend on the ingestion pipeline.
/// </summary>
public static class ConformanceDocuments
{
    public static IndexDocument Article(
        string id,
        string title,
        string body,
        DateTimeOffset? published = null,
        string? source = "test-source",
        IReadOnlyList<string>? aliases = null,
        string? contentHash = null,
        IReadOnlyList<ReadOnlyMemory<float>>? embeddings = null)
    {
        var article = new Article
        {
            Id = id,
            Title = title,
            Body = body,
            Published = published,
            Source = source,
            Url = $"https://example.test/{id}",
            Language = Languages.Arabic,
        };
        var metadata = ArticleMetadata.From(article);
        var chunks = new List<Chunk>();
        var start = 0;
        foreach (var paragraph in body.Split('\n'))
        {
            if (paragraph.Trim().Length > 0)
                chunks.Add(new Chunk(Chunk.MakeId(id, chunks.Count), chunks.Count, paragraph.Trim(), start + paragraph.IndexOf(paragraph.Trim(), StringComparison.Ordinal), metadata));
            start += paragraph.Length + 1;
        }
        return new IndexDocument(article, chunks, contentHash ?? $"content-{id}-{body.Length}", $"body-{body.Length}-{id}", aliases ?? [], embeddings);
    }
}
