using System.Globalization;
using System.Text;
using QABot.Text;

namespace QABot.Evaluation.Metrics;

/// <summary>
/// The normalization answers and gold spans go through before they are compared (SQuAD's, extended for Arabic):
/// case and punctuation (Latin and Arabic) are ignored, Arabic letter shapes and diacritics are folded with the
/// product's own <see cref="ArabicNormalizer"/> (which also reads Arabic-Indic digits), articles are dropped (English
/// a/an/the, the Arabic «ال» prefix), thousands separators go ("1,500" = "1500") and number words up to ninety become
/// digits ("three", «ثلاثة» = "3").
/// </summary>
public static partial class AnswerText
{
    private static readonly HashSet<string> EnglishArticles = new(StringComparer.Ordinal) { "a", "an", "the" };

    public static IReadOnlyList<string> Tokens(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var folded = ThousandsSeparator().Replace(ArabicNormalizer.NormalizeLower(text), "");
        var cleaned = new StringBuilder(folded.Length);
        foreach (var c in folded)
            cleaned.Append(IsPunctuation(c) ? ' ' : c);
        var tokens = new List<string>();
        foreach (var raw in cleaned.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (EnglishArticles.Contains(raw)) continue;
            var token = StripArabicArticle(raw);
            tokens.Add(NumberWords.TryGetValue(token, out var digits) ? digits : token);
        }
        return tokens;
    }

    public static string Normalize(string text) => string.Join(' ', Tokens(text));

    /// <summary>Number words as digits, keyed by their normalized form (folded Arabic, lower-case English).</summary>
    private static readonly Dictionary<string, string> NumberWords = BuildNumberWords();

    private static Dictionary<string, string> BuildNumberWords()
    {
        var words = new (int Value, string[] Forms)[]
        {
            (0, ["zero", "صفر"]), (1, ["one", "واحد", "واحده"]), (2, ["two", "اثنان", "اثنين", "اثنتان", "اثنتين"]),
            (3, ["three", "ثلاث", "ثلاثه"]), (4, ["four", "اربع", "اربعه"]), (5, ["five", "خمس", "خمسه"]), (6, ["six", "ست", "سته"]),
            (7, ["seven", "سبع", "سبعه"]), (8, ["eight", "ثماني", "ثمانيه", "ثمان"]), (9, ["nine", "تسع", "تسعه"]), (10, ["ten", "عشر", "عشره"]),
            (11, ["eleven"]), (12, ["twelve"]), (13, ["thirteen"]), (14, ["fourteen"]), (15, ["fifteen"]), (16, ["sixteen"]),
            (17, ["seventeen"]), (18, ["eighteen"]), (19, ["nineteen"]), (20, ["twenty", "عشرون", "عشرين"]), (30, ["thirty", "ثلاثون", "ثلاثين"]),
            (40, ["forty", "اربعون", "اربعين"]), (50, ["fifty", "خمسون", "خمسين"]), (60, ["sixty", "ستون", "ستين"]),
            (70, ["seventy", "سبعون", "سبعين"]), (80, ["eighty", "ثمانون", "ثمانين"]), (90, ["ninety", "تسعون", "تسعين"]),
        };
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (value, forms) in words)
            foreach (var form in forms) map[ArabicNormalizer.Normalize(form)] = value.ToString(CultureInfo.InvariantCulture);
        return map;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\d)[,٬](?=\d{3}\b)")]
    private static partial System.Text.RegularExpressions.Regex ThousandsSeparator();

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
