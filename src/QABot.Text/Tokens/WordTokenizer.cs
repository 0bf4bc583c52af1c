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

/// <summary>
/// Splits Arabic and English text into words without losing their place in the text, so a span found on folded forms
/// can be quoted exactly as written. Digits keep their inner separators ("8,000", "3.5", "٢٠٢٣"); diacritics and
/// tatweel stay inside the word they decorate.
/// </summary>
public static class WordTokenizer
{
    public static List<WordToken> Tokenize(string text)
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
