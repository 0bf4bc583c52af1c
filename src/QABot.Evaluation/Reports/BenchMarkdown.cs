using System.Globalization;
using System.Text;
using QABot.Evaluation.Benchmarks;

namespace QABot.Evaluation.Reports;

/// <summary>The benchmark reports as markdown sections of docs/benchmarks.md.</summary>
public static class BenchMarkdown
{
    public const double IngestTargetPerSecond = 2500;
    public const double QueryP50TargetMs = 30;

    public static string IngestSection(IngestBenchReport report, string markdownPath)
    {
        var text = Header("Scale: ingest and query cost vs corpus size", report.CommandLine, report.StartedAt, report.ProcessorCount);
        var table = new MarkdownTable("articles", "stored", "duplicates", "failed", "chunks", "ingest", "articles/s", "MB/s", "peak memory", "index size",
            "search p50 / p95 / p99", "answer p50 / p95 / p99");
        foreach (var s in report.Steps)
            table.Row(N(s.Lines), N(s.StoredArticles), N(s.Duplicates), N(s.Failed), N(s.Chunks), $"{F(s.IngestSeconds, "0.0")} s", N((int)s.ArticlesPerSecond),
                F(s.MegabytesPerSecond, "0.0"), $"{F(s.PeakWorkingSetMegabytes, "0")} MB", $"{F(s.IndexMegabytes, "0.0")} MB",
                Triple(s.Query.Search), Triple(s.Query.Answer));
        text.Append(table).Append('\n');
        var largest = report.Steps[^1];
        text.Append($"Input is uncompressed JSONL ({F(largest.InputMegabytes, "0")} MB for the largest size). Peak memory is the highest process working set " +
                    "sampled while ingesting. Duplicates are lines whose body was already stored (the corpus repeats some URLs); ingestion's dedup keeps them as alias ids. " +
                    $"Query timings: {largest.Query.Search.Count} article titles as questions, one client, after a warm-up. " +
                    "Before the first size an untimed 300-article run warms the process up.\n\n");
        foreach (var error in largest.Errors) text.Append($"- failed input: `{error}`\n");
        if (largest.Errors.Count > 0) text.Append('\n');
        text.Append(new MarkdownTable("target", "measured")
            .Row($"ingest ≥ {N((int)IngestTargetPerSecond)} articles/s ({N(largest.Lines)} articles)", $"{N((int)largest.ArticlesPerSecond)} {Verdict(largest.ArticlesPerSecond >= IngestTargetPerSecond)}")
            .Row($"search p50 ≤ {QueryP50TargetMs} ms ({N(largest.Lines)} articles)", $"{EvalMarkdown.Ms(largest.Query.Search.P50Ms)} {Verdict(largest.Query.Search.P50Ms <= QueryP50TargetMs)}")
            .Row($"answer p50 ≤ {QueryP50TargetMs} ms ({N(largest.Lines)} articles)", $"{EvalMarkdown.Ms(largest.Query.Answer.P50Ms)} {Verdict(largest.Query.Answer.P50Ms <= QueryP50TargetMs)}"))
            .Append('\n');
        foreach (var chart in report.Charts) text.Append($"![{Path.GetFileNameWithoutExtension(chart)}]({BenchmarksDocument.RelativeLink(markdownPath, chart)})\n\n");
        return text.ToString();
    }

    public static string QuerySection(QueryBenchReport report, string markdownPath)
    {
        var text = Header($"Query latency under concurrency ({N(report.IndexedArticles)} articles, {N(report.IndexedChunks)} chunks)", report.CommandLine, report.StartedAt, report.ProcessorCount);
        var table = new MarkdownTable("clients", "questions", "search p50 / p95 / p99", "answer p50 / p95 / p99", "answers/s");
        foreach (var load in report.Loads)
            table.Row(load.Clients.ToString(CultureInfo.InvariantCulture), N(load.Answer.Count), Triple(load.Search), Triple(load.Answer), F(load.Answer.PerSecond, "0.0"));
        text.Append(table).Append('\n');
        text.Append("Questions are titles of evenly spaced indexed articles (cut to 12 words), a fresh set for each client count after an untimed warm-up, " +
                    "so no load replays questions whose results are already cached. Each client takes the next question from a shared queue; a question " +
                    "is timed twice: the search (planner + index, top 10) and then the whole answer (the answerer searches again, extracts and cites). " +
                    "answers/s is over the wall time of the whole load.\n\n");
        foreach (var chart in report.Charts) text.Append($"![{Path.GetFileNameWithoutExtension(chart)}]({BenchmarksDocument.RelativeLink(markdownPath, chart)})\n\n");
        return text.ToString();
    }

    private static StringBuilder Header(string title, string? command, DateTimeOffset started, int processors)
    {
        var text = new StringBuilder($"### {title}\n\n");
        if (command is not null) text.Append("```bash\n").Append(command).Append("\n```\n\n");
        text.Append($"Measured {started:yyyy-MM-dd HH:mm} on {processors} logical processors (shared with other work).\n\n");
        return text;
    }

    private static string Triple(LatencySummary s) => $"{EvalMarkdown.Ms(s.P50Ms)} / {EvalMarkdown.Ms(s.P95Ms)} / {EvalMarkdown.Ms(s.P99Ms)}";
    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
    private static string Verdict(bool met) => met ? "met" : "NOT met";
}
