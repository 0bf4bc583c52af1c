using System.Text.RegularExpressions;
using QABot.Core.Domain;
using QABot.Text;

namespace QABot.Retrieval.Lucene;

/// <summary>
/// Questions that ask for a number or a date («كم», «متى», "how many", "when", "what year"). Their question word is a
/// stop word, so the first stage cannot see it; the second stage uses it: the answering sentence holds a number
/// next to the question's other words, where a sibling paragraph on the same topic often does not.
/// </summary>
internal static partial class NumericAnswerCue
{
    public static bool ExpectsNumber(string question, string language) =>
        language == Languages.English
            ? EnglishPattern().IsMatch(question)
            : ArabicPattern().IsMatch(ArabicNormalizer.Normalize(question));

    /// <summary>An analyzed token that is a number: digits in any script, or a common Arabic number word.</summary>
    public static bool IsNumber(string token)
    {
        if (token.Length == 0) return false;
        if (char.IsDigit(token[0])) return true;
        foreach (var word in NumberWords)
            if (token.StartsWith(word, StringComparison.Ordinal)) return true;
        return false;
    }

    // Stems as the Arabic analysis leaves them (folded, article and common suffixes removed).
    private static readonly string[] NumberWords =
        ["مليون", "مليار", "الف", "الاف", "ملاي", "مئ", "مائ", "عشر", "ثلاث", "اربع", "خمس", "ثمان", "تسع", "سبع", "اثن", "واحد"];

    [GeneratedRegex(@"\b(how\s+(many|much|old|long|far|often|large|big|tall|high)|when|what\s+(year|decade|century|date|percentage|age)|which\s+(year|decade|century))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishPattern();

    // Normalized: «متى» folds to «متي»; «كم» and «بكم»; «أي عام/سنة/قرن» and «ما عدد/نسبة/عمر».
    [GeneratedRegex(@"(^|[\s\p{P}])(ب?كم|متي|(اي|أي)\s+(عام|سنه|قرن|عقد|تاريخ)|عدد|نسبه|عمر)($|[\s\p{P}])", RegexOptions.CultureInvariant)]
    private static partial Regex ArabicPattern();
}
