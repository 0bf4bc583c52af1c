using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using QABot.Core.Retrieval;
using QABot.Ingestion.Tests.Doubles;
using QABot.Text.Chunking;

namespace QABot.Ingestion.Tests;

/// <summary>Builds pipelines over the in-memory index and writes fixture files.</summary>
internal static class IngestTestKit
{
    public static IngestionPipeline CreatePipeline(InMemoryArticleIndex index, ITextEmbedder? embedder = null) =>
        new(index, new ArticleChunker(), NullLogger<IngestionPipeline>.Instance, embedder);

    public static string JsonLine(string id, string title, string body, string? published = null, string? source = "test-outlet") =>
        JsonSerializer.Serialize(new Dictionary<string, object?> { ["id"] = id, ["title"] = title, ["published"] = published, ["source"] = source, ["body"] = body });

    public static string Body(string topic) =>
        $"أعلنت الحكومة اليوم عن خطة جديدة بشأن {topic} في مؤتمر صحفي عقد في العاصمة. وقال المتحدث إن الخطة تشمل عدة مراحل تمتد على ثلاث سنوات. " +
        $"وأضاف أن التمويل سيأتي من الموازنة العامة ومن شركاء دوليين مهتمين بملف {topic}.";

    public static void WriteGzip(string path, string text)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        var bytes = Encoding.UTF8.GetBytes(text);
        gzip.Write(bytes);
    }
}
