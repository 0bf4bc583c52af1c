using System.Text.RegularExpressions;
using QABot.Text;

namespace QABot.Retrieval.CrossLingual;

/// <summary>One word of an Arabic phrase: as written, and folded by <see cref="ArabicNormalizer"/> for lookups.</summary>
public readonly record struct ArabicWord(string Text, string Folded)
{
    public bool IsArabic => Folded.Length > 0 && ArabicNormalizer.IsArabicLetter(Folded[0]);
}

/// <summary>A way to read a word: without the conjunction or preposition that may be attached to it.</summary>
/// <param name="AttachedAnd">The word carried «و» (and), which an English rendering keeps as "and".</param>
public readonly record struct ProcliticReading(string Folded, bool AttachedAnd);

/// <summary>
/// Splitting Arabic phrases into words and reading the one-letter clitics news attaches to them («وموسكو»،
/// «لبوتين»، «بالكرملين»، «للكرملين») for lookups in name lists and dictionaries.
/// </summary>
public static partial class ArabicWords
{
    /// <summary>A stripped word shorter than this is more likely a word that starts with those letters.</summary>
    private const int MinRemainder = 3;

    public static IReadOnlyList<ArabicWord> Split(string phrase) =>
        WordPattern().Matches(phrase).Select(m => new ArabicWord(m.Value, Fold(m.Value))).Where(w => w.Folded.Length > 0).ToList();

    /// <summary>The lookup key of a phrase: its folded words joined by single spaces.</summary>
    public static string Key(string phrase) => string.Join(' ', Split(phrase).Select(w => w.Folded));

    public static string Fold(string word) => ArabicNormalizer.NormalizeLower(word);

    /// <summary>
    /// The word as written first, then without a leading «و»/«ف», then without «ب»/«ل»/«ك» (and «لل» read as «ال»).
    /// </summary>
    public static IEnumerable<ProcliticReading> Readings(string folded)
    {
        yield return new ProcliticReading(folded, false);
        if (folded.Length == 0 || !ArabicNormalizer.IsArabicLetter(folded[0])) yield break;
        foreach (var (rest, and) in Conjunctions(folded))
        {
            if (rest != folded) yield return new ProcliticReading(rest, and);
            if (rest.Length >= MinRemainder + 2 && rest.StartsWith("لل", StringComparison.Ordinal))
                yield return new ProcliticReading("ال" + rest[2..], and);
            if (rest.Length >= MinRemainder + 1 && rest[0] is 'ب' or 'ل' or 'ك')
                yield return new ProcliticReading(rest[1..], and);
        }
    }

    private static IEnumerable<(string Remainder, bool And)> Conjunctions(string folded)
    {
        yield return (folded, false);
        if (folded.Length >= MinRemainder + 1 && folded[0] is 'و' or 'ف') yield return (folded[1..], folded[0] == 'و');
    }

    // Arabic and Latin letters with their marks, digits; a hyphen or dot inside a Latin word or a number stays in it.
    [GeneratedRegex(@"[\p{L}\p{M}]+(?:[\-.][\p{L}\p{M}]+)*|\p{Nd}+(?:[.,]\p{Nd}+)*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
