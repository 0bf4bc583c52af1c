using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Hosts.Telegram.Formatting;

namespace QABot.Hosts.Tests.Telegram;

[Trait("Category", "Telegram")]
public sealed partial class HtmlMessageSplitterTests
{
    [Fact]
    public void Never_cuts_inside_an_entity_or_an_open_tag()
    {
        // No sentence end and few spaces: the splitter has to fall back to a safe position.
        var html = "<b>" + string.Concat(Enumerable.Repeat("ab&amp;", 5)) + "</b>" + string.Concat(Enumerable.Repeat("x&lt;y&amp;z", 300));
        var parts = HtmlMessageSplitter.Split(html, 100);
        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, 100));
        Assert.All(parts, TelegramHtmlValidator.AssertValid);
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

    [Theory]
    [InlineData("b")]
    [InlineData("blockquote")]
    public void A_span_longer_than_a_message_is_closed_and_reopened_across_parts(string tag)
    {
        var text = string.Concat(Enumerable.Repeat("Gifts &amp; rifles: a long quoted passage &lt;with&gt; entities. ", 120));
        var html = $"<b>[1] Title</b>\n<{tag}>{text}</{tag}>\nend";

        var parts = HtmlMessageSplitter.Split(html);

        Assert.True(parts.Count >= 2);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, HtmlMessageSplitter.TelegramMessageLimit));
        Assert.All(parts, TelegramHtmlValidator.AssertValid);
        Assert.All(parts.Skip(1).SkipLast(1), p => Assert.StartsWith($"<{tag}>", p));
        Assert.Equal(VisibleText(html), VisibleText(string.Join(" ", parts)));
    }

    /// <summary>
    /// Adversarial messages as the formatter builds them from hostile article text: long unbroken spans, nesting, runs
    /// of entities, emoji (surrogate pairs) at every offset, Arabic, no spaces at all, newline runs; at limits from tiny to
    /// Telegram's. Every part must be valid on its own and, together, the parts must say exactly what the message said.
    /// </summary>
    [Fact]
    public void Every_part_of_adversarial_messages_is_valid_telegram_html_and_nothing_is_lost()
    {
        var random = new Random(4096);
        for (var round = 0; round < 300; round++)
        {
            var html = AdversarialMessage(random);
            var limit = round % 3 == 0 ? HtmlMessageSplitter.TelegramMessageLimit : random.Next(40, 700);

            var parts = HtmlMessageSplitter.Split(html, limit);

            foreach (var part in parts)
            {
                Assert.True(part.Length <= limit, $"round {round}: a part of {part.Length} > {limit}");
                Assert.True(TelegramHtmlValidator.Problem(part) is null, $"round {round}: {TelegramHtmlValidator.Problem(part)}");
            }
            Assert.Equal(VisibleText(html), VisibleText(string.Join(" ", parts)));
        }
    }

    [Fact]
    public void The_article_excerpt_never_splits_a_surrogate_pair()
    {
        foreach (var offset in new[] { 0, 1 })
        {
            var body = new string('x', 1499 - offset) + string.Concat(Enumerable.Repeat("😀", 40)); // an emoji across the 1,500th character
            var stored = new StoredArticle(new Article { Id = "e1", Title = "t", Body = body }, [], 1, "h");
            var citation = new Citation(1, "e1", "t", null, null, "", "e1:0");

            var html = AnswerMessageFormatter.FormatExcerpt(citation, stored, "en");

            Assert.Null(TelegramHtmlValidator.Problem(html));
        }
    }

    private static string AdversarialMessage(Random random)
    {
        string[] words = ["rifle", "بندقية", "&amp;", "&lt;b&gt;", "&quot;", "😀", "🇸🇦", "word.", "سؤال؟", "\n", "\n\n", "x", "كيم"];
        var sb = new StringBuilder();
        var open = new Stack<string>();
        var length = random.Next(100, 9000);
        while (sb.Length < length)
        {
            switch (random.Next(12))
            {
                case 0 when open.Count < 3:
                    var tag = new[] { "b", "i", "code", "blockquote", "a href=\"https://example.com/x?a=1&amp;b=2\"" }[random.Next(5)];
                    sb.Append('<').Append(tag).Append('>');
                    open.Push(tag.Split(' ')[0]);
                    break;
                case 1 when open.Count > 0:
                    sb.Append("</").Append(open.Pop()).Append('>');
                    break;
                case 2:
                    sb.Append(string.Concat(Enumerable.Repeat(words[random.Next(words.Length)], random.Next(1, 400)))); // unbroken runs
                    break;
                default:
                    sb.Append(words[random.Next(words.Length)]).Append(random.Next(4) == 0 ? "" : " ");
                    break;
            }
        }
        while (open.Count > 0) sb.Append("</").Append(open.Pop()).Append('>');
        return sb.ToString();
    }

    /// <summary>What the reader sees, tags dropped and entities decoded, without whitespace (a cut may take or add a space).</summary>
    private static string VisibleText(string html) =>
        Whitespace().Replace(WebUtility.HtmlDecode(Tags().Replace(html, "")), "");

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
