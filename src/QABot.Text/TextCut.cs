namespace QABot.Text;

/// <summary>Shortening text for display without breaking it: at a word when one is near, never inside a surrogate pair.</summary>
public static class TextCut
{
    /// <summary>
    /// <paramref name="text"/> when it fits in <paramref name="maxChars"/>; else its start, cut at the last space in the
    /// second half of the limit (or at the limit), trimmed, followed by <paramref name="ellipsis"/>, all within the limit.
    /// </summary>
    public static string Shorten(string text, int maxChars, string ellipsis = "…")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, ellipsis.Length + 2);
        if (text.Length <= maxChars) return text;
        var limit = maxChars - ellipsis.Length;
        var cut = text.LastIndexOf(' ', limit);
        if (cut < limit / 2) cut = char.IsLowSurrogate(text[limit]) ? limit - 1 : limit;
        return text[..cut].TrimEnd() + ellipsis;
    }
}
