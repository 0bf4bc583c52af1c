using QABot.Answering.Llm.Guard;

namespace QABot.Llm.Tests.Guard;

[Trait("Category", "Llm")]
public sealed class DateMentionTests
{
    [Theory]
    [InlineData("published 2023-10-12.", 2023, 10, 12)]
    [InlineData("on 12th October 2023 Putin", 2023, 10, 12)]
    [InlineData("on October 12, 2023, Putin", 2023, 10, 12)]
    [InlineData("in September 2023", 2023, 9, null)]
    [InlineData("نشر في 12 أكتوبر 2023", 2023, 10, 12)]
    [InlineData("نشر في ١٢ تشرين الأول ٢٠٢٣", 2023, 10, 12)]
    [InlineData("خلال شهر سبتمبر عام 2023", 2023, 9, null)]
    [InlineData("في 13 سبتمبر في ميناء", null, 9, 13)]
    public void Finds_dates_in_english_and_arabic_forms(string text, int? year, int month, int? day)
    {
        var mention = Assert.Single(DateMention.FindAll(text));
        Assert.Equal((year, month, day), (mention.Year, mention.Month, mention.Day));
    }

    [Theory]
    [InlineData("Kim may visit Moscow next year.")]
    [InlineData("The 75th anniversary of relations.")]
    [InlineData("بوتين أبدى أمله في زيارة قريبة")]
    public void Ignores_text_without_a_date(string text) => Assert.Empty(DateMention.FindAll(text));

    [Fact]
    public void Partial_mentions_match_the_fields_they_give()
    {
        var september = DateMention.FindAll("in September 2023")[0];
        Assert.True(september.MatchesDate(new DateTimeOffset(2023, 9, 14, 0, 0, 0, TimeSpan.Zero)));
        Assert.False(september.MatchesDate(new DateTimeOffset(2023, 10, 12, 0, 0, 0, TimeSpan.Zero)));
        Assert.True(DateMention.FindAll("13 September 2023")[0].AgreesWith(DateMention.FindAll("في 13 سبتمبر")[0]));
        Assert.False(DateMention.FindAll("15 September 2023")[0].AgreesWith(DateMention.FindAll("في 13 سبتمبر")[0]));
    }
}
