using QABot.Answering.TimeScope;

namespace QABot.Answering.Tests;

[Trait("Category", "Answering")]
public sealed class TimeScopeExtractorTests
{
    private static readonly DateTimeOffset Now = new(2023, 10, 20, 15, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("What did Putin say in September 2023?", "2023-09-01", "2023-09-30")]
    [InlineData("ماذا قال بوتين في سبتمبر 2023؟", "2023-09-01", "2023-09-30")]
    [InlineData("ماذا قال بوتين في أيلول ٢٠٢٣؟", "2023-09-01", "2023-09-30")]
    [InlineData("ماذا حدث في تشرين الأول 2023", "2023-10-01", "2023-10-31")]
    [InlineData("What happened on 12th October 2023?", "2023-10-12", "2023-10-12")]
    [InlineData("What happened on October 12, 2023?", "2023-10-12", "2023-10-12")]
    [InlineData("what did sky news arabia publish on 2023-10-12", "2023-10-12", "2023-10-12")]
    [InlineData("What happened last month?", "2023-09-01", "2023-09-30")]
    [InlineData("ماذا حدث الشهر الماضي؟", "2023-09-01", "2023-09-30")]
    [InlineData("What happened last week?", "2023-10-13", "2023-10-20")]
    [InlineData("ماذا حدث الأسبوع الماضي؟", "2023-10-13", "2023-10-20")]
    [InlineData("what happened yesterday", "2023-10-19", "2023-10-19")]
    public void Reads_the_publication_window(string question, string from, string to)
    {
        var scope = TimeScopeExtractor.Extract(question, Now);

        Assert.NotNull(scope);
        Assert.Equal(from, scope.Range.From!.Value.ToString("yyyy-MM-dd"));
        Assert.Equal(to, scope.Range.To!.Value.ToString("yyyy-MM-dd"));
    }

    [Theory]
    [InlineData("How many people died in the 2011 earthquake?")]
    [InlineData("ماذا أهدى بوتين لكيم جونغ أون؟")]
    [InlineData("ما هي قناة اليمن اليوم؟")]
    [InlineData("May I ask about Putin?")]
    [InlineData("What happened on 31 February 2023?")]
    public void Finds_no_window_where_none_is_asked_for(string question) =>
        Assert.Null(TimeScopeExtractor.Extract(question, Now));
}
