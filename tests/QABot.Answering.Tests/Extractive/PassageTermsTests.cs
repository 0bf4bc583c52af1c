using QABot.Core.Domain;
using QABot.Text;
using QABot.Text.Analysis;

namespace QABot.Answering.Tests.Extractive;

/// <summary>
/// The answerer takes a passage's terms from its sentences' terms, analysed once, rather than analysing the passage
/// whole again: that holds only where whitespace parts the sentences.
/// </summary>
[Trait("Category", "Answering")]
public sealed class PassageTermsTests
{
    [Theory]
    [InlineData(Languages.Arabic, "بوتين يهدي كيم سيفا",
        "أهدى الرئيس الروسي فلاديمير بوتين الزعيم الكوري الشمالي سيفا. وقال الكرملين: «إن اللقاء كان ناجحا»!\nوبلغت قيمة الصفقة 3.5 مليون دولار في 2018؟ د. محمد علق على ذلك…")]
    [InlineData(Languages.English, "Putin's gift to Kim",
        "Putin gave Kim a sword. The Kremlin's statement said \"it was a success\"! U.S. officials paid 3.5 million.\r\nThe talks' end… came late.")]
    public void Sentences_parted_by_whitespace_hold_the_terms_of_the_whole_passage(string language, string title, string text)
    {
        var spans = SentenceSplitter.Split(text, 400);

        Assert.True(spans.Count > 2);
        Assert.True(SentenceSplitter.PartedByWhitespace(spans));
        Assert.Equal(WholePassageTerms(title, text, language), SentenceTerms(title, text, spans, language));
    }

    [Fact]
    public void An_overlong_sentence_cut_inside_a_number_is_not_parted_by_whitespace()
    {
        const string text = "aaaaaaaaaaaa 1,000 bbbb";

        var spans = SentenceSplitter.Split(text, 16);

        Assert.False(SentenceSplitter.PartedByWhitespace(spans));
        // Why it matters: the cut number reads as two other terms.
        Assert.NotEqual(WholePassageTerms("", text, Languages.English), SentenceTerms("", text, spans, Languages.English));
    }

    private static List<string> WholePassageTerms(string title, string text, string language) =>
        [.. SearchAnalysis.Terms(title + "\n" + text, language).Distinct().Order(StringComparer.Ordinal)];

    private static List<string> SentenceTerms(string title, string text, IReadOnlyList<SentenceSpan> spans, string language) =>
        [.. SearchAnalysis.Terms(title, language)
            .Concat(spans.SelectMany(span => SearchAnalysis.Terms(text.Substring(span.Start, span.Length).Trim(), language)))
            .Distinct().Order(StringComparer.Ordinal)];
}
