namespace QABot.Answering.Llm.Context;

/// <summary>
/// Approximate token counts for budgeting, without a tokenizer package: OpenAI-style BPE vocabularies spend about
/// four characters of English per token but only about two of Arabic. Over-estimating is the safe side for a budget.
/// </summary>
public static class TokenEstimator
{
    public static int Estimate(string? text)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        int ascii = 0, other = 0;
        foreach (var c in text)
        {
            if (c < 128) ascii++;
            else other++;
        }
        return (ascii + 3) / 4 + (other + 1) / 2;
    }

    /// <summary>The longest prefix of <paramref name="text"/> that fits <paramref name="tokens"/>, cut at a word boundary.</summary>
    public static string Truncate(string text, int tokens)
    {
        if (Estimate(text) <= tokens) return text;
        int lo = 0, hi = text.Length;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (Estimate(text[..mid]) <= tokens) lo = mid; else hi = mid - 1;
        }
        var cut = text.LastIndexOf(' ', Math.Max(0, lo - 1));
        return (cut > lo / 2 ? text[..cut] : text[..lo]).TrimEnd() + " …";
    }
}
