using QABot.Hosts.Telegram.Formatting;

namespace QABot.Hosts.Tests.Telegram;

[Trait("Category", "Telegram")]
public sealed class HtmlMessageSplitterTests
{
    [Fact]
    public void Never_cuts_inside_an_entity_or_an_open_tag()
    {
        // No sentence end and few spaces: the splitter has to fall back to a safe position.
        var html = "<b>" + string.Concat(Enumerable.Repeat("ab&amp;", 5)) + "</b>" + string.Concat(Enumerable.Repeat("x&lt;y&amp;z", 300));
        var parts = HtmlMessageSplitter.Split(html, 100);
        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, 100));
        Assert.All(parts, TelegramBotTests.AssertWellFormedTelegramHtml);
        Assert.Equal(html, string.Concat(parts));
    }

    [Fact]
    public void Prefers_arabic_sentence_ends()
    {
        var sentence = "هل أهدى بوتين كيم بندقية؟ نعم أهداه بندقية روسية. ";
        var html = string.Concat(Enumerable.Repeat(sentence, 20));
        var parts = HtmlMessageSplitter.Split(html, 200);
        Assert.All(parts, p => Assert.True(p.EndsWith('.') || p.EndsWith('؟'), p));
    }
}
