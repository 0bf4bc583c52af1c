using System.Text.Json;
using QABot.Core.Domain;
using QABot.Text;

namespace QABot.Evaluation.Datasets;

/// <summary>
/// Reads a SQuAD v1.1 file (XQuAD): every paragraph becomes an undated article; its questions are asked against them.
/// A parallel file with the same question ids in another language (xquad.en.json beside xquad.ar.json) adds the
/// cross-lingual questions, asked against the same paragraphs.
/// </summary>
public static class SquadDatasetReader
{
    /// <summary>Every <c>HoldOutEvery</c>-th Wikipedia article is removed for the unanswerable pass.</summary>
    public const int HoldOutEvery = 4;

    public static EvalDataset Read(string contextsPath, string? parallelPath, int? limitPerGroup = null, bool withHoldOut = true)
    {
        var contexts = Parse(contextsPath);
        var parallel = parallelPath is null ? null : Parse(parallelPath);
        var parallelById = parallel?.SelectMany(t => t.Paragraphs).SelectMany(p => p.Questions).ToDictionary(q => q.Id, StringComparer.Ordinal);

        var articles = new List<Article>();
        var byGroup = new Dictionary<string, List<EvalQuestion>>(StringComparer.Ordinal);
        var heldOutArticles = new List<string>();
        var heldOutGroups = new Dictionary<string, List<EvalQuestion>>(StringComparer.Ordinal);

        for (var t = 0; t < contexts.Count; t++)
        {
            var heldOut = withHoldOut && t % HoldOutEvery == HoldOutEvery - 1;
            for (var p = 0; p < contexts[t].Paragraphs.Count; p++)
            {
                var paragraph = contexts[t].Paragraphs[p];
                // A neutral title: the Wikipedia title is English and would hand English questions a free match.
                var articleId = $"xquad-{t + 1:00}-{p + 1}";
                var contextLanguage = LanguageDetector.Detect(paragraph.Context);
                articles.Add(new Article
                {
                    Id = articleId,
                    Title = $"XQuAD {t + 1}.{p + 1}",
                    Body = paragraph.Context,
                    Language = contextLanguage,
                    Source = "XQuAD",
                    Origin = $"{contextsPath} [{contexts[t].Title} ¶{p + 1}]",
                });
                if (heldOut) heldOutArticles.Add(articleId);

                foreach (var question in paragraph.Questions)
                {
                    var twin = parallelById?.GetValueOrDefault(question.Id);
                    // Extractive answers are quoted from the paragraph, LLM answers may be in the question's language: both gold sets count.
                    var golds = question.Answers.Concat(twin?.Answers ?? []).Distinct(StringComparer.Ordinal).ToList();
                    foreach (var (asked, suffix) in Asked(question, twin))
                    {
                        var language = LanguageDetector.Detect(asked.Text);
                        var answerable = new EvalQuestion
                        {
                            Id = question.Id + suffix,
                            Text = asked.Text,
                            Language = language,
                            Group = $"{language}→{contextLanguage}",
                            GoldArticleIds = [articleId],
                            GoldAnswers = golds,
                            JudgesDate = true, // paragraphs are undated: a cited paragraph must print no date
                            ExpectedDate = null,
                        };
                        Add(byGroup, answerable);
                        if (heldOut)
                            Add(heldOutGroups, answerable with
                            {
                                Id = answerable.Id + ":held-out",
                                Group = $"unanswerable {language}",
                                GoldArticleIds = [],
                                GoldAnswers = [],
                                JudgesDate = false,
                                ShouldRefuse = true,
                            });
                    }
                }
            }
        }

        var name = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(contextsPath))) is { Length: > 0 } folder && folder.Contains("xquad", StringComparison.OrdinalIgnoreCase)
            ? "xquad" : Path.GetFileNameWithoutExtension(contextsPath);
        return new EvalDataset
        {
            Name = name,
            Format = DatasetFormats.Squad,
            Path = contextsPath,
            Articles = articles,
            Questions = Limit(byGroup, limitPerGroup),
            HoldOut = heldOutArticles.Count > 0 ? new HoldOut(heldOutArticles, Limit(heldOutGroups, limitPerGroup)) : null,
        };
    }

    private static IEnumerable<(SquadQuestion Question, string Suffix)> Asked(SquadQuestion question, SquadQuestion? twin)
    {
        yield return (question, "");
        if (twin is not null) yield return (twin, ":parallel");
    }

    private static void Add(Dictionary<string, List<EvalQuestion>> groups, EvalQuestion question)
    {
        if (!groups.TryGetValue(question.Group, out var list)) groups[question.Group] = list = [];
        list.Add(question);
    }

    /// <summary>A limit keeps questions spread evenly over the file (every n-th), not just the first topic.</summary>
    private static List<EvalQuestion> Limit(Dictionary<string, List<EvalQuestion>> groups, int? limitPerGroup)
    {
        var result = new List<EvalQuestion>();
        foreach (var list in groups.Values)
        {
            if (limitPerGroup is not { } limit || list.Count <= limit) { result.AddRange(list); continue; }
            var stride = (double)list.Count / limit;
            for (var i = 0; i < limit; i++) result.Add(list[(int)(i * stride)]);
        }
        return result;
    }

    private sealed record SquadTopic(string Title, IReadOnlyList<SquadParagraph> Paragraphs);
    private sealed record SquadParagraph(string Context, IReadOnlyList<SquadQuestion> Questions);
    private sealed record SquadQuestion(string Id, string Text, IReadOnlyList<string> Answers);

    private static List<SquadTopic> Parse(string path)
    {
        using var stream = File.OpenRead(path);
        JsonDocument document;
        try { document = JsonDocument.Parse(stream); }
        catch (JsonException ex) { throw new InvalidDataException($"{path} is not valid JSON: {ex.Message}", ex); }
        using (document)
        {
            if (!document.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
                throw new InvalidDataException($"{path} is not a SQuAD file: no top-level \"data\" array.");
            var topics = new List<SquadTopic>();
            foreach (var topic in data.EnumerateArray())
            {
                var paragraphs = new List<SquadParagraph>();
                foreach (var paragraph in topic.GetProperty("paragraphs").EnumerateArray())
                {
                    var questions = paragraph.GetProperty("qas").EnumerateArray().Select(qa => new SquadQuestion(
                        qa.GetProperty("id").GetString()!,
                        qa.GetProperty("question").GetString()!.Trim(),
                        qa.GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("text").GetString()!).ToList())).ToList();
                    paragraphs.Add(new SquadParagraph(paragraph.GetProperty("context").GetString()!.Trim(), questions));
                }
                topics.Add(new SquadTopic(topic.TryGetProperty("title", out var title) ? title.GetString() ?? "" : "", paragraphs));
            }
            return topics;
        }
    }
}
