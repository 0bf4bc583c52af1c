using QABot.Ingestion.Parsing;

namespace QABot.Ingestion.Tests;

[Trait("Category", "Ingestion")]
public sealed class ArticleDatesTests
{
    [Theory]
    [InlineData("12th, October 2023 GMT", 2023, 10, 12)]
    [InlineData("18th September 2023", 2023, 9, 18)]
    [InlineData("1st March 2024", 2024, 3, 1)]
    [InlineData("October 12, 2023", 2023, 10, 12)]
    [InlineData("Thu, 12 Oct 2023", 2023, 10, 12)]
    [InlineData("2nd of June, 2022", 2022, 6, 2)]
    public void Reads_english_forms(string text, int year, int month, int day) =>
        Assert.Equal(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero), ArticleDates.ParseOrNull(text));

    [Theory]
    [InlineData("12 أكتوبر 2023", 2023, 10, 12)]
    [InlineData("الخميس 12 اكتوبر 2023", 2023, 10, 12)]
    [InlineData("5 يناير 2021", 2021, 1, 5)]
    [InlineData("5 كانون الثاني 2021", 2021, 1, 5)]
    [InlineData("١٢ تشرين الأول ٢٠٢٣", 2023, 10, 12)]
    [InlineData("٣ آب ٢٠٢٠", 2020, 8, 3)]
    [InlineData("14 أيلول/سبتمبر 2023", 2023, 9, 14)]
    [InlineData("9 جويلية 2019", 2019, 7, 9)]
    [InlineData("۲۵ دیسمبر ۲۰۱۹", 2019, 12, 25)]
    [InlineData("12 أكتوبر 2023م", 2023, 10, 12)]
    public void Reads_arabic_month_names_of_both_series_and_arabic_indic_digits(string text, int year, int month, int day) =>
        Assert.Equal(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero), ArticleDates.ParseOrNull(text));

    /// <summary>DateTimeOffset equality compares instants only: the clock and offset must be checked as well.</summary>
    private static void AssertWritten(string text, int year, int month, int day, int hour, int minute, int second, double offsetHours)
    {
        var parsed = ArticleDates.ParseOrNull(text);
        Assert.NotNull(parsed);
        Assert.Equal(new DateTime(year, month, day, hour, minute, second), parsed!.Value.DateTime);
        Assert.Equal(TimeSpan.FromHours(offsetHours), parsed.Value.Offset);
    }

    [Theory]
    // The ANT case: 1 March on the outlet's clock, 28 February in UTC.
    [InlineData("2018-03-01T02:28:09+04:00", 2018, 3, 1, 2, 28, 9, 4)]
    [InlineData("2018-02-18T21:35:43+04:00", 2018, 2, 18, 21, 35, 43, 4)]
    // Just before midnight west of Greenwich: already the next day in UTC.
    [InlineData("2018-02-28T23:59:00-05:00", 2018, 2, 28, 23, 59, 0, -5)]
    [InlineData("2019-12-31T23:30:00-03:30", 2019, 12, 31, 23, 30, 0, -3.5)]
    // Just after midnight far east: still the day before in UTC.
    [InlineData("2020-01-01T00:15:00+05:45", 2020, 1, 1, 0, 15, 0, 5.75)]
    [InlineData("2021-07-15T00:00:00+03:00", 2021, 7, 15, 0, 0, 0, 3)]
    [InlineData("2023-10-12", 2023, 10, 12, 0, 0, 0, 0)]
    [InlineData("2023-10-12T10:30:00Z", 2023, 10, 12, 10, 30, 0, 0)]
    public void Iso_dates_keep_the_offset_they_were_written_with(string text, int year, int month, int day, int hour, int minute, int second, double offset) =>
        AssertWritten(text, year, month, day, hour, minute, second, offset);

    [Fact]
    public void Reads_a_stated_time_and_zone_and_keeps_the_zone()
    {
        AssertWritten("12 October 2023 10:30 GMT", 2023, 10, 12, 10, 30, 0, 0);
        AssertWritten("12 October 2023 10:30 +03:00", 2023, 10, 12, 10, 30, 0, 3);
        AssertWritten("12 October 2023 00:30 +03:00", 2023, 10, 12, 0, 30, 0, 3);
        AssertWritten("الخميس 12 أكتوبر 2023 - 09:15 م", 2023, 10, 12, 21, 15, 0, 0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("غير معروف")]
    [InlineData("موسكو، كييف (الاتحاد، وكالات)")]
    [InlineData("October 2023")]           // no day: never guess the 1st
    [InlineData("12 October")]             // no year
    [InlineData("31 February 2023")]       // no such day
    [InlineData("05/06/2023")]             // day/month or month/day? ambiguous, refused
    [InlineData("12 October 2023 banana")] // unread words make the whole thing doubtful
    [InlineData("12 13 2023")]
    [InlineData("15 محرم 1445هـ")]         // Hijri: never converted by guess
    [InlineData("3 رجب 1445 هـ")]
    public void Refuses_garbage_and_ambiguity(string text) => Assert.Null(ArticleDates.ParseOrNull(text));

    [Fact]
    public void Year_first_numeric_dates_are_read_in_iso_order() =>
        Assert.Equal(new DateTimeOffset(2023, 5, 6, 0, 0, 0, TimeSpan.Zero), ArticleDates.ParseOrNull("2023/05/06 GMT"));

    [Fact]
    public void Reads_unambiguous_numeric_day_month_year() =>
        Assert.Equal(new DateTimeOffset(2023, 6, 25, 0, 0, 0, TimeSpan.Zero), ArticleDates.ParseOrNull("25/06/2023"));
}
