using QABot.Core.Domain;
using QABot.Core.Json;
using QABot.Evaluation.Datasets;
using QABot.Text;

namespace QABot.Evaluation.Metrics;

/// <summary>
/// How one answer fared against one dev-set question (issue 9's measure). A null field was not judged for this
/// question (no gold given, or it does not apply to its kind).
/// </summary>
public sealed record DevSetJudgement(
    string Kind,
    string Language,
    bool? ShortAnswerCorrect,
    bool? CitationCorrect,
    bool? DateCorrect,
    bool RefusalCorrect,
    bool? VerdictCorrect,
    double? ListPrecision,
    double? ListRecall,
    bool? ListTotalCorrect,
    bool OverallCorrect,
    bool? EnglishShortAnswer);

/// <summary>
/// Judges an answer against a dev-set question:
/// <list type="bullet">
/// <item>short answer: normalized (<see cref="AnswerText"/>) equality with a variant, or the variant's words inside it;</item>
/// <item>citation: a cited article is gold; date: a cited gold article prints the expected local date;</item>
/// <item>refusal: off-corpus questions refused, answerable ones answered; verdict: the expected claim verdict;</item>
/// <item>list: precision and recall of the listed ids against <c>expected_list_ids</c>, and the total;</item>
/// <item>overall: answerable — short answer right (when gold gives one) and a gold citation and the right date (when
/// judged); off-corpus — refused; claims — verdict right, with a gold citation unless not_found; lists — total right
/// and every listed id gold.</item>
/// </list>
/// </summary>
public static class DevSetJudge
{
    private static readonly HashSet<string> Factoids = new(StringComparer.Ordinal) { "who", "what", "where", "when", "how_many", "why", "other" };

    public static DevSetJudgement Judge(EvalQuestion question, Answer answer)
    {
        var refused = answer.Refused;
        var cited = answer.Citations.Select(c => c.ArticleId).ToList();
        var goldCited = answer.Citations.Where(c => question.GoldArticleIds.Contains(c.ArticleId, StringComparer.Ordinal)).ToList();

        bool? shortRight = question.ShortAnswers.Count == 0 || question.ShouldRefuse ? null : !refused && ShortAnswerMatches(answer.ShortAnswer, question.ShortAnswers);
        bool? citationRight = question.GoldArticleIds.Count == 0 ? null : goldCited.Count > 0;
        bool? dateRight = !question.JudgesDate || question.GoldArticleIds.Count == 0 ? null
            : goldCited.Any(c => c.PublishedDate == question.ExpectedDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var refusalRight = question.ShouldRefuse ? refused : !refused || question.ExpectedVerdict == "not_found";
        var verdictName = answer.Verdict is { } v ? AnswerJson.WireName(v) : null;
        bool? verdictRight = question.ExpectedVerdict is null ? null : verdictName == question.ExpectedVerdict;

        double? precision = null, recall = null;
        bool? totalRight = null;
        if (question.Kind == "list")
        {
            var listed = answer.Listing?.Articles.Select(a => a.ArticleId).ToList() ?? [];
            if (question.ExpectedListIds.Count > 0)
            {
                var hits = listed.Count(id => question.ExpectedListIds.Contains(id, StringComparer.Ordinal));
                precision = listed.Count == 0 ? 0 : (double)hits / listed.Count;
                recall = (double)listed.Distinct(StringComparer.Ordinal).Count(id => question.ExpectedListIds.Contains(id, StringComparer.Ordinal)) / question.ExpectedListIds.Count;
            }
            if (question.ExpectedListTotal is { } total) totalRight = answer.Listing?.Total == total;
        }

        bool overall;
        if (question.ShouldRefuse) overall = refused;
        else if (question.Kind == "list")
            overall = totalRight != false && answer.Listing is not null && (precision is null || precision == 1.0);
        else if (question.ExpectedVerdict is { } expected)
            overall = verdictRight == true && (expected == "not_found" || citationRight != false);
        else
            overall = !refused && shortRight != false && citationRight != false && dateRight != false;

        bool? english = question.Language == Languages.English && Factoids.Contains(question.Kind) && !refused && !question.ShouldRefuse
            ? answer.ShortAnswer is { Length: > 0 } s && !s.Any(ArabicNormalizer.IsArabicLetter)
            : null;

        return new DevSetJudgement(question.Kind, question.Language, shortRight, citationRight, dateRight, refusalRight, verdictRight,
            precision, recall, totalRight, overall, english);
    }

    /// <summary>Normalized equality with a variant, or every word of a variant found in order inside the short answer.</summary>
    public static bool ShortAnswerMatches(string? shortAnswer, IReadOnlyList<string> variants)
    {
        if (string.IsNullOrWhiteSpace(shortAnswer)) return false;
        var answer = AnswerText.Tokens(shortAnswer);
        foreach (var variant in variants)
        {
            var gold = AnswerText.Tokens(variant);
            if (gold.Count == 0) continue;
            for (var start = 0; start + gold.Count <= answer.Count; start++)
                if (answer.Skip(start).Take(gold.Count).SequenceEqual(gold, StringComparer.Ordinal)) return true;
        }
        return false;
    }
}
