namespace QABot.Hosts.Telegram.Formatting;

/// <summary>
/// Splits an HTML-formatted message into parts that fit Telegram's 4096-character limit. Cuts only where no tag is open
/// and never inside a tag or an entity (a cut "&amp;" or "&lt;b" would be rejected by the Bot API), preferring
/// sentence ends, then whitespace.
/// </summary>
public static class HtmlMessageSplitter
{
    public const int TelegramMessageLimit = 4096;

    private enum Boundary : byte { None, Word, Sentence }

    public static IReadOnlyList<string> Split(string html, int maxLength = TelegramMessageLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 16);
        if (html.Length <= maxLength) return html.Length == 0 ? [] : [html];

        var (safe, boundary) = Analyze(html);
        var parts = new List<string>();
        var start = 0;
        while (html.Length - start > maxLength)
        {
            var cut = FindCut(safe, boundary, start, start + maxLength);
            var part = html[start..cut].Trim();
            if (part.Length > 0) parts.Add(part);
            start = cut;
        }
        var rest = html[start..].Trim();
        if (rest.Length > 0) parts.Add(rest);
        return parts;
    }

    /// <summary>The best cut in (start, limit]: last sentence end, else last word break, else last safe position.</summary>
    private static int FindCut(bool[] safe, Boundary[] boundary, int start, int limit)
    {
        int lastSafe = -1, lastWord = -1;
        for (var i = limit; i > start; i--)
        {
            if (!safe[i]) continue;
            if (boundary[i] == Boundary.Sentence) return i;
            if (boundary[i] == Boundary.Word && lastWord < 0) lastWord = i;
            if (lastSafe < 0) lastSafe = i;
        }
        if (lastWord > 0) return lastWord;
        if (lastSafe > 0) return lastSafe;
        // A single tag span longer than the limit: nothing safe to do but cut at the limit.
        return limit;
    }

    /// <summary>For every position between characters: may we cut there, and is it a sentence or word break?</summary>
    private static (bool[] Safe, Boundary[] Boundary) Analyze(string html)
    {
        var safe = new bool[html.Length + 1];
        var boundary = new Boundary[html.Length + 1];
        int depth = 0, tagStart = -1;
        bool inTag = false, inEntity = false, afterSentenceEnd = false;
        for (var i = 0; i < html.Length; i++)
        {
            var c = html[i];
            if (inTag)
            {
                if (c == '>')
                {
                    inTag = false;
                    if (html[tagStart + 1] == '/') depth = Math.Max(0, depth - 1);
                    else if (html[i - 1] != '/') depth++;
                }
            }
            else if (inEntity)
            {
                if (c == ';') inEntity = false;
            }
            else if (c == '<') { inTag = true; tagStart = i; }
            else if (c == '&') inEntity = true;

            safe[i + 1] = !inTag && !inEntity && depth == 0;
            if (!inTag && !inEntity && char.IsWhiteSpace(c))
                boundary[i + 1] = afterSentenceEnd || c == '\n' ? Boundary.Sentence : Boundary.Word;
            if (!char.IsWhiteSpace(c)) afterSentenceEnd = !inTag && !inEntity && IsSentenceEnd(c);
        }
        return (safe, boundary);
    }

    private static bool IsSentenceEnd(char c) => c is '.' or '!' or '?' or '؟' or '۔' or '…' or '。';
}
