namespace QABot.Text.Tokens;

/// <summary>
/// One word of a text as an offset range into it, with its folded form (<see cref="ArabicNormalizer"/>, lower case) for
/// comparisons. <see cref="BreakBefore"/> is true when punctuation (a comma, full stop, colon, quote or bracket) stands
/// between it and the previous word: a name or a phrase never runs across such a mark.
/// </summary>
public readonly record struct WordToken(int Start, int Length, string Folded, bool BreakBefore, bool IsNumber)
{
    public int End => Start + Length;
}

/// <param name="BreakAfter">Whether a mark after the line's last word (or anywhere in a line without words) leaves a break pending.</param>
public sealed record TokenizedLine(string Text, List<WordToken> Tokens, bool BreakAfter);

/// <summary>
/// Splits Arabic and English text into words without losing their place in the text, so a span found on folded forms
/// can be quoted exactly as written. Digits keep their inner separators ("8,000", "3.5", "٢٠٢٣"); diacritics and
/// tatweel stay inside the word they decorate.
/// </summary>
public static class WordTokenizer
{
    public static List<WordToken> Tokenize(string text) => Tokenize(text, out _);

    /// <summary>A line's words, for <see cref="JoinLines"/>.</summary>
    public static TokenizedLine TokenizeLine(string line) => new(line, Tokenize(line, out var breakAfter), breakAfter);

    /// <summary>
    /// The words of the lines joined by '\n', as <see cref="Tokenize(string)"/> finds them there, from each line's own
    /// words: a line break ends a word, so all that carries over is the break a mark left pending for the next word.
    /// </summary>
    public static List<WordToken> JoinLines(IReadOnlyList<TokenizedLine> lines)
    {
        var count = 0;
        foreach (var line in lines) count += line.Tokens.Count;
        var tokens = new List<WordToken>(count);
        var (offset, pending) = (0, false);
        foreach (var line in lines)
        {
            for (var i = 0; i < line.Tokens.Count; i++)
            {
                var token = line.Tokens[i];
                tokens.Add(token with { Start = token.Start + offset, BreakBefore = token.BreakBefore || (i == 0 && pending) });
            }
            pending = line.Tokens.Count > 0 ? line.BreakAfter : pending || line.BreakAfter;
            offset += line.Text.Length + 1;
        }
        return tokens;
    }

    private static List<WordToken> Tokenize(string text, out bool breakAfter)
    {
        var tokens = new List<WordToken>(Math.Max(4, text.Length / 6));
        var breakPending = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsDigit(c))
            {
                var start = i;
                while (i < text.Length && (IsDigit(text[i]) || (IsInnerNumberMark(text[i]) && i + 1 < text.Length && IsDigit(text[i + 1])))) i++;
                tokens.Add(new WordToken(start, i - start, ArabicNormalizer.Normalize(text[start..i]), breakPending, true));
                breakPending = false;
                continue;
            }
            if (IsWordChar(c))
            {
                var start = i;
                while (i < text.Length && (IsWordChar(text[i]) || IsApostropheInside(text, i))) i++;
                var folded = ArabicNormalizer.NormalizeLower(text[start..i]);
                if (folded.Length > 0)
                {
                    tokens.Add(new WordToken(start, i - start, folded, breakPending, false));
                    breakPending = false;
                }
                continue;
            }
            if (!char.IsWhiteSpace(c) && c is not '-' and not '_' and not '\u200f' and not '\u200e') breakPending = true;
            i++;
        }
        breakAfter = breakPending;
        return tokens;
    }

    /// <summary>ASCII, Arabic-Indic and Eastern Arabic-Indic digits.</summary>
    public static bool IsDigit(char c) => c is >= '0' and <= '9' or >= '٠' and <= '٩' or >= '۰' and <= '۹';

    private static bool IsInnerNumberMark(char c) => c is '.' or ',' or '٫' or '٬';

    private static bool IsWordChar(char c) =>
        char.IsLetter(c) || c == 'ـ' || (c >= '\u064B' && c <= '\u065F') || c == '\u0670' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark;

    // "Kim's", "O'Brien": an apostrophe between two letters belongs to the word.
    private static bool IsApostropheInside(string text, int i) =>
        text[i] is '\'' or '’' && i > 0 && i + 1 < text.Length && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]);
}
