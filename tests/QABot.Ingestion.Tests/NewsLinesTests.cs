using QABot.Ingestion.Parsing;

namespace QABot.Ingestion.Tests;

/// <summary>The line recognizers behind boilerplate stripping: labels must match, prose must not.</summary>
[Trait("Category", "Ingestion")]
public sealed class NewsLinesTests
{
    [Theory]
    [InlineData("المصدر: الأسبوع", "الأسبوع")]
    [InlineData("مصدر | وكالة للأنباء تسنيم |", "وكالة للأنباء تسنيم")]
    [InlineData("المصدر : RT", "RT")]
    [InlineData("Source: Reuters", "Reuters")]
    public void Source_labels_give_the_outlet(string line, string outlet)
    {
        Assert.True(NewsLines.TrySource(line, out var source));
        Assert.Equal(outlet, source);
    }

    [Theory]
    [InlineData("المصدر الأمني قال إن الهجوم وقع فجراً.")]
    [InlineData("المصدرة للنفط زادت إنتاجها.")]
    [InlineData("وقال المصدر: \"نلاحظ تراجعا في الهجمات\"")]
    public void Prose_that_mentions_a_source_is_not_a_source_line(string line) => Assert.False(NewsLines.TrySource(line, out _));

    [Fact]
    public void Keyword_lines_match_with_or_without_a_colon_and_keep_definite_phrases()
    {
        Assert.True(NewsLines.TryKeywords("كلمات دلالية بوتين كوريا الشمالية", out var plain));
        Assert.Equal(["بوتين", "كوريا الشمالية"], plain);
        Assert.True(NewsLines.TryKeywords("كلمات دلالية: روسيا، أوكرانيا، البحر الأسود", out var delimited));
        Assert.Equal(["روسيا", "أوكرانيا", "البحر الأسود"], delimited);
        Assert.False(NewsLines.TryKeywords("كلماته دلالية على الموقف.", out _));
    }

    [Theory]
    [InlineData("اقرأ أيضاًالبرلمان العراقي يحدد السبت المقبل موعدا", "البرلمان العراقي يحدد السبت المقبل موعدا")]
    [InlineData("إقرأ أيضاً:", "")]
    [InlineData("اقرا ايضا: ترامب يصف تفتيش مكتب محاميه", "ترامب يصف تفتيش مكتب محاميه")]
    public void Read_also_markers_are_found_in_every_spelling_with_the_glued_headline(string line, string rest)
    {
        Assert.True(NewsLines.IsRelatedMarker(line, out var after));
        Assert.Equal(rest, after);
    }

    [Theory]
    [InlineData("بوتين: روسيا تواجه سياسة الهيمنة الإمبريالية التي تحاول الولايات المتحدة وتوابعها فرضها", true)]
    [InlineData("روسيا تدعو دول الغرب للتجاوب مع مبادراتها للسلام بشأن أوكرانيا قبل \"فوات الأوان\"", true)]
    [InlineData("وقال بوتين إن الاتفاق سيستمر.", false)]
    [InlineData("وأضاف: «نحن متفقون على الخطة».", false)]
    public void Headlines_are_told_from_prose_by_their_missing_terminal_mark(string line, bool headline) =>
        Assert.Equal(headline, NewsLines.IsHeadlineLike(line));

    [Fact]
    public void Dateline_names_the_outlet_in_parentheses()
    {
        Assert.True(NewsLines.TryDateline("موسكو، كييف (الاتحاد، وكالات)", out var outlet));
        Assert.Equal("الاتحاد", outlet);
        Assert.False(NewsLines.TryDateline("وقال بوتين (في مؤتمر صحفي) إن الخطة جاهزة.", out _));
    }
}
