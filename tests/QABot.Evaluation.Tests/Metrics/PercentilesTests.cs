using QABot.Evaluation.Metrics;

namespace QABot.Evaluation.Tests.Metrics;

[Trait("Category", "Eval")]
public sealed class PercentilesTests
{
    [Theory]
    [InlineData(50, 2.5)]     // rank 1.5 → 2 + 0.5·(3−2)
    [InlineData(95, 3.85)]    // rank 2.85 → 3 + 0.85·(4−3)
    [InlineData(0, 1)]
    [InlineData(100, 4)]
    [InlineData(25, 1.75)]    // rank 0.75
    public void Percentiles_interpolate_linearly_between_closest_ranks(double p, double expected)
    {
        Assert.Equal(expected, Percentiles.Of([4, 1, 3, 2], p), 10);   // unsorted on purpose
    }

    [Fact]
    public void Ninety_ninth_percentile_of_a_hundred_values()
    {
        var values = Enumerable.Range(1, 100).Select(i => (double)i).ToList();
        Assert.Equal(99.01, Percentiles.Of(values, 99), 10);   // rank 98.01 → 99 + 0.01
        Assert.Equal(50.5, Percentiles.Of(values, 50), 10);
    }

    [Fact]
    public void A_single_value_is_every_percentile_and_bad_input_is_rejected()
    {
        Assert.Equal(7, Percentiles.Of([7], 95));
        Assert.Throws<ArgumentException>(() => Percentiles.Of([], 50));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Of([1], 101));
    }
}
