using QABot.Core.Retrieval;
using QABot.Testing.Conformance;

namespace QABot.Qdrant.Tests;

/// <summary>Shorthands over the shared <see cref="ConformanceDocuments"/> (one chunk per line of the body).</summary>
internal static class TestDocuments
{
    public static IndexDocument Article(string id, string title, string body, DateTimeOffset? published = null, string? source = "bbc",
        IReadOnlyList<string>? aliases = null, bool embed = false, int dimensions = 4) =>
        ConformanceDocuments.Article(id, title, body, published, source, aliases, embeddings: embed
            ? body.Split('\n').Where(l => l.Trim().Length > 0).Select(_ => (ReadOnlyMemory<float>)Enumerable.Repeat(0.5f, dimensions).ToArray()).ToList()
            : null);

    /// <summary>Article "a{i}" with <paramref name="chunks"/> one-line chunks.</summary>
    public static IndexDocument Numbered(int i, int chunks = 1) =>
        Article($"a{i}", $"عنوان {i}", string.Join('\n', Enumerable.Range(0, chunks).Select(c => $"نص الخبر رقم {i} الفقرة {c}")));
}
