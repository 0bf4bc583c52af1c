using System.Globalization;
using System.Text;
using QABot.Evaluation.Benchmarks;

namespace QABot.Evaluation.Reports;

/// <summary>The benchmark reports as markdown sections of docs/benchmarks.md.</summary>
public static class BenchMarkdown
{
    /// <summary>Issue 13's targets at one million articles.</summary>
    public const int MillionArticles = 1_000_000;
    public const double MillionIngestPerSecond = 4000, MillionPeakMegabytes = 2048, MillionFirstPassP50Ms = 20, MillionColdAskMs = 1500;
    /// <summary>Issue 13's targets on the 31.5k-article ANT corpus (the whole real corpus, no synthetic copies).</summary>
    public const double CorpusFirstPassP50Ms = 5, CorpusFirstPassP99Ms = 25, CorpusColdAskMs = 600;

    public static string IngestSection(IngestBenchReport report, string markdownPath)
    {
        var text = Header("Scale: ingest and query cost vs corpus size", report.CommandLine, report.StartedAt, report.ProcessorCount, report.LoadAverage);
        var table = new MarkdownTable("articles", "synthetic", "stored", "duplicates", "chunks", "ingest", "articles/s", "MB/s", "peak RSS", "index size",
            "first pass p50 / p99", "warm p50 / p99", "cold `ask`");
        foreach (var s in report.Steps)
            table.Row(N(s.Lines), N(s.Synthetic), N(s.StoredArticles), N(s.Duplicates), N(s.Chunks), $"{F(s.IngestSeconds, "0.0")} s", N((int)s.ArticlesPerSecond),
                F(s.MegabytesPerSecond, "0.0"), $"{F(s.PeakWorkingSetMegabytes, "0")} MB", $"{F(s.IndexMegabytes, "0.0")} MB",
                Pair(s.Query.FirstPass), Pair(s.Query.Warm), s.ColdAsk is { Runs: > 0 } cold ? Seconds(cold.WallP50Ms) : "–");
        text.Append(table).Append('\n');
        var largest = report.Steps[^1];
        text.Append($"Input is uncompressed JSONL ({F(largest.InputMegabytes, "0")} MB for the largest size). Sizes past the real corpus add synthetic copies " +
                    "of it: new ids, dates shifted by a quarter per copy, and bodies of the same shape made of the same outlet's sentences shuffled " +
                    "across its articles, so dedup keeps them. Peak RSS is the highest process working set sampled while ingesting (the writer's " +
                    $"buffer is {QABot.Retrieval.Lucene.LuceneArticleIndex.WriterBufferMegabytes} MB, flushed to disk as it fills). Duplicates are lines whose body was already stored (the corpus repeats some URLs); ingestion's dedup keeps them " +
                    $"as alias ids. Query timings: {largest.Query.FirstPass.Count} article titles as questions, one client; the *first pass* asks each " +
                    "question once in a process that has answered other (untimed, disjoint) questions before, the *warm* pass replays them. " +
                    "*cold `ask`* is the median wall time of a one-question `./qabot ask` in a new process on that index. " +
                    "Before the first size an untimed 300-article run warms the process up.\n\n");
        foreach (var error in largest.Errors) text.Append($"- failed input: `{error}`\n");
        if (largest.Errors.Count > 0) text.Append('\n');

        var targets = new MarkdownTable("target", "measured");
        if (report.Steps.FirstOrDefault(s => s.Synthetic == 0 && s.Lines >= 30_000) is { } corpus)
        {
            targets.Row($"first pass p50 ≤ {CorpusFirstPassP50Ms} ms ({N(corpus.Lines)} articles)", Met(corpus.Query.FirstPass.P50Ms, CorpusFirstPassP50Ms, EvalMarkdown.Ms));
            targets.Row($"first pass p99 ≤ {CorpusFirstPassP99Ms} ms ({N(corpus.Lines)} articles)", Met(corpus.Query.FirstPass.P99Ms, CorpusFirstPassP99Ms, EvalMarkdown.Ms));
            if (corpus.ColdAsk is { Runs: > 0 } cold) targets.Row($"cold `ask` ≤ {Seconds(CorpusColdAskMs)} ({N(corpus.Lines)} articles)", Met(cold.WallP50Ms, CorpusColdAskMs, Seconds));
        }
        if (report.Steps.FirstOrDefault(s => s.Lines >= MillionArticles) is { } million)
        {
            targets.Row($"ingest ≥ {N((int)MillionIngestPerSecond)} articles/s ({N(million.Lines)} articles)", $"{N((int)million.ArticlesPerSecond)} {Verdict(million.ArticlesPerSecond >= MillionIngestPerSecond)}");
            targets.Row($"peak RSS ≤ {F(MillionPeakMegabytes, "0")} MB ({N(million.Lines)} articles)", Met(million.PeakWorkingSetMegabytes, MillionPeakMegabytes, v => $"{F(v, "0")} MB"));
            targets.Row($"first pass p50 ≤ {MillionFirstPassP50Ms} ms ({N(million.Lines)} articles)", Met(million.Query.FirstPass.P50Ms, MillionFirstPassP50Ms, EvalMarkdown.Ms));
            if (million.ColdAsk is { Runs: > 0 } cold) targets.Row($"cold `ask` ≤ {Seconds(MillionColdAskMs)} ({N(million.Lines)} articles)", Met(cold.WallP50Ms, MillionColdAskMs, Seconds));
        }
        if (targets.RowCount > 0) text.Append(targets).Append('\n');
        foreach (var chart in report.Charts) text.Append($"![{Path.GetFileNameWithoutExtension(chart)}]({BenchmarksDocument.RelativeLink(markdownPath, chart)})\n\n");
        return text.ToString();
    }

    public static string QuerySection(QueryBenchReport report, string markdownPath)
    {
        var text = Header($"Query latency under concurrency ({N(report.IndexedArticles)} articles, {N(report.IndexedChunks)} chunks)", report.CommandLine, report.StartedAt, report.ProcessorCount, report.LoadAverage);
        var table = new MarkdownTable("clients", "questions", "first pass p50 / p95 / p99", "answers/s (first pass)", "warm answer p50 / p95 / p99", "warm search p50 / p95 / p99");
        foreach (var load in report.Loads)
            table.Row(load.Clients.ToString(CultureInfo.InvariantCulture), N(load.FirstPass.Count), Triple(load.FirstPass), F(load.FirstPass.PerSecond, "0.0"), Triple(load.Warm), Triple(load.WarmSearch));
        text.Append(table).Append('\n');
        text.Append($"After {N(report.Warmup)} untimed warm-up questions, each client count gets its own set of questions that neither the warm-up nor an " +
                    "earlier load asked. The *first pass* times the whole answer (planning, search, extraction, citation) of each question the first " +
                    "time the process sees it; the *warm* pass then replays the same set: the answer again, and the search alone (planner + index, top 10). " +
                    "Each client takes the next question from a shared queue; answers/s is over the wall time of the first pass.\n\n");
        foreach (var chart in report.Charts) text.Append($"![{Path.GetFileNameWithoutExtension(chart)}]({BenchmarksDocument.RelativeLink(markdownPath, chart)})\n\n");
        return text.ToString();
    }

    public static string StartupSection(StartupBenchReport report)
    {
        var text = Header($"Cold start: one command in a new process ({N(report.IndexedArticles)} articles)", report.CommandLine, report.StartedAt, report.ProcessorCount, report.LoadAverage);
        var table = new MarkdownTable("command", "runs", "wall p50", "wall min … max", "CPU p50", "failed");
        foreach (var r in report.Results)
            table.Row(r.Name, r.Runs.ToString(CultureInfo.InvariantCulture), Seconds(r.WallP50Ms), $"{Seconds(r.WallMinMs)} … {Seconds(r.WallMaxMs)}",
                r.CpuP50Ms is { } cpu ? Seconds(cpu) : "–", r.Failures == 0 ? "0" : $"{r.Failures} ({r.LastError})");
        text.Append(table).Append('\n');
        text.Append($"Each row starts `{report.Launcher}` with the command's arguments (`--data-dir {report.DataDirectory}`) and times it from the start " +
                    "to its exit; `serve` is timed until GET /healthz answers and then until its first POST /api/ask answer. Every command runs once " +
                    "untimed first (a build after a change, the first-run sample ingest and a cold file cache stay out), then the rounds alternate the " +
                    "commands. CPU is user + system time of the process and its children (the launcher's checks included), which other work on the " +
                    "machine moves less than wall time.\n\n");
        return text.ToString();
    }

    private static StringBuilder Header(string title, string? command, DateTimeOffset started, int processors, double? load)
    {
        var text = new StringBuilder($"### {title}\n\n");
        if (command is not null) text.Append("```bash\n").Append(command).Append("\n```\n\n");
        text.Append($"Measured {started:yyyy-MM-dd HH:mm} on {processors} logical processors");
        text.Append(load is { } l ? $", 1-minute load average {F(l, "0.0")} at the start (other work shares the machine).\n\n" : ".\n\n");
        return text;
    }

    private static string Pair(LatencySummary s) => $"{EvalMarkdown.Ms(s.P50Ms)} / {EvalMarkdown.Ms(s.P99Ms)}";
    private static string Seconds(double ms) => double.IsNaN(ms) ? "–" : $"{F(ms / 1000, "0.00")} s";
    /// <summary>"0.41 s met" when the value is at most the limit.</summary>
    private static string Met(double value, double limit, Func<double, string> format) => $"{format(value)} {Verdict(value <= limit)}";
    private static string Triple(LatencySummary s) => $"{EvalMarkdown.Ms(s.P50Ms)} / {EvalMarkdown.Ms(s.P95Ms)} / {EvalMarkdown.Ms(s.P99Ms)}";
    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
    private static string Verdict(bool met) => met ? "met" : "NOT met";
}
