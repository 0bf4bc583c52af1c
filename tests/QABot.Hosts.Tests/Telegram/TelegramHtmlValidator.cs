using System.Text.RegularExpressions;

namespace QABot.Hosts.Tests.Telegram;

/// <summary>
/// A strict reader of Telegram's HTML parse mode, as the Bot API applies it to one message: only its tags (a with href,
/// blockquote with an optional expandable flag), properly nested and all closed; only its named entities (&lt; &gt;
/// &amp; &quot;) or numeric ones; no bare '&lt;', '&gt;' or '&amp;' in text; no lone surrogate.
/// </summary>
public static partial class TelegramHtmlValidator
{
    private static readonly HashSet<string> Tags =
        ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji"];

    /// <returns>Null when the message is valid, else why not.</returns>
    public static string? Problem(string html)
    {
        var open = new Stack<string>();
        for (var i = 0; i < html.Length; i++)
        {
            var c = html[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= html.Length || !char.IsLowSurrogate(html[i + 1])) return $"lone high surrogate at {i}";
                i++;
                continue;
            }
            if (char.IsLowSurrogate(c)) return $"lone low surrogate at {i}";
            if (c == '>') return $"bare '>' at {i}";
            if (c == '&')
            {
                var entity = Entity().Match(html, i);
                if (!entity.Success || entity.Index != i) return $"bare or cut entity at {i}: {Around(html, i)}";
                i += entity.Length - 1;
                continue;
            }
            if (c != '<') continue;

            var tag = Tag().Match(html, i);
            if (!tag.Success || tag.Index != i) return $"bare or cut tag at {i}: {Around(html, i)}";
            var name = tag.Groups["name"].Value;
            if (!Tags.Contains(name)) return $"tag <{name}> is not Telegram HTML";
            if (tag.Groups["close"].Success)
            {
                if (open.Count == 0 || open.Pop() != name) return $"</{name}> closes nothing open at {i}";
            }
            else
            {
                var attributes = tag.Groups["attributes"].Value.Trim();
                if (attributes.Length > 0 && !(name == "a" && HrefOnly().IsMatch(attributes)) && !(name == "blockquote" && attributes == "expandable"))
                    return $"<{name}> with attributes '{attributes}'";
                open.Push(name);
            }
            i += tag.Length - 1;
        }
        return open.Count == 0 ? null : $"<{open.Peek()}> never closed";
    }

    public static void AssertValid(string html)
    {
        var problem = Problem(html);
        Assert.True(problem is null, $"{problem}\nin: {Around(html, 0, 300)}");
    }

    private static string Around(string text, int at, int width = 40) => text.Substring(Math.Max(0, at - 10), Math.Min(width, text.Length - Math.Max(0, at - 10)));

    [GeneratedRegex(@"&(?:lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});")]
    private static partial Regex Entity();

    [GeneratedRegex(@"<(?<close>/)?(?<name>[a-z][a-z0-9-]*)(?<attributes>(?:\s+[^<>]*)?)>")]
    private static partial Regex Tag();

    [GeneratedRegex("^href=\"[^\"<>]*\"$")]
    private static partial Regex HrefOnly();
}
