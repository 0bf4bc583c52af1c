using System.Globalization;
using QABot.Evaluation.Reports;

namespace QABot.Evaluation.Metrics;

/// <summary>One row of the dev-set table: the judged share of each measure over the questions of a kind and language.</summary>
/// <param name="Kind">A question kind, or "all".</param>
/// <param name="Language">"ar", "en", or "all".</param>
public sealed record DevSetRow(
    string Kind,
    string Language,
    int Questions,
    double? ShortAnswer,
    double? Citation,
    double? Date,
    double Refusal,
    double? Verdict,
    double? ListPrecision,
    double? ListRecall,
    double? ListTotal,
    double Overall,
    double? EnglishShortAnswerShare);

/// <summary>
/// The per kind × language table of issue 9's measure, plus a row per language and one for everything. Each share
/// is over the questions where the measure was judged (null: none were), so a kind without short answers in the gold
/// does not dilute short-answer accuracy.
/// </summary>
public static class DevSetScoreCard
{
    public static IReadOnlyList<DevSetRow> Rows(IReadOnlyList<DevSetJudgement> judgements)
    {
        var rows = judgements.GroupBy(j => (j.Kind, j.Language)).OrderBy(g => g.Key.Kind, StringComparer.Ordinal).ThenBy(g => g.Key.Language, StringComparer.Ordinal)
            .Select(g => Row(g.Key.Kind, g.Key.Language, g.ToList())).ToList();
        rows.AddRange(judgements.GroupBy(j => j.Language).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Row("all", g.Key, g.ToList())));
        if (judgements.Count > 0) rows.Add(Row("all", "all", judgements));
        return rows;
    }

    public static DevSetRow Row(string kind, string language, IReadOnlyList<DevSetJudgement> items) => new(
        kind, language, items.Count,
        Share(items.Select(j => j.ShortAnswerCorrect)),
        Share(items.Select(j => j.CitationCorrect)),
        Share(items.Select(j => j.DateCorrect)),
        Share(items.Select(j => (bool?)j.RefusalCorrect)) ?? 0,
        Share(items.Select(j => j.VerdictCorrect)),
        Mean(items.Select(j => j.ListPrecision)),
        Mean(items.Select(j => j.ListRecall)),
        Share(items.Select(j => j.ListTotalCorrect)),
        Share(items.Select(j => (bool?)j.OverallCorrect)) ?? 0,
        Share(items.Select(j => j.EnglishShortAnswer)));

    public static string Markdown(IReadOnlyList<DevSetRow> rows)
    {
        var table = new MarkdownTable("kind", "lang", "n", "short answer", "citation", "local date", "refusal", "verdict",
            "list P", "list R", "list total", "overall", "English short answers");
        foreach (var r in rows)
            table.Row(r.Kind, r.Language, r.Questions.ToString(CultureInfo.InvariantCulture), F(r.ShortAnswer), F(r.Citation), F(r.Date), F(r.Refusal),
                F(r.Verdict), F(r.ListPrecision), F(r.ListRecall), F(r.ListTotal), F(r.Overall), F(r.EnglishShortAnswerShare));
        return table.ToString();
    }

    private static double? Share(IEnumerable<bool?> values)
    {
        var judged = values.OfType<bool>().ToList();
        return judged.Count == 0 ? null : (double)judged.Count(v => v) / judged.Count;
    }

    private static double? Mean(IEnumerable<double?> values)
    {
        var judged = values.OfType<double>().ToList();
        return judged.Count == 0 ? null : judged.Average();
    }

    private static string F(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "–";
}
