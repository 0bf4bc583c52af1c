using QABot.Evaluation.Metrics;

namespace QABot.Evaluation.Benchmarks;

/// <param name="PerSecond">Completed requests per second of wall time over the whole load.</param>
public sealed record LatencySummary(int Count, double P50Ms, double P95Ms, double P99Ms, double MeanMs, double PerSecond)
{
    public static LatencySummary Of(IReadOnlyList<double> milliseconds, TimeSpan wall) => new(
        milliseconds.Count,
        Percentiles.Of(milliseconds, 50),
        Percentiles.Of(milliseconds, 95),
        Percentiles.Of(milliseconds, 99),
        milliseconds.Average(),
        milliseconds.Count / Math.Max(wall.TotalSeconds, 1e-9));
}
