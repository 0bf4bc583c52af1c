using System.Text.Json;
using QABot.Text;

namespace QABot.Evaluation.Tests.Datasets.EvalSets;

/// <summary>An article the eval sets may cite: its local publication date (null when undated) and its text.</summary>
public sealed record GoldArticle(string Id, string? LocalDate, string Title, string Body);

/// <summary>
/// Checks the lines of an eval set (eval/dev.jsonl, eval/heldout.jsonl) against the format in eval/README.md and
/// against the corpora: every problem is reported as "file:line (id): what is wrong", so one run lists them all.
/// </summary>
/// <param name="articles">Finds a gold article by id; null when it is not known.</param>
/// <param name="antCorpusKnown">
/// Whether <paramref name="articles"/> holds the ANT corpus. When it does not (../shared absent), ids that are not
/// sample ids are not judged, and nothing else about them either.
/// </param>
public sealed class EvalSetChecker(Func<string, GoldArticle?> articles, bool antCorpusKnown)
{
    private static readonly HashSet<string> Kinds = ["who", "what", "where", "when", "how_many", "why", "claim", "list", "other"];
    private static readonly HashSet<string> Verdicts = ["supported", "contradicted", "not_found"];

    public IReadOnlyList<string> Check(string fileName, IEnumerable<string> lines)
    {
        var problems = new List<string>();
        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in lines)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith("//", StringComparison.Ordinal)) continue;
            var where = $"{fileName}:{lineNumber}";
            JsonDocument document;
            try { document = JsonDocument.Parse(line); }
            catch (JsonException e)
            {
                problems.Add($"{where}: not valid JSON ({e.Message})");
                continue;
            }
            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{where}: not a JSON object");
                    continue;
                }
                var question = new QuestionLine(document.RootElement, where);
                CheckQuestion(question, seenIds);
                problems.AddRange(question.Problems);
                if (question.Id is { } id) seenIds.Add(id);
            }
        }
        return problems;
    }

    private void CheckQuestion(QuestionLine q, HashSet<string> earlierIds)
    {
        var id = q.RequiredString("id");
        if (id is not null && earlierIds.Contains(id)) q.Report($"id \"{id}\" is used twice");
        q.RequiredString("question");
        var lang = q.RequiredString("lang");
        if (lang is not null and not ("ar" or "en")) q.Report($"lang \"{lang}\" is not ar or en");
        var kind = q.RequiredString("kind");
        if (kind is not null && !Kinds.Contains(kind)) q.Report($"kind \"{kind}\" is not one of {string.Join(", ", Kinds)}");
        var corpus = q.RequiredString("corpus");
        if (corpus is not null and not ("sample" or "ant" or "none")) q.Report($"corpus \"{corpus}\" is not sample, ant or none");
        var refuse = q.RequiredBool("refuse");

        if (q.Has("follows"))
        {
            var follows = q.RequiredString("follows");
            if (follows is not null && !earlierIds.Contains(follows)) q.Report($"follows \"{follows}\", which is not an earlier question of this file");
        }

        CheckVerdict(q, kind, refuse);
        CheckList(q, kind);
        if (refuse == true) CheckRefusal(q, corpus);
        else if (refuse == false) CheckAnswer(q, corpus);
    }

    private static void CheckVerdict(QuestionLine q, string? kind, bool? refuse)
    {
        if (kind != "claim")
        {
            if (q.Has("verdict")) q.Report("only claims carry a verdict");
            return;
        }
        var verdict = q.RequiredString("verdict");
        if (verdict is null) return;
        if (!Verdicts.Contains(verdict)) q.Report($"verdict \"{verdict}\" is not supported, contradicted or not_found");
        else if (refuse is { } r && r != (verdict == "not_found")) q.Report($"a {verdict} claim must have refuse: {(verdict == "not_found" ? "true" : "false")}");
    }

    private void CheckList(QuestionLine q, string? kind)
    {
        if (kind != "list")
        {
            if (q.Has("expected_list_ids") || q.Has("expected_list_total")) q.Report("only list questions carry expected_list_ids / expected_list_total");
            return;
        }
        var ids = q.RequiredStrings("expected_list_ids", allowEmpty: true);
        var total = q.RequiredInt("expected_list_total");
        if (ids is null || total is null) return;
        if (total < 0) q.Report("expected_list_total is negative");
        if (ids.Count == 0 && total > 0) q.Report("expected_list_total counts articles but expected_list_ids is empty");
        var dates = new List<string>();
        foreach (var listed in ids)
            if (Lookup(q, listed, "expected_list_ids") is { LocalDate: { } date }) dates.Add(date);
        for (var i = 1; i < dates.Count; i++)
            if (string.CompareOrdinal(dates[i - 1], dates[i]) < 0)
            {
                q.Report($"expected_list_ids are not newest first ({dates[i - 1]} before {dates[i]})");
                break;
            }
    }

    private static void CheckRefusal(QuestionLine q, string? corpus)
    {
        if (corpus is not null and not "none") q.Report("a refused question must have corpus \"none\"");
        if (q.Has("expected_article_ids") && q.Strings("expected_article_ids") is { Count: > 0 }) q.Report("a refused question lists expected_article_ids");
        if (q.Has("expected_date") && q.Root.GetProperty("expected_date").ValueKind != JsonValueKind.Null) q.Report("a refused question has an expected_date");
    }

    private void CheckAnswer(QuestionLine q, string? corpus)
    {
        if (corpus == "none") q.Report("an answerable question cannot have corpus \"none\" (set refuse: true)");
        q.RequiredStrings("short_answer", allowEmpty: false);
        var gold = q.RequiredStrings("expected_article_ids", allowEmpty: false);
        if (!q.Has("expected_date")) q.Report("expected_date is missing (null when the first gold article is undated)");
        if (gold is null || gold.Count == 0) return;

        var first = SampleCorpus.IsSampleId(gold[0]) ? "sample" : "ant";
        if (corpus is "sample" or "ant" && corpus != first) q.Report($"corpus \"{corpus}\" but the first gold article {gold[0]} is from {first}");

        var articlesFound = gold.Select(g => Lookup(q, g, "expected_article_ids")).ToList();
        if (articlesFound[0] is { } firstArticle && q.Has("expected_date"))
        {
            var expected = q.Root.GetProperty("expected_date");
            var written = expected.ValueKind == JsonValueKind.String ? expected.GetString() : null;
            if (expected.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)) q.Report("expected_date is neither a yyyy-MM-dd string nor null");
            else if (written != firstArticle.LocalDate)
                q.Report($"expected_date {written ?? "null"} but {firstArticle.Id} was published on {firstArticle.LocalDate ?? "no date (null)"} (local date)");
        }

        if (!q.Has("answer_keywords")) return;
        var keywords = q.RequiredStrings("answer_keywords", allowEmpty: false) ?? [];
        foreach (var article in articlesFound.OfType<GoldArticle>())
        {
            var text = Fold(article.Title + "\n" + article.Body);
            foreach (var keyword in keywords)
                if (!keyword.Split('|').Any(alternative => text.Contains(Fold(alternative), StringComparison.Ordinal)))
                    q.Report($"gold article {article.Id} does not contain the answer keyword \"{keyword}\"");
        }
    }

    /// <summary>The article, or null (reported when it should have been known).</summary>
    private GoldArticle? Lookup(QuestionLine q, string id, string field)
    {
        var article = articles(id);
        if (article is null && (antCorpusKnown || SampleCorpus.IsSampleId(id))) q.Report($"{field}: no article \"{id}\" in the corpora");
        return article;
    }

    private static string Fold(string text) => ArabicNormalizer.Normalize(text).ToLowerInvariant();

    /// <summary>One parsed line and the problems found in it so far.</summary>
    private sealed class QuestionLine(JsonElement root, string where)
    {
        public JsonElement Root { get; } = root;
        public List<string> Problems { get; } = [];
        public string? Id => Root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

        public void Report(string problem) => Problems.Add(Id is { } id ? $"{where} ({id}): {problem}" : $"{where}: {problem}");

        public bool Has(string field) => Root.TryGetProperty(field, out _);

        public string? RequiredString(string field)
        {
            if (Root.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
                return text;
            Report($"\"{field}\" must be a non-empty string");
            return null;
        }

        public bool? RequiredBool(string field)
        {
            if (Root.TryGetProperty(field, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
            Report($"\"{field}\" must be true or false");
            return null;
        }

        public int? RequiredInt(string field)
        {
            if (Root.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)) return number;
            Report($"\"{field}\" must be a whole number");
            return null;
        }

        public List<string>? Strings(string field) =>
            Root.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Array
                && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String && e.GetString() is { Length: > 0 })
                ? value.EnumerateArray().Select(e => e.GetString()!).ToList()
                : null;

        public List<string>? RequiredStrings(string field, bool allowEmpty)
        {
            var values = Strings(field);
            if (values is null || (!allowEmpty && values.Count == 0))
            {
                Report($"\"{field}\" must be a{(allowEmpty ? "n" : " non-empty")} array of non-empty strings");
                return null;
            }
            return values;
        }
    }
}
