using QABot.Text.Dates;
using QABot.Text.Numbers;

namespace QABot.Answering.Tests.TextExpressions;

[Trait("Category", "Answering")]
public sealed class NumberAndDateExpressionsTests
{
    [Theory]
    [InlineData("ستة", 6)]
    [InlineData("الستة", 6)]
    [InlineData("ثمانية آلاف", 8000)]
    [InlineData("خمسة وعشرين", 25)]
    [InlineData("ثلاثة عشر", 13)]
    [InlineData("مئة وخمسون", 150)]
    [InlineData("ألفين", 2000)]
    [InlineData("9 ملايين", 9_000_000)]
    [InlineData("٢٠٢٣", 2023)]
    [InlineData("8,000", 8000)]
    [InlineData("3.5", 3.5)]
    [InlineData("1,5", 1.5)]
    [InlineData("twenty five", 25)]
    public void Parses_digits_and_number_words(string expression, double value) =>
        Assert.Equal((decimal)value, NumberExpressions.Parse(expression));

    [Theory]
    [InlineData("وعكست الأيام الستة التي أمضاها كيم جونغ أون في روسيا", 6, "day", "الأيام الستة", "6 days")]
    [InlineData("على بعد نحو ثمانية آلاف كيلومتر من موسكو", 8000, "kilometre", "ثمانية آلاف كيلومتر", "8,000 kilometres")]
    [InlineData("واستمرت المحادثات حوالي ساعة ونصف الساعة", 1.5, "hour", "ساعة ونصف الساعة", "1.5 hours")]
    [InlineData("ونحو ساعتين في شكل لقاءات ثنائية", 2, "hour", "ساعتين", "2 hours")]
    [InlineData("تخصص 9 ملايين دولار لتمويل الجهود", 9_000_000, "dollar", "9 ملايين دولار", "9 million dollars")]
    [InlineData("بمناسبة الذكرى الـ 75 لإقامة العلاقات", 75, null, "75", "75")]
    public void Finds_a_count_with_its_unit(string text, double value, string? unit, string span, string english)
    {
        var mention = Assert.Single(NumberExpressions.Find(text));

        Assert.Equal((decimal)value, mention.Value);
        Assert.Equal(unit, mention.Unit?.Key);
        Assert.Equal(span, text.Substring(mention.Start, mention.Length));
        Assert.Equal(english, mention.ToEnglish());
    }

    [Theory]
    [InlineData("أحد المسؤولين قال")]
    [InlineData("قالت ست البيت إن")]
    [InlineData("وصل يوم الأحد")]
    public void Ordinary_words_are_not_numbers(string text) =>
        Assert.Empty(NumberExpressions.Find(text));

    [Theory]
    // The text's own words, resolved against the article's publication date (14 September 2023, a Thursday).
    [InlineData("وأجريت مفاوضات مع الرئيس الروسي في 13 سبتمبر في ميناء فوستوشني", "13 سبتمبر", "13 September 2023")]
    [InlineData("واجتمع الرئيسان، الأربعاء، في قاعدة فوستوشني الفضائية", "الأربعاء", "Wednesday, 13 September 2023")]
    [InlineData("قال الرئيس الروسي أمس إن", "أمس", "13 September 2023")]
    [InlineData("وكانت آخر مرة زار فيها بوتين كوريا الشمالية عام 2000، عندما", "عام 2000", "2000")]
    [InlineData("انسحبت من الاتفاق في 18 يوليو 2023 بسبب", "18 يوليو 2023", "18 July 2023")]
    [InlineData("زار روسيا في الفترة من 12 إلى 17 سبتمبر، وأجريت", "12 إلى 17 سبتمبر", "12–17 September 2023")]
    [InlineData("في اجتماع أيلول/سبتمبر 2023 بين الرئيسين", "أيلول/سبتمبر 2023", "September 2023")]
    [InlineData("التقى الزعيمان في سبتمبر الماضي", "سبتمبر الماضي", "September 2022")]
    [InlineData("Kim met Putin on September 13, 2023 at the base", "September 13, 2023", "13 September 2023")]
    // An ordinal day before «من» and a month is that day of the month.
    [InlineData("ستنظم الانتخابات في الأول من أيلول/سبتمبر 2018 في حين", "الأول من أيلول/سبتمبر 2018", "1 September 2018")]
    [InlineData("وتبدأ السنة المالية في الأول من يوليو وتنتهي", "الأول من يوليو", "1 July 2023")]
    // Date words behind their particles: the scan passes over words that open no date, never over these.
    [InlineData("وتراجعت الأسعار للشهر الماضي بشدة", "للشهر الماضي", "August 2023")]
    [InlineData("وصل الوفد وبالأمس التقى الرئيس", "وبالأمس", "13 September 2023")]
    [InlineData("التقيا، والأربعاء، في القاعدة", "والأربعاء", "Wednesday, 13 September 2023")]
    [InlineData("اجتمعا وبسبتمبر 2023 في موسكو", "وبسبتمبر 2023", "September 2023")]
    public void Finds_and_resolves_dates(string text, string span, string english)
    {
        var published = new DateTimeOffset(2023, 9, 14, 10, 0, 0, TimeSpan.FromHours(3));

        var mention = Assert.Single(DateExpressions.Find(text));

        Assert.Equal(span, text.Substring(mention.Start, mention.Length));
        Assert.Equal(english, mention.Resolve(published).ToEnglish());
    }

    [Fact]
    public void Without_a_publication_date_a_weekday_stays_as_the_text_says()
    {
        var mention = Assert.Single(DateExpressions.Find("وقّع الرئيسان اليوم الأربعاء اتفاقية"));

        Assert.Equal("Wednesday", mention.Resolve(null).ToEnglish());
    }

    [Theory]
    // Number words and dual nouns behind their particles: the scan passes over words that open no number, never over these.
    [InlineData("وانتظروا وللساعتين في البرد", 2, "hour", "وللساعتين")]
    [InlineData("فازوا بالجائزة وبالستة معا", 6, null, "وبالستة")]
    [InlineData("وصلت الحصيلة وبخمسة وعشرين قتيلا", 25, "dead", "وبخمسة وعشرين قتيلا")]
    public void Finds_number_words_behind_attached_particles(string text, double value, string? unit, string span)
    {
        var mention = Assert.Single(NumberExpressions.Find(text));

        Assert.Equal((decimal)value, mention.Value);
        Assert.Equal(unit, mention.Unit?.Key);
        Assert.Equal(span, text.Substring(mention.Start, mention.Length));
    }

    [Theory]
    [InlineData("وصل بين الاثنين خلاف")]
    [InlineData("مارس الضغط على الحكومة")]
    // «الأول» alone is "the first" of anything: without «من» and a month it is no day.
    [InlineData("فاز بالمركز الأول من بين المتسابقين")]
    [InlineData("قتل 2000 شخص")]
    public void Ordinary_words_are_not_dates(string text) =>
        Assert.Empty(DateExpressions.Find(text));

    [Theory]
    [InlineData("اجتمعوا في 13 تشرين الأول 2023 في دمشق", 10, 13)]
    [InlineData("اجتمعوا في 5 كانون الثاني 2023 في دمشق", 1, 5)]
    [InlineData("اجتمعوا في 5 كانون الأول 2023 في دمشق", 12, 5)]
    [InlineData("اجتمعوا في 13 أيلول 2023 في دمشق", 9, 13)]
    public void Two_word_and_one_word_Levantine_months_are_read(string text, int month, int day)
    {
        var mention = Assert.Single(DateExpressions.Find(text));
        Assert.Equal((2023, month, day), (mention.Year, mention.Month, mention.Day));
    }

    [Fact]
    public void A_word_that_starts_no_two_word_month_name_is_not_joined_with_the_next()
    {
        Assert.True(MonthNames.TryGetMonth("تشرين", "الاول", out var october));
        Assert.Equal(10, october);
        Assert.False(MonthNames.TryGetMonth("سبتمبر", "الاول", out _));
        Assert.False(MonthNames.TryGetMonth("تشرين", "سبتمبر", out _));
        // The answer for a word stays the same when it is asked again (the memo), in either spelling.
        Assert.True(MonthNames.TryGetMonth("أيلول", out var first));
        Assert.True(MonthNames.TryGetMonth("أيلول", out var again));
        Assert.True(MonthNames.TryGetMonth("ايلول", out var folded));
        Assert.Equal((9, 9, 9), (first, again, folded));
    }
}
