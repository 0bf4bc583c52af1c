using QABot.Evaluation.Benchmarks;
using ScottPlot;

namespace QABot.Evaluation.Plots;

/// <summary>How cost grows with the corpus (ingest time, query latency) and with concurrent clients.</summary>
public static class ScalingCharts
{
    public static IReadOnlyList<string> Write(IngestBenchReport report, string directory)
    {
        var articles = report.Steps.Select(s => (double)s.Lines).ToArray();

        var ingest = new Plot();
        var rate = ingest.Add.Scatter(articles, report.Steps.Select(s => s.ArticlesPerSecond).ToArray());
        rate.LegendText = "ingest rate (articles/s)";
        rate.LineWidth = 2;
        var memory = ingest.Add.Scatter(articles, report.Steps.Select(s => s.PeakWorkingSetMegabytes).ToArray());
        memory.LegendText = "peak RSS (MB)";
        memory.LineWidth = 2;
        memory.LinePattern = LinePattern.Dashed;
        var size = ingest.Add.Scatter(articles, report.Steps.Select(s => s.IndexMegabytes).ToArray());
        size.LegendText = "index size (MB)";
        size.LineWidth = 2;
        size.LinePattern = LinePattern.Dotted;
        ingest.Title("Ingest rate, peak memory and index size vs corpus size");
        ingest.XLabel("articles");
        ingest.YLabel("articles/s · MB");
        ingest.Axes.SetLimitsY(0, report.Steps.Max(s => Math.Max(s.ArticlesPerSecond, Math.Max(s.PeakWorkingSetMegabytes, s.IndexMegabytes))) * 1.15);
        ingest.ShowLegend(Alignment.UpperLeft);

        var latency = new Plot();
        void Line(string label, Func<ScaleStep, double> value, LinePattern pattern)
        {
            var line = latency.Add.Scatter(articles, report.Steps.Select(value).ToArray());
            line.LegendText = label;
            line.LinePattern = pattern;
            line.LineWidth = 2;
        }
        Line("first pass p50", s => s.Query.FirstPass.P50Ms, LinePattern.Solid);
        Line("first pass p99", s => s.Query.FirstPass.P99Ms, LinePattern.Dashed);
        Line("warm p50", s => s.Query.Warm.P50Ms, LinePattern.Dotted);
        if (report.Steps.All(s => s.ColdAsk is { Runs: > 0 })) Line("cold `ask` / 100", s => s.ColdAsk!.WallP50Ms / 100, LinePattern.DenselyDashed);
        latency.Title("Answer latency vs corpus size (1 client)");
        latency.XLabel("articles");
        latency.YLabel("milliseconds");
        latency.Axes.SetLimitsY(0, report.Steps.Max(s => Math.Max(s.Query.FirstPass.P99Ms, (s.ColdAsk?.WallP50Ms ?? 0) / 100)) * 1.15);
        latency.ShowLegend(Alignment.UpperLeft);

        return
        [
            ChartFile.Save(ingest, Path.Combine(directory, "bench-ingest-time.png")),
            ChartFile.Save(latency, Path.Combine(directory, "bench-latency-vs-size.png")),
        ];
    }

    public static string WriteConcurrency(QueryBenchReport report, string directory)
    {
        var plot = new Plot();
        var clients = report.Loads.Select(l => (double)l.Clients).ToArray();
        void Line(string label, Func<QueryLoadResult, double> value, LinePattern pattern)
        {
            var line = plot.Add.Scatter(clients, report.Loads.Select(value).ToArray());
            line.LegendText = label;
            line.LinePattern = pattern;
            line.LineWidth = 2;
        }
        Line("first pass p50", l => l.FirstPass.P50Ms, LinePattern.Solid);
        Line("first pass p95", l => l.FirstPass.P95Ms, LinePattern.Dashed);
        Line("first pass p99", l => l.FirstPass.P99Ms, LinePattern.Dotted);
        Line("warm p50", l => l.Warm.P50Ms, LinePattern.Solid);
        Line("warm p99", l => l.Warm.P99Ms, LinePattern.Dotted);
        plot.Title($"Query latency vs concurrent clients ({report.IndexedArticles} articles)");
        plot.XLabel("concurrent clients");
        plot.YLabel("milliseconds");
        plot.Axes.SetLimitsY(0, report.Loads.Max(l => Math.Max(l.FirstPass.P99Ms, l.Warm.P99Ms)) * 1.15);
        plot.ShowLegend(Alignment.UpperLeft);
        return ChartFile.Save(plot, Path.Combine(directory, "bench-query-concurrency.png"));
    }
}
