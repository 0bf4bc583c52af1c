using System.Runtime.InteropServices;
using Lucene.Net.Documents;
using QABot.Core.Domain;

namespace QABot.Retrieval.Lucene;

/// <summary>Reads domain objects back from stored Lucene fields (the inverse of <see cref="ArticleDocumentBuilder"/>).</summary>
internal static class StoredDocuments
{
    public static Chunk ToChunk(Document doc, int schema = LuceneArticleIndex.SchemaVersion)
    {
        var metadata = new ArticleMetadata(
            doc.Get(IndexFields.ArticleId),
            doc.Get(IndexFields.Title) ?? "",
            doc.Get(IndexFields.Source),
            doc.Get(IndexFields.Url),
            Published(doc, schema),
            doc.Get(IndexFields.Language) ?? Languages.Arabic);
        return new Chunk(
            doc.Get(IndexFields.ChunkId),
            doc.GetField(IndexFields.Ordinal)?.GetInt32Value() ?? 0,
            doc.Get(IndexFields.Body) ?? "",
            doc.GetField(IndexFields.StartChar)?.GetInt32Value() ?? 0,
            metadata);
    }

    public static Article ToArticle(Document manifest, int schema = LuceneArticleIndex.SchemaVersion) => new()
    {
        Id = manifest.Get(IndexFields.ArticleId),
        Title = manifest.Get(IndexFields.Title) ?? "",
        Body = manifest.Get(IndexFields.FullBody) ?? "",
        Source = manifest.Get(IndexFields.Source),
        Url = manifest.Get(IndexFields.Url),
        Published = Published(manifest, schema),
        Keywords = manifest.GetValues(IndexFields.Keyword) ?? [],
        Language = manifest.Get(IndexFields.Language) ?? Languages.Arabic,
        HostArticleId = manifest.Get(IndexFields.HostArticleId),
        Origin = manifest.Get(IndexFields.Origin),
    };

    public static ListedArticle ToListed(Document manifest) =>
        new(manifest.Get(IndexFields.ArticleId), manifest.Get(IndexFields.Title) ?? "", manifest.Get(IndexFields.Source), Published(manifest));

    public static int ChunkCount(Document manifest) => manifest.GetField(IndexFields.ChunkCount)?.GetInt32Value() ?? 0;

    /// <param name="schema">The layout the document was written in: schema 1 stored UTC ticks, later ones the outlet's clock.</param>
    public static DateTimeOffset? Published(Document doc, int schema = LuceneArticleIndex.SchemaVersion)
    {
        if (doc.GetField(IndexFields.Published)?.GetInt64Value() is not { } ticks) return null;
        var offset = TimeSpan.FromMinutes(doc.GetField(IndexFields.PublishedOffset)?.GetInt32Value() ?? 0);
        return schema < 2 ? new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(offset) : new DateTimeOffset(ticks, offset);
    }

    public static float[]? Embedding(Document doc)
    {
        var bytes = doc.GetBinaryValue(IndexFields.Embedding);
        if (bytes is null || bytes.Length == 0) return null;
        return MemoryMarshal.Cast<byte, float>(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length)).ToArray();
    }
}
