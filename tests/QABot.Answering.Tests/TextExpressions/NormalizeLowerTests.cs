using QABot.Text;
using QABot.Text.Dates;
using QABot.Text.Tokens;

namespace QABot.Answering.Tests.TextExpressions;

/// <summary>
/// The fast lower-casing must fold exactly as <c>Normalize(text).ToLowerInvariant()</c> did, or the words the index,
/// the question and the date reader compare would silently stop meeting.
/// </summary>
[Trait("Category", "Answering")]
public sealed class NormalizeLowerTests
{
    [Theory]
    [InlineData("")]
    [InlineData("سبتمبر")]
    [InlineData("أَهْدَى")]
    [InlineData("مسؤولـــين")]
    [InlineData("Kim Jong UN")]
    [InlineData("SEPT.")]
    [InlineData("٢٠٢٣")]
    [InlineData("Éric ÖZIL")]
    [InlineData("İstanbul")]
    [InlineData("ΑΘΗΝΑ")]
    [InlineData("کیم\u200fجونغ")]
    [InlineData("ﻛﻴﻢ")]
    [InlineData("Moscow\u00a0موسكو")]
    public void Folds_as_normalize_then_invariant_lower_case(string text) =>
        Assert.Equal(ArabicNormalizer.Normalize(text).ToLowerInvariant(), ArabicNormalizer.NormalizeLower(text));

    [Fact]
    public void Long_text_is_folded_too() =>
        Assert.Equal(new string('a', 600) + "ا", ArabicNormalizer.NormalizeLower(new string('A', 600) + "أ"));

    [Theory]
    [InlineData("Sept.", 9)]
    [InlineData("أيلول", 9)]
    [InlineData("تشرين  الأول", 10)]
    [InlineData("كانون\tالثاني", 1)]
    [InlineData("JANUARY", 1)]
    public void Month_names_are_found_in_any_spelling(string name, int month)
    {
        Assert.True(MonthNames.TryGetMonth(name, out var found));
        Assert.Equal(month, found);
    }

    [Fact]
    public void A_two_word_month_is_read_from_tokens()
    {
        var tokens = WordTokenizer.Tokenize("في تشرين الأول 2023");
        Assert.True(MonthNames.TryGetMonth(tokens[1].Folded, tokens[2].Folded, out var month));
        Assert.Equal(10, month);
        Assert.False(MonthNames.TryGetMonth(tokens[0].Folded, tokens[1].Folded, out _));
    }

    [Theory]
    [InlineData("وفي أيلول/سبتمبر الماضي وبسبتمبر، والتشرين الأول وللكانون الثاني, SEPT. 13 May; O'Brien جانفي")]
    public void A_folded_word_is_its_own_month_key(string text)
    {
        foreach (var token in WordTokenizer.Tokenize(text))
            foreach (var form in ArabicWordForms.Bases(token.Folded))
            {
                Assert.Equal(MonthNames.TryGetMonth(form, out var expected), MonthNames.TryGetFoldedMonth(form, out var month));
                Assert.Equal(expected, month);
            }
    }
}
