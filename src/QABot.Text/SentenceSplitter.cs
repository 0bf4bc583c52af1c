namespace QABot.Text;

/// <summary>A sentence (or piece of an overlong one) as an offset range into the text it was split from.</summary>
public readonly record struct SentenceSpan(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>
/// Splits Arabic and English text into sentences without copying it: boundaries are the terminal marks
/// . ! ? ؟ ۔ … (with any closing quotes or brackets that follow) and line breaks; a dot after a lone letter
/// («د.») is an abbreviation. A sentence longer than the
/// caller's limit is cut at the last Arabic or Latin comma/semicolon (، ؛ , ;) that fits, else at a space, so a
/// run-on news sentence never produces an oversized chunk.
/// </summary>
public static class SentenceSplitter
{
    public static List<SentenceSpan> Split(string text, int maxSentenceChars = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSentenceChars, 16);
        var spans = new List<SentenceSpan>(Math.Max(4, text.Length / 120));
        var start = 0;
        var n = text.Length;
        for (var i = 0; i < n; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                Add(text, start, i, maxSentenceChars, spans);
                start = i + 1;
                continue;
            }
            if (!IsTerminal(c)) continue;
            // An initial or title abbreviation («د. محمد», «J. Smith») does not end a sentence.
            if (c == '.' && i > 0 && char.IsLetter(text[i - 1]) && (i == 1 || char.IsWhiteSpace(text[i - 2]))) continue;
            var end = i + 1;
            while (end < n && (IsTerminal(text[end]) || IsCloser(text[end]))) end++;
            // "3.5", "U.S.A" and "www.x.com" keep their dots: a boundary needs a space (or the end) after the mark.
            if (end < n && !char.IsWhiteSpace(text[end])) { i = end - 1; continue; }
            Add(text, start, end, maxSentenceChars, spans);
            start = end;
            i = end - 1;
        }
        Add(text, start, n, maxSentenceChars, spans);
        return spans;
    }

    /// <summary>
    /// Whether whitespace stands between every sentence and the next, as at every boundary but the cut of an overlong
    /// sentence inside a word («1,000» at its comma): then no word runs from one sentence into the next.
    /// </summary>
    public static bool PartedByWhitespace(IReadOnlyList<SentenceSpan> spans)
    {
        for (var i = 1; i < spans.Count; i++)
            if (spans[i].Start <= spans[i - 1].End) return false;
        return true;
    }

    public static bool IsTerminal(char c) => c is '.' or '!' or '?' or '؟' or '۔' or '…';

    public static bool IsCloser(char c) => c is '"' or '\'' or '»' or '”' or '’' or ')' or ']' or '}' or '›';

    private static bool IsSoftBoundary(char c) => c is '،' or '؛' or ',' or ';' or ':';

    private static void Add(string text, int start, int end, int max, List<SentenceSpan> spans)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        while (end - start > max)
        {
            var cut = FindCut(text, start, start + max);
            var pieceEnd = cut;
            while (pieceEnd > start && char.IsWhiteSpace(text[pieceEnd - 1])) pieceEnd--;
            spans.Add(new SentenceSpan(start, pieceEnd - start));
            start = cut;
            while (start < end && char.IsWhiteSpace(text[start])) start++;
        }
        if (end > start) spans.Add(new SentenceSpan(start, end - start));
    }

    /// <summary>The exclusive end of the first piece of an overlong sentence that starts at <paramref name="start"/>.</summary>
    private static int FindCut(string text, int start, int limit)
    {
        // Prefer a clause boundary, but not one so early that the piece would be a fragment.
        var minimum = start + (limit - start) / 3;
        for (var i = limit - 1; i > minimum; i--)
            if (IsSoftBoundary(text[i])) return i + 1;
        for (var i = limit - 1; i > minimum; i--)
            if (char.IsWhiteSpace(text[i])) return i;
        return limit;
    }
}
