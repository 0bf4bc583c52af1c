using System.Globalization;
using System.Text;
using QABot.Evaluation.Metrics;
using QABot.Evaluation.Running;

namespace QABot.Evaluation.Reports;

/// <summary>The dev-set report as text: the headline figures against issue 9's targets, the table, and the misses.</summary>
public static class DevSetText
{
    /// <summary>Issue 9's targets on the dev set.</summary>
    public static IReadOnlyList<(string Name, double? Floor, Func<DevSetSummary, Measure> Value)> Headlines { get; } =
    [
        ("overall correct", 0.85, s => s.OverallCorrect),
        ("off-corpus refused", 0.95, s => s.OffCorpusRefused),
        ("answerable answered", 0.90, s => s.AnswerableAnswered),
        ("English short answers in English", 0.90, s => s.EnglishShortAnswers),
        ("claim verdicts right", null, s => s.Verdicts),
    ];

    public static string Header(DevSetReport report)
    {
        var index = report.Index;
        return $"{report.DatasetPath}: {report.Outcomes.Count} questions, {report.Elapsed.TotalSeconds:0} s; index of {index.Articles} articles " +
               $"({(index.Reused ? "cached" : $"built in {index.BuildSeconds:0} s")}: {index.Directory})";
    }

    public static string Summary(DevSetSummary summary)
    {
        var table = new MarkdownTable("measure", "value", "of", "target");
        foreach (var (name, floor, value) in Headlines)
        {
            var measure = value(summary);
            var target = floor is { } f ? $"≥ {f:0.00}{measure.Value switch { null => "", var v when v >= f => " met", _ => " not met" }}" : "";
            table.Row(name, F(measure.Value), $"{measure.Correct}/{measure.Judged}", target);
        }
        table.Row("list precision / recall", $"{F(summary.ListPrecision)} / {F(summary.ListRecall)}", "", "");
        return table.ToString();
    }

    /// <summary>Each wrong question: what the set expects against what the bot gave, and which measures failed.</summary>
    public static string Misses(DevSetReport report)
    {
        var text = new StringBuilder();
        foreach (var miss in report.Misses)
        {
            text.Append($"{miss.Id} [{miss.Kind} {miss.Language} {miss.Corpus}]{(miss.Follows is { } f ? $" (follows {f})" : "")}{(miss.AskedAsClaim ? " (as check)" : "")} {miss.Question}\n");
            text.Append("  expected: ").Append(Expected(miss)).Append('\n');
            text.Append("  got:      ").Append(Got(miss)).Append('\n');
            var wrong = WrongMeasures(miss.Judgement).DefaultIfEmpty("overall");
            text.Append("  wrong:    ").Append(string.Join(", ", wrong)).Append('\n');
        }
        return text.ToString();
    }

    public static string MarkdownSection(DevSetReport report)
    {
        var text = new StringBuilder();
        text.Append($"## Dev set: {report.Dataset} ({report.Outcomes.Count} questions)\n\n");
        text.Append($"Measured {report.StartedAt.ToUniversalTime():yyyy-MM-dd HH:mm} UTC with `{report.CommandLine ?? "qabot eval " + report.DatasetPath}`, ")
            .Append($"on one index of {report.Index.Articles} articles ({string.Join(" + ", report.Index.CorpusPaths.Select(Path.GetFileName))}).\n\n");
        foreach (var warning in report.Warnings) text.Append($"> {warning}\n\n");
        text.Append(Summary(report.Summary)).Append('\n');
        text.Append(DevSetScoreCard.Markdown(report.Rows));
        return text.ToString();
    }

    private static string Expected(DevSetOutcome o)
    {
        if (o.ExpectedRefusal && o.ExpectedVerdict is null) return "refusal";
        var parts = new List<string>();
        if (o.ExpectedVerdict is { } verdict) parts.Add("verdict " + verdict);
        if (o.ExpectedListTotal is { } total) parts.Add($"list of {total}");
        if (o.ExpectedShortAnswers.Count > 0) parts.Add("short " + string.Join(" | ", o.ExpectedShortAnswers.Take(4).Select(Quoted)));
        if (o.ExpectedArticleIds.Count > 0)
            parts.Add($"cite {string.Join(" | ", o.ExpectedArticleIds.Take(3))}{(o.ExpectedArticleIds.Count > 3 ? $" (+{o.ExpectedArticleIds.Count - 3})" : "")} ({o.ExpectedDate ?? "undated"})");
        return string.Join("; ", parts);
    }

    private static string Got(DevSetOutcome o)
    {
        var parts = new List<string>();
        if (o.Refused) parts.Add("refused");
        if (o.Verdict is { } verdict) parts.Add("verdict " + verdict);
        if (o.ListTotal is { } total) parts.Add($"list of {total}: {string.Join(" ", o.ListedIds.Take(3))}{(o.ListedIds.Count > 3 ? " …" : "")}");
        if (o.ShortAnswer is { } shortAnswer) parts.Add("short " + Quoted(shortAnswer));
        if (o.Cited.Count > 0) parts.Add("cited " + string.Join(" | ", o.Cited.Take(3).Select(c => $"{c.ArticleId} ({c.Published ?? "undated"})")));
        if (o.ShortAnswer is null && !o.Refused && o.ListTotal is null) parts.Add("answer " + Quoted(FirstLine(o.Answer)));
        parts.Add("as " + o.AnsweredKind);
        return string.Join("; ", parts);
    }

    private static IEnumerable<string> WrongMeasures(DevSetJudgement j)
    {
        if (!j.RefusalCorrect) yield return "refusal";
        if (j.ShortAnswerCorrect == false) yield return "short answer";
        if (j.CitationCorrect == false) yield return "citation";
        if (j.DateCorrect == false) yield return "date";
        if (j.VerdictCorrect == false) yield return "verdict";
        if (j.ListTotalCorrect == false) yield return "list total";
        if (j.ListPrecision is < 1.0) yield return "listed ids";
        if (j.EnglishShortAnswer == false) yield return "short answer not in English";
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= 120 ? line : line[..120] + "…";
    }

    private static string Quoted(string text) => $"«{text}»";

    private static string F(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "–";
}
