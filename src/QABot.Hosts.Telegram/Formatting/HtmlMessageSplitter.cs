using System.Text;

namespace QABot.Hosts.Telegram.Formatting;

/// <summary>
/// Splits an HTML-formatted message into parts that fit Telegram's 4096-character limit, each part valid Telegram HTML
/// on its own: a cut inside a &lt;b&gt; or &lt;blockquote&gt; span closes the span's tags at the end of the part and
/// opens them again at the start of the next. Never cuts inside a tag, an entity ("&amp;amp;") or a surrogate pair;
/// prefers sentence ends, then whitespace, at any depth. Lengths are counted on the HTML, which is never shorter than
/// the text Telegram measures.
/// </summary>
public static class HtmlMessageSplitter
{
    public const int TelegramMessageLimit = 4096;

    private enum Boundary : byte { None, Word, Sentence }

    /// <summary>An indivisible piece of the message: a tag, an entity, or one character (a whole surrogate pair).</summary>
    private readonly record struct Token(string Text, bool IsTag, bool IsWhitespace, Boundary Before);

    public static IReadOnlyList<string> Split(string html, int maxLength = TelegramMessageLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 16);
        if (html.Length <= maxLength) return html.Length == 0 ? [] : [html];

        var tokens = Tokenize(html);
        var parts = new List<string>();
        var open = new List<string>(); // open tags at the start of the current part, outermost first
        var start = 0;
        while (start < tokens.Count)
        {
            var (end, openAtEnd) = FindCut(tokens, start, open, maxLength);
            var part = new StringBuilder();
            var stack = new List<string>(open);
            foreach (var tag in open) part.Append(tag);
            for (var i = start; i < end; i++)
            {
                // A closing tag whose opening was not carried over (see below) is dropped with it.
                if (IsClosing(tokens[i]) && !stack.Exists(t => TagName(t) == TagName(tokens[i].Text))) continue;
                Apply(tokens[i], stack);
                part.Append(tokens[i].Text);
            }
            for (var i = stack.Count - 1; i >= 0; i--) part.Append(ClosingTag(stack[i]));
            var text = part.ToString().Trim();
            if (HasContent(text)) parts.Add(text);

            // Whitespace at a cut is where the parts meet: it belongs to neither.
            start = end;
            while (start < tokens.Count && tokens[start].IsWhitespace) start++;
            // Tags are reopened in the next part unless they would take half of it (deeply nested long links): then the
            // rest of the span goes on unformatted rather than not at all.
            open = openAtEnd.Sum(t => t.Length + ClosingTag(t).Length) <= maxLength / 2 ? stack : [];
        }
        return parts;
    }

    private static bool IsClosing(Token token) => token.IsTag && token.Text.StartsWith("</", StringComparison.Ordinal);

    /// <summary>
    /// The end (exclusive) of the longest good part from <paramref name="start"/>: everything when it fits, else the
    /// last sentence end, else the last word break, else the last whole token; with the tags still open there.
    /// </summary>
    private static (int End, List<string> OpenAtEnd) FindCut(List<Token> tokens, int start, List<string> open, int maxLength)
    {
        var stack = new List<string>(open);
        var length = open.Sum(t => t.Length);
        int sentence = -1, word = -1, any = -1;
        List<string>? sentenceStack = null, wordStack = null, anyStack = null;
        for (var i = start; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (i > start && token.Before != Boundary.None)
            {
                if (token.Before == Boundary.Sentence) { sentence = i; sentenceStack = [.. stack]; }
                word = i;
                wordStack = [.. stack];
            }

            var next = new List<string>(stack);
            Apply(token, next);
            var closing = next.Sum(t => ClosingTag(t).Length);
            if (length + token.Text.Length + closing > maxLength && i > start)
            {
                if (sentence > start) return (sentence, sentenceStack!);
                if (word > start) return (word, wordStack!);
                return (any, anyStack!);
            }
            length += token.Text.Length;
            stack = next;
            any = i + 1;
            anyStack = [.. stack];
        }
        return (tokens.Count, stack);
    }

    private static void Apply(Token token, List<string> stack)
    {
        if (!token.IsTag) return;
        if (IsClosing(token))
        {
            var name = TagName(token.Text);
            var index = stack.FindLastIndex(t => TagName(t) == name);
            if (index >= 0) stack.RemoveRange(index, stack.Count - index);
        }
        else if (!token.Text.EndsWith("/>", StringComparison.Ordinal)) stack.Add(token.Text);
    }

    private static List<Token> Tokenize(string html)
    {
        var tokens = new List<Token>(html.Length);
        var afterSentenceEnd = false;
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            int length;
            bool isTag = false, isWhitespace = false;
            if (c == '<' && html.IndexOf('>', i) is var close and > 0)
            {
                length = close - i + 1;
                isTag = true;
            }
            else if (c == '&' && html.IndexOf(';', i) is var semicolon and > 0 && semicolon - i <= 10)
                length = semicolon - i + 1;
            else if (char.IsHighSurrogate(c) && i + 1 < html.Length && char.IsLowSurrogate(html[i + 1]))
                length = 2;
            else
            {
                length = 1;
                isWhitespace = char.IsWhiteSpace(c);
            }

            // A newline ends a block as a sentence end does; other whitespace after a sentence end is a sentence break.
            var boundary = !isWhitespace ? Boundary.None : afterSentenceEnd || c == '\n' ? Boundary.Sentence : Boundary.Word;
            tokens.Add(new Token(html.Substring(i, length), isTag, isWhitespace, boundary));
            if (!isWhitespace && !isTag) afterSentenceEnd = length == 1 && IsSentenceEnd(c);
            i += length;
        }

        // The cut goes before a run of whitespace: its first token carries the run's strongest boundary.
        for (var t = 0; t < tokens.Count; t++)
        {
            if (!tokens[t].IsWhitespace || (t > 0 && tokens[t - 1].IsWhitespace)) continue;
            var end = t;
            var strongest = Boundary.None;
            while (end < tokens.Count && tokens[end].IsWhitespace)
            {
                if (tokens[end].Before > strongest) strongest = tokens[end].Before;
                tokens[end] = tokens[end] with { Before = Boundary.None };
                end++;
            }
            tokens[t] = tokens[t] with { Before = strongest };
        }
        return tokens;
    }

    private static string TagName(string tag)
    {
        var from = tag.StartsWith("</", StringComparison.Ordinal) ? 2 : 1;
        var to = from;
        while (to < tag.Length && (char.IsAsciiLetterOrDigit(tag[to]) || tag[to] == '-')) to++;
        return tag[from..to];
    }

    private static string ClosingTag(string openTag) => $"</{TagName(openTag)}>";

    /// <summary>A part made only of tags and whitespace (a span reopened and closed again) is not sent.</summary>
    private static bool HasContent(string part)
    {
        var inTag = false;
        foreach (var c in part)
        {
            if (c == '<') inTag = true;
            else if (c == '>') inTag = false;
            else if (!inTag && !char.IsWhiteSpace(c)) return true;
        }
        return false;
    }

    private static bool IsSentenceEnd(char c) => c is '.' or '!' or '?' or '؟' or '۔' or '…' or '。';
}
