using System.Text.Json;
using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Retrieval.Lucene;
using QABot.Testing;
using QABot.Testing.Conformance;

namespace QABot.Retrieval.Tests.Evaluation;

/// <summary>
/// XQuAD as a retrieval benchmark: the 240 Arabic paragraphs are the documents, each question's gold document is
/// its own paragraph. Arabic and English questions share ids, so English→Arabic is measured against the same gold.
/// </summary>
internal sealed class XquadRetrieval
{
    public sealed record Question(string Id, string Text, string GoldParagraphId);

    public IReadOnlyList<IndexDocument> Paragraphs { get; }
    public IReadOnlyList<Question> Arabic { get; }
    public IReadOnlyList<Question> English { get; }

    private XquadRetrieval(IReadOnlyList<IndexDocument> paragraphs, IReadOnlyList<Question> arabic, IReadOnlyList<Question> english)
    {
        Paragraphs = paragraphs;
        Arabic = arabic;
        English = english;
    }

    public static string ArabicPath => RepoPaths.SharedFile("eval", "xquad", "xquad.ar.json");
    public static string EnglishPath => RepoPaths.SharedFile("eval", "xquad", "xquad.en.json");
    public static bool Available => File.Exists(ArabicPath) && File.Exists(EnglishPath);

    public static XquadRetrieval Load()
    {
        var paragraphs = new List<IndexDocument>();
        var arabic = new List<Question>();
        var goldById = new Dictionary<string, string>();
        foreach (var (paragraph, index) in ReadParagraphs(ArabicPath).Select((p, i) => (p, i)))
        {
            var id = $"xquad-{index:D3}";
            paragraphs.Add(ConformanceDocuments.Article(id, "", paragraph.GetProperty("context").GetString()!.Replace('\n', ' '), source: "xquad"));
            foreach (var qa in paragraph.GetProperty("qas").EnumerateArray())
            {
                var qid = qa.GetProperty("id").GetString()!;
                goldById[qid] = id;
                arabic.Add(new Question(qid, qa.GetProperty("question").GetString()!, id));
            }
        }
        var english = ReadParagraphs(EnglishPath)
            .SelectMany(p => p.GetProperty("qas").EnumerateArray())
            .Select(qa => (Id: qa.GetProperty("id").GetString()!, Text: qa.GetProperty("question").GetString()!))
            .Where(q => goldById.ContainsKey(q.Id))
            .Select(q => new Question(q.Id, q.Text, goldById[q.Id]))
            .ToList();
        return new XquadRetrieval(paragraphs, arabic, english);
    }

    public async Task<LuceneArticleIndex> BuildIndexAsync(string path)
    {
        var index = new LuceneArticleIndex(path);
        await using var session = await index.BeginWriteAsync();
        foreach (var paragraph in Paragraphs) await session.UpsertAsync(paragraph);
        await session.CommitAsync();
        return index;
    }

    /// <summary>Recall@1 and @5 over article ids, plus the questions missed at rank 1 (for diagnosis).</summary>
    public static async Task<(double At1, double At5, IReadOnlyList<Question> Misses)> MeasureAsync(
        IArticleIndex index, IReadOnlyList<Question> questions, Func<string, Task<SearchRequest>> plan)
    {
        int at1 = 0, at5 = 0;
        var misses = new List<Question>();
        foreach (var question in questions)
        {
            var request = await plan(question.Text);
            var hits = await index.SearchAsync(request with { Top = 5 });
            var ranked = hits.Select(h => h.Chunk.ArticleId).Distinct().ToList();
            if (ranked.Take(1).Contains(question.GoldParagraphId)) at1++;
            else misses.Add(question);
            if (ranked.Take(5).Contains(question.GoldParagraphId)) at5++;
        }
        return ((double)at1 / questions.Count, (double)at5 / questions.Count, misses);
    }

    private static IEnumerable<JsonElement> ReadParagraphs(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("data").EnumerateArray()
            .SelectMany(a => a.GetProperty("paragraphs").EnumerateArray())
            .Select(p => p.Clone())
            .ToList();
    }
}
