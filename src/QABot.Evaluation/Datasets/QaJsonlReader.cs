using System.Globalization;
using System.Text.Json;
using QABot.Text;

namespace QABot.Evaluation.Datasets;

/// <summary>
/// Our own QA format, one JSON object a line:
/// <c>{"id", "question", "expected_article_ids": [..], "expected_date": "yyyy-MM-dd" | null, "answer_keywords": [..], "refuse": bool}</c>.
/// <c>expected_date: null</c> means the cited article states no date; leaving the field out means the date is not judged.
/// The dev-set format adds <c>lang, kind, corpus (sample|ant|none), short_answer: [..], verdict, expected_list_ids: [..],
/// expected_list_total, follows, note</c>: a list question is judged by its listing, and a claim whose verdict is
/// not_found needs no gold article.
/// </summary>
public static class QaJsonlReader
{
    public static EvalDataset Read(string path, IReadOnlyList<string> corpusPaths, int? limit = null)
    {
        var questions = new List<EvalQuestion>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith("//", StringComparison.Ordinal)) continue;
            questions.Add(ParseLine(line, $"{path}:{lineNumber}"));
        }
        var duplicate = questions.GroupBy(q => q.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidDataException($"{path}: question id \"{duplicate.Key}\" is used twice.");
        if (questions.Count == 0) throw new InvalidDataException($"{path} holds no questions.");
        return new EvalDataset
        {
            Name = Path.GetFileNameWithoutExtension(path),
            Format = DatasetFormats.QaJsonl,
            Path = path,
            CorpusPaths = corpusPaths,
            Questions = limit is { } n ? questions.Take(n).ToList() : questions,
        };
    }

    public static EvalQuestion ParseLine(string line, string where)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(line); }
        catch (JsonException ex) { throw new InvalidDataException($"{where}: not a JSON object ({ex.Message})."); }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{where}: expected a JSON object.");
            var text = OptionalString(root, "question", where)?.Trim();
            if (string.IsNullOrEmpty(text)) throw new InvalidDataException($"{where}: \"question\" is missing or empty.");
            var refuse = !root.TryGetProperty("refuse", out var r) ? false : r.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False or JsonValueKind.Null => false,
                _ => throw new InvalidDataException($"{where}: \"refuse\" must be true or false."),
            };
            var gold = StringArray(root, "expected_article_ids", where);
            var kind = OptionalString(root, "kind", where)?.Trim().ToLowerInvariant() ?? "other";
            var verdict = OptionalString(root, "verdict", where)?.Trim().ToLowerInvariant();
            if (verdict is not (null or "supported" or "contradicted" or "not_found"))
                throw new InvalidDataException($"{where}: \"verdict\" must be supported, contradicted or not_found.");
            var listIds = StringArray(root, "expected_list_ids", where);
            int? listTotal = root.TryGetProperty("expected_list_total", out var total) && total.ValueKind == JsonValueKind.Number ? total.GetInt32() : null;
            var needsNoGold = kind == "list" || verdict == "not_found";
            if (refuse && gold.Count > 0) throw new InvalidDataException($"{where}: a question with \"refuse\": true cannot have expected_article_ids.");
            if (!refuse && gold.Count == 0 && !needsNoGold)
                throw new InvalidDataException($"{where}: an answerable question needs \"expected_article_ids\" (or \"refuse\": true).");

            var judgesDate = root.TryGetProperty("expected_date", out var dateElement);
            DateOnly? date = null;
            if (judgesDate && dateElement.ValueKind != JsonValueKind.Null)
            {
                if (dateElement.ValueKind != JsonValueKind.String
                    || !DateOnly.TryParseExact(dateElement.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                    throw new InvalidDataException($"{where}: \"expected_date\" must be \"yyyy-MM-dd\" or null.");
                date = parsed;
            }

            var language = OptionalString(root, "lang", where) ?? LanguageDetector.Detect(text);
            return new EvalQuestion
            {
                Id = OptionalString(root, "id", where) ?? where,
                Text = text,
                Language = language,
                Group = refuse ? $"refuse {language}" : language,
                GoldArticleIds = gold,
                AnswerKeywords = StringArray(root, "answer_keywords", where),
                JudgesDate = judgesDate && !refuse,
                ExpectedDate = date,
                ShouldRefuse = refuse,
                Kind = kind,
                Corpus = OptionalString(root, "corpus", where),
                ShortAnswers = StringOrArray(root, "short_answer", where),
                ExpectedVerdict = verdict,
                ExpectedListIds = listIds,
                ExpectedListTotal = listTotal,
                Follows = OptionalString(root, "follows", where),
            };
        }
    }

    private static string? OptionalString(JsonElement root, string name, string where)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new InvalidDataException($"{where}: \"{name}\" must be a string.");
    }

    /// <summary>A string or an array of strings (acceptable variants).</summary>
    private static IReadOnlyList<string> StringOrArray(JsonElement root, string name, string where) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? [value.GetString()!.Trim()]
            : StringArray(root, name, where);

    private static IReadOnlyList<string> StringArray(JsonElement root, string name, string where)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return [];
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            throw new InvalidDataException($"{where}: \"{name}\" must be an array of strings.");
        return value.EnumerateArray().Select(e => e.GetString()!.Trim()).Where(s => s.Length > 0).ToList();
    }
}
