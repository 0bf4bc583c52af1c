using QABot.Core.Domain;
using QABot.Evaluation.Metrics;

namespace QABot.Evaluation.Tests.Metrics;

[Trait("Category", "Eval")]
public sealed class CitationMetricsTests
{
    private static readonly DateTimeOffset HostDate = new(2023, 10, 12, 0, 0, 0, TimeSpan.Zero);

    private static Citation Cite(string id, DateTimeOffset? published) => new(1, id, "title", "source", published, "quote");

    [Fact]
    public void Precision_is_the_share_of_distinct_cited_articles_that_are_gold()
    {
        var gold = new HashSet<string> { "000", "004" };
        Assert.Equal(0.5, CitationMetrics.Precision(["000", "002"], gold));
        Assert.Equal(1.0, CitationMetrics.Precision(["000", "000", "004"], gold));   // the same article cited twice counts once
        Assert.Equal(0.0, CitationMetrics.Precision(["003"], gold));
        Assert.Null(CitationMetrics.Precision([], gold));
    }

    [Fact]
    public void An_appended_article_that_borrows_its_host_date_is_wrong()
    {
        var gold = new HashSet<string> { "000#r1" };
        Assert.False(CitationMetrics.DateCorrect([Cite("000#r1", HostDate)], gold, expected: null));
        Assert.True(CitationMetrics.DateCorrect([Cite("000#r1", null)], gold, expected: null));
    }

    [Fact]
    public void A_dated_article_must_print_its_own_date()
    {
        var gold = new HashSet<string> { "000" };
        Assert.True(CitationMetrics.DateCorrect([Cite("000", HostDate)], gold, new DateOnly(2023, 10, 12)));
        Assert.False(CitationMetrics.DateCorrect([Cite("000", HostDate.AddDays(1))], gold, new DateOnly(2023, 10, 12)));
        Assert.False(CitationMetrics.DateCorrect([Cite("000", null)], gold, new DateOnly(2023, 10, 12)));
    }

    [Fact]
    public void Only_citations_of_gold_articles_are_judged_for_dates()
    {
        var gold = new HashSet<string> { "000" };
        Assert.True(CitationMetrics.DateCorrect([Cite("000", HostDate), Cite("002", null)], gold, new DateOnly(2023, 10, 12)));
        Assert.Null(CitationMetrics.DateCorrect([Cite("002", null)], gold, new DateOnly(2023, 10, 12)));
    }

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, true)]
    public void Refusal_is_correct_when_the_decision_matches(bool shouldRefuse, bool refused, bool expected)
    {
        Assert.Equal(expected, CitationMetrics.RefusalCorrect(shouldRefuse, refused));
    }
}
