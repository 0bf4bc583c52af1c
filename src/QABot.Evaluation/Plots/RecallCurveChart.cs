using QABot.Evaluation.Running;
using ScottPlot;

namespace QABot.Evaluation.Plots;

/// <summary>recall@k for k = 1..10, one line per configuration and answerable question group.</summary>
public static class RecallCurveChart
{
    /// <returns>The path written.</returns>
    public static string Write(EvalReport report, string path)
    {
        var plot = new Plot();
        var ks = Enumerable.Range(1, ScoreCard.MaxK).Select(k => (double)k).ToArray();
        var patterns = new[] { LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed };
        for (var c = 0; c < report.Configurations.Count; c++)
        {
            var configuration = report.Configurations[c];
            foreach (var card in configuration.Groups.Where(g => g.Group != "all" && g.Retrieval is not null))
            {
                var line = plot.Add.Scatter(ks, card.Retrieval!.RecallCurve.ToArray());
                // Group names carry an arrow ("ar→ar") that the chart font may lack; spell it out.
                line.LegendText = $"{configuration.Name}: {card.Group.Replace("→", " to ")}";
                line.LinePattern = patterns[c % patterns.Length];
                line.LineWidth = 2;
                line.MarkerSize = 6;
            }
        }
        plot.Title($"Retrieval recall@k - {report.Dataset}");
        plot.XLabel("k (top k distinct articles)");
        plot.YLabel("recall@k");
        plot.Axes.SetLimits(0.5, ScoreCard.MaxK + 0.5, 0, 1.02);
        plot.ShowLegend(Alignment.LowerRight);
        return ChartFile.Save(plot, path);
    }
}
