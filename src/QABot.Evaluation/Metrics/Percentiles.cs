namespace QABot.Evaluation.Metrics;

public static class Percentiles
{
    /// <summary>
    /// The <paramref name="percentile"/>-th percentile (0–100) with linear interpolation between closest ranks
    /// (rank = p/100 · (n−1), as numpy's default and Excel's PERCENTILE.INC), so p50 of an even count is the mean of
    /// the two middle values.
    /// </summary>
    public static double Of(IReadOnlyList<double> values, double percentile)
    {
        if (values.Count == 0) throw new ArgumentException("No values.", nameof(values));
        if (percentile is < 0 or > 100) throw new ArgumentOutOfRangeException(nameof(percentile), "A percentile is between 0 and 100.");
        var sorted = values.Order().ToArray();
        var rank = percentile / 100.0 * (sorted.Length - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
    }
}
