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
/// Retrieval is tuned on the questions of the first 24 of its 48 Wikipedia articles (<see cref="Question.IsTuning"/>)
/// and confirmed on the other 24.
/// </summary>
internal sealed class XquadRetrieval
{
    public const int TuningArticles = 24;

    /// <param name="Article">Index of the Wikipedia article the question's paragraph comes from (0..47).</param>
    public sealed record Question(string Id, string Text, string GoldParagraphId, int Article)
    {
        public bool IsTuning => Article < TuningArticles;
    }

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
        var goldById = new Dictionary<string, (string Paragraph, int Article)>();
        foreach (var (paragraph, article, index) in ReadParagraphs(ArabicPath).Select((p, i) => (p.Paragraph, p.Article, i)))
        {
            var id = $"xquad-{index:D3}";
            paragraphs.Add(ConformanceDocuments.Article(id, "", paragraph.GetProperty("context").GetString()!.Replace('\n', ' '), source: "xquad"));
            foreach (var qa in paragraph.GetProperty("qas").EnumerateArray())
            {
                var qid = qa.GetProperty("id").GetString()!;
                goldById[qid] = (id, article);
                arabic.Add(new Question(qid, qa.GetProperty("question").GetString()!, id, article));
            }
        }
        var english = ReadParagraphs(EnglishPath)
            .SelectMany(p => p.Paragraph.GetProperty("qas").EnumerateArray())
            .Select(qa => (Id: qa.GetProperty("id").GetString()!, Text: qa.GetProperty("question").GetString()!))
            .Where(q => goldById.ContainsKey(q.Id))
            .Select(q => new Question(q.Id, q.Text, goldById[q.Id].Paragraph, goldById[q.Id].Article))
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

    /// <summary>Recall@1 and @5 over article ids, on all questions and on each half, plus the misses at rank 1.</summary>
    public static async Task<Recall> MeasureAsync(IArticleIndex index, IReadOnlyList<Question> questions, Func<string, Task<SearchRequest>> plan)
    {
        var at1 = new List<Question>();
        var at5 = new List<Question>();
        var misses = new List<Question>();
        foreach (var question in questions)
        {
            var request = await plan(question.Text);
            var hits = await index.SearchAsync(request with { Top = 5 });
            var ranked = hits.Select(h => h.Chunk.ArticleId).Distinct().ToList();
            if (ranked.Take(1).Contains(question.GoldParagraphId)) at1.Add(question);
            else misses.Add(question);
            if (ranked.Take(5).Contains(question.GoldParagraphId)) at5.Add(question);
        }
        double Share(List<Question> found, Func<Question, bool> half) => (double)found.Count(half) / Math.Max(1, questions.Count(half));
        return new Recall(Share(at1, _ => true), Share(at5, _ => true), Share(at1, q => q.IsTuning), Share(at5, q => q.IsTuning),
            Share(at1, q => !q.IsTuning), Share(at5, q => !q.IsTuning), misses);
    }

    public sealed record Recall(double At1, double At5, double TuningAt1, double TuningAt5, double ConfirmationAt1, double ConfirmationAt5, IReadOnlyList<Question> Misses)
    {
        public override string ToString() =>
            $"recall@1 {At1:F3}, recall@5 {At5:F3} (tuning half {TuningAt1:F3} / {TuningAt5:F3}, confirmation half {ConfirmationAt1:F3} / {ConfirmationAt5:F3})";
    }

    private static IEnumerable<(JsonElement Paragraph, int Article)> ReadParagraphs(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("data").EnumerateArray()
            .SelectMany((a, article) => a.GetProperty("paragraphs").EnumerateArray().Select(p => (p.Clone(), article)))
            .ToList();
    }
}
