using System.Globalization;
using System.Text;
using QABot.Evaluation.Running;

namespace QABot.Evaluation.Reports;

/// <summary>The eval report as text: one table per question group with the configurations side by side.</summary>
public static class EvalMarkdown
{
    /// <summary>The issue's tuning targets, checked on every XQuAD run.</summary>
    public static IReadOnlyList<(string Group, string Metric, double Floor, Func<ScoreCard, double?> Value)> Targets { get; } =
    [
        ("ar→ar", "recall@1", 0.93, s => s.Retrieval?.RecallAt1),
        ("ar→ar", "recall@5", 0.99, s => s.Retrieval?.RecallAt5),
        // Issue 13 asks en→ar R@1 ≥ 0.85 with ar→ar ≥ 0.93 (issue 9 settles for 0.77 without an ar→ar regression).
        ("en→ar", "recall@1", 0.85, s => s.Retrieval?.RecallAt1),
    ];

    public static string Tables(EvalReport report)
    {
        var text = new StringBuilder();
        var names = report.Configurations.Select(c => c.Name).ToArray();
        var groups = report.Configurations.SelectMany(c => c.Groups.Select(g => g.Group)).Distinct().ToList();
        foreach (var group in groups)
        {
            var cards = report.Configurations.Select(c => c.Group(group)).ToList();
            var count = cards.First(c => c is not null)!.Questions;
            text.Append($"**{group}** ({count} questions)\n\n");
            var table = new MarkdownTable(["metric", .. names]);
            void Row(string metric, Func<ScoreCard, string?> cell)
            {
                var cells = cards.Select(c => c is null ? null : cell(c)).ToList();
                if (cells.All(c => c is null)) return;
                table.Row([metric, .. cells.Select(c => c ?? "–")]);
            }
            Row("recall@1", c => Fraction(c.Retrieval?.RecallAt1));
            Row("recall@5", c => Fraction(c.Retrieval?.RecallAt5));
            Row("recall@10", c => Fraction(c.Retrieval?.RecallAt10));
            Row("MRR@10", c => Fraction(c.Retrieval?.Mrr10));
            Row("nDCG@10", c => Fraction(c.Retrieval?.Ndcg10));
            Row("exact match", c => Fraction(c.Answers.ExactMatch));
            Row("token F1", c => Fraction(c.Answers.TokenF1));
            Row("keyword recall", c => Fraction(c.Answers.KeywordRecall));
            Row("citation precision", c => Scored(c.Answers.CitationPrecision, c.Answers.CitationScored));
            Row("date correctness", c => Scored(c.Answers.DateCorrectness, c.Answers.DateScored));
            Row("refusal accuracy", c => $"{Fraction(c.Answers.RefusalAccuracy)} ({c.Answers.Refused} refused)");
            Row("search p50 / p95", c => $"{Ms(c.Latency.SearchP50Ms)} / {Ms(c.Latency.SearchP95Ms)}");
            Row("answer p50 / p95", c => $"{Ms(c.Latency.AnswerP50Ms)} / {Ms(c.Latency.AnswerP95Ms)}");
            text.Append(table).Append('\n');
        }
        return text.ToString();
    }

    public static string TargetTable(EvalReport report)
    {
        var applicable = Targets.Where(t => report.Configurations.Any(c => c.Group(t.Group) is not null)).ToList();
        if (applicable.Count == 0) return "";
        var table = new MarkdownTable(["target", .. report.Configurations.Select(c => c.Name)]);
        foreach (var target in applicable)
            table.Row([$"{target.Group} {target.Metric} ≥ {target.Floor.ToString("0.00", CultureInfo.InvariantCulture)}",
                .. report.Configurations.Select(c => c.Group(target.Group) is { } card && target.Value(card) is { } value
                    ? $"{Fraction(value)} {(value >= target.Floor ? "met" : "NOT met")}" : "–")]);
        return table.ToString();
    }

    public static string Section(EvalReport report, string markdownPath)
    {
        var text = new StringBuilder();
        var questions = report.Configurations[0].Questions.Count;
        text.Append($"### Eval: `{report.Dataset}` ({report.Format}, {questions} questions per configuration)\n\n");
        if (report.CommandLine is { } command) text.Append("```bash\n").Append(command).Append("\n```\n\n");
        text.Append($"Measured {report.StartedAt:yyyy-MM-dd HH:mm} in {report.Elapsed.TotalSeconds:0} s");
        text.Append(report.LoadAverage is { } load ? $" (1-minute load average {load.ToString("0.0", CultureInfo.InvariantCulture)} on {Environment.ProcessorCount} logical processors). " : ". ");
        foreach (var configuration in report.Configurations)
        {
            var settings = configuration.Settings.Count == 0 ? "the configuration as is" : string.Join("; ", configuration.Settings.Select(p => $"`{p.Key}={p.Value}`"));
            text.Append($"`{configuration.Name}`: {settings} ({configuration.Index.Articles} articles, {configuration.Index.Chunks} chunks indexed");
            if (configuration.Index.HeldOut > 0) text.Append($"; {configuration.Index.HeldOut} held out for the unanswerable pass");
            text.Append("). ");
        }
        text.Append("\n\n");
        var targets = TargetTable(report);
        if (targets.Length > 0) text.Append(targets).Append('\n');
        text.Append(Tables(report));
        foreach (var chart in report.Charts)
            text.Append($"![recall@k per configuration]({BenchmarksDocument.RelativeLink(markdownPath, chart)})\n\n");
        text.Append(Misses(report));
        return text.ToString();
    }

    /// <summary>Small sets only: every question the last configuration gets wrong, and how, so a regression has a name.</summary>
    public static string Misses(EvalReport report, int maxQuestions = 100)
    {
        var configuration = report.Configurations[^1];
        if (configuration.Questions.Count > maxQuestions) return "";
        var table = new MarkdownTable("id", "question", $"what `{configuration.Name}` got wrong") { RightAlignValues = false };
        foreach (var question in configuration.Questions)
        {
            var problems = Problems(question).ToList();
            if (problems.Count > 0) table.Row(question.Id, question.Question.Replace("|", "/"), string.Join("; ", problems));
        }
        var rows = table.ToString();
        return rows.Count(c => c == '\n') <= 2 ? "" : $"Questions `{configuration.Name}` gets wrong:\n\n{rows}\n";
    }

    private static IEnumerable<string> Problems(QuestionResult question)
    {
        if (question.ShouldRefuse && !question.Refused) yield return $"answered an off-corpus question (cited {string.Join(", ", question.Cited.Select(c => c.ArticleId))})";
        if (!question.ShouldRefuse && question.Refused) yield return "refused an answerable question";
        if (question.GoldArticleIds.Count > 0 && (question.Ranked.Count == 0 || !question.GoldArticleIds.Contains(question.Ranked[0])))
            yield return $"gold not ranked first (first: {(question.Ranked.Count > 0 ? question.Ranked[0] : "nothing")})";
        if (question.CitationPrecision is < 1) yield return $"cited {string.Join(", ", question.Cited.Select(c => c.ArticleId).Distinct())}";
        if (question.DateCorrect is false) yield return $"wrong date ({string.Join(", ", question.Cited.Select(c => c.Published ?? "not stated"))})";
        if (!question.Refused && question.KeywordRecall is < 1) yield return $"keyword recall {Fraction(question.KeywordRecall)}";
    }

    private static string? Fraction(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture);

    private static string? Scored(double? value, int count) => value is null ? null : $"{Fraction(value)} (n={count})";

    internal static string Ms(double value) => value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " ms";
}
