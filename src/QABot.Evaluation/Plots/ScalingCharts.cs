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
        var seconds = ingest.Add.Scatter(articles, report.Steps.Select(s => s.IngestSeconds).ToArray());
        seconds.LegendText = "ingest time (s)";
        seconds.LineWidth = 2;
        ingest.Title("Ingest time vs corpus size");
        ingest.XLabel("articles");
        ingest.YLabel("seconds");
        ingest.ShowLegend(Alignment.UpperLeft);

        var latency = new Plot();
        void Line(string label, Func<ScaleStep, double> value, LinePattern pattern)
        {
            var line = latency.Add.Scatter(articles, report.Steps.Select(value).ToArray());
            line.LegendText = label;
            line.LinePattern = pattern;
            line.LineWidth = 2;
        }
        Line("search p50", s => s.Query.Search.P50Ms, LinePattern.Solid);
        Line("search p95", s => s.Query.Search.P95Ms, LinePattern.Dashed);
        Line("answer p50", s => s.Query.Answer.P50Ms, LinePattern.Solid);
        Line("answer p95", s => s.Query.Answer.P95Ms, LinePattern.Dashed);
        latency.Title("Query latency vs corpus size (1 client)");
        latency.XLabel("articles");
        latency.YLabel("milliseconds");
        latency.Axes.SetLimitsY(0, report.Steps.Max(s => Math.Max(s.Query.Answer.P95Ms, s.Query.Search.P95Ms)) * 1.15);
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
        Line("answer p50", l => l.Answer.P50Ms, LinePattern.Solid);
        Line("answer p95", l => l.Answer.P95Ms, LinePattern.Dashed);
        Line("answer p99", l => l.Answer.P99Ms, LinePattern.Dotted);
        Line("search p50", l => l.Search.P50Ms, LinePattern.Solid);
        Line("search p99", l => l.Search.P99Ms, LinePattern.Dotted);
        plot.Title($"Query latency vs concurrent clients ({report.IndexedArticles} articles)");
        plot.XLabel("concurrent clients");
        plot.YLabel("milliseconds");
        plot.Axes.SetLimitsY(0, report.Loads.Max(l => l.Answer.P99Ms) * 1.15);
        plot.ShowLegend(Alignment.UpperLeft);
        return ChartFile.Save(plot, Path.Combine(directory, "bench-query-concurrency.png"));
    }
}
