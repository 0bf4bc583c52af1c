using System.Text.RegularExpressions;

namespace QABot.Text.Dates;

/// <summary>
/// Month names as news text writes them: English (full and abbreviated) and the three Arabic series — Egyptian/Gulf
/// (يناير…), Levantine/Iraqi (كانون الثاني…) and Maghrebi (جانفي…). One table for every date reader (ingestion dates,
/// question time scopes, the LLM date guard), so a spelling one of them understands is understood by all.
/// </summary>
public static class MonthNames
{
    // Before Numbers: building the table reads it.
    private static readonly char[] KeySeparators = [' ', '\t', '\n', '\r'];
    private static readonly Dictionary<string, int> Numbers = Build();

    /// <summary>
    /// Every name, folded and lower-cased, longest first, with inner spaces as <c>\s+</c>: an alternation for patterns
    /// matched against <see cref="ArabicNormalizer"/>-folded text.
    /// </summary>
    public static string Alternation { get; } = string.Join('|',
        Numbers.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal)
            .Select(k => string.Join(@"\s+", k.Split(' ').Select(Regex.Escape))));

    /// <summary>First words of the two-word names («تشرين», «كانون»), as keys.</summary>
    private static readonly HashSet<string> FirstWords =
        Numbers.Keys.Where(k => k.Contains(' ')).Select(k => k[..k.IndexOf(' ')]).ToHashSet(StringComparer.Ordinal);

    /// <summary>The month (1–12) of a name in any spelling: hamza forms, case, inner spacing and a trailing dot do not matter.</summary>
    public static bool TryGetMonth(string name, out int month) => Numbers.TryGetValue(Key(name), out month);

    /// <summary>
    /// The month of a two-word name («تشرين الأول»). Most first words start no two-word name, which is known without
    /// building the joined key.
    /// </summary>
    public static bool TryGetMonth(string first, string second, out int month)
    {
        month = 0;
        // A word that folds to nothing leaves the other alone in the joined key: then the full lookup decides.
        var key = Key(first);
        if (key.Length > 0 && !FirstWords.Contains(key) && Key(second).Length > 0) return false;
        return Numbers.TryGetValue(Key(first + " " + second), out month);
    }

    /// <summary>
    /// The month of a word already folded as <see cref="Tokens.WordTokenizer"/> folds it (or a base form of one): such a
    /// word has no space, dot or letter to fold, so it is its own key and is looked up without building one.
    /// </summary>
    public static bool TryGetFoldedMonth(string folded, out int month) => Numbers.TryGetValue(folded, out month);

    /// <summary>The one-word names and the first words of the two-word ones, folded: every word a month name opens with.</summary>
    internal static IEnumerable<string> FoldedWords => Numbers.Keys.Where(k => !k.Contains(' ')).Concat(FirstWords);

    /// <summary>Whether a folded word opens a two-word name («تشرين», «كانون»); no other word needs the pair looked up.</summary>
    public static bool OpensTwoWordName(string folded) => FirstWords.Contains(folded);

    private static readonly string[] English =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] Arabic =
        ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];

    /// <summary>"September" for 9: how English answers name a month.</summary>
    public static string EnglishName(int month) => English[month - 1];

    /// <summary>«سبتمبر» for 9: the series most Arabic news outlets write.</summary>
    public static string ArabicName(int month) => Arabic[month - 1];

    /// <summary>
    /// Date scanning asks about every word of every sentence read, a few forms each: a word that is already folded and
    /// holds no space is its own key, found without allocating (a memo of keys cost more in its locks than it saved).
    /// </summary>
    private static string Key(string name)
    {
        var folded = ArabicNormalizer.NormalizeLower(name).TrimEnd('.');
        return folded.AsSpan().IndexOfAny(KeySeparators) < 0 ? folded
            : string.Join(' ', folded.Split(KeySeparators, StringSplitOptions.RemoveEmptyEntries));
    }

    private static Dictionary<string, int> Build()
    {
        var names = new (int Month, string[] Names)[]
        {
            (1, ["january", "jan", "يناير", "كانون الثاني", "جانفي", "ينایر"]),
            (2, ["february", "feb", "فبراير", "شباط", "فيفري", "فبرایر"]),
            (3, ["march", "mar", "مارس", "آذار", "اذار"]),
            (4, ["april", "apr", "أبريل", "ابريل", "إبريل", "نيسان", "أفريل", "افريل"]),
            (5, ["may", "مايو", "أيار", "ايار", "ماي"]),
            (6, ["june", "jun", "يونيو", "يونيه", "حزيران", "جوان"]),
            (7, ["july", "jul", "يوليو", "يوليه", "تموز", "جويلية", "جويلیة"]),
            (8, ["august", "aug", "أغسطس", "اغسطس", "آب", "أوت", "اوت"]),
            (9, ["september", "sep", "sept", "سبتمبر", "أيلول", "ايلول"]),
            (10, ["october", "oct", "أكتوبر", "اكتوبر", "تشرين الأول", "تشرين اول"]),
            (11, ["november", "nov", "نوفمبر", "تشرين الثاني", "تشرين ثاني"]),
            (12, ["december", "dec", "ديسمبر", "كانون الأول", "كانون اول"]),
        };
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (month, list) in names)
            foreach (var name in list)
                map[Key(name)] = month;
        return map;
    }
}
