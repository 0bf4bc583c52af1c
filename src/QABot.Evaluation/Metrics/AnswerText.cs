using System.Globalization;
using System.Text;
using QABot.Text;

namespace QABot.Evaluation.Metrics;

/// <summary>
/// The normalization answers and gold spans go through before they are compared (SQuAD's, extended for Arabic):
/// case and punctuation (Latin and Arabic) are ignored, Arabic letter shapes and diacritics are folded with the
/// product's own <see cref="ArabicNormalizer"/>, and articles are dropped (English a/an/the, the Arabic «ال» prefix).
/// </summary>
public static class AnswerText
{
    private static readonly HashSet<string> EnglishArticles = new(StringComparer.Ordinal) { "a", "an", "the" };

    public static IReadOnlyList<string> Tokens(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var folded = ArabicNormalizer.Normalize(text).ToLowerInvariant();
        var cleaned = new StringBuilder(folded.Length);
        foreach (var c in folded)
            cleaned.Append(IsPunctuation(c) ? ' ' : c);
        var tokens = new List<string>();
        foreach (var raw in cleaned.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (EnglishArticles.Contains(raw)) continue;
            tokens.Add(StripArabicArticle(raw));
        }
        return tokens;
    }

    public static string Normalize(string text) => string.Join(' ', Tokens(text));

    /// <summary>«الرئيس» and «رئيس» are the same answer token; short words such as «الى» are left alone.</summary>
    private static string StripArabicArticle(string token) =>
        token.Length >= 4 && token.StartsWith("ال", StringComparison.Ordinal) ? token[2..] : token;

    private static bool IsPunctuation(char c)
    {
        var category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation or UnicodeCategory.MathSymbol
            or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol;
    }
}
