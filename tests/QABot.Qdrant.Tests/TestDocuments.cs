using QABot.Core.Domain;
using QABot.Core.Retrieval;

namespace QABot.Qdrant.Tests;

/// <summary>Index documents built inline, one chunk per line of the body.</summary>
internal static class TestDocuments
{
    public static IndexDocument Article(string id, string title, string body, DateTimeOffset? published = null, string? source = "bbc",
        IReadOnlyList<string>? aliases = null, bool embed = false, int dimensions = 4)
    {
        var article = new Article { Id = id, Title = title, Body = body, Published = published, Source = source, Url = $"https://example.test/{id}", Keywords = ["k1"] };
        var metadata = ArticleMetadata.From(article);
        var chunks = body.Split('\n').Select((text, i) => new Chunk(Chunk.MakeId(id, i), i, text, 0, metadata)).ToList();
        var embeddings = embed ? chunks.Select(_ => (ReadOnlyMemory<float>)Enumerable.Repeat(0.5f, dimensions).ToArray()).ToList() : null;
        return new IndexDocument(article, chunks, $"content-{id}-{body.Length}", $"body-{id}", aliases ?? [], embeddings);
    }

    public static IndexDocument Numbered(int i, int chunks = 1) =>
        Article($"a{i}", $"عنوان {i}", string.Join('\n', Enumerable.Range(0, chunks).Select(c => $"نص الخبر رقم {i} الفقرة {c}")));
}
