using System.Text.RegularExpressions;

namespace QABot.Text.Dates;

/// <summary>
/// Month names as news text writes them: English (full and abbreviated) and the three Arabic series — Egyptian/Gulf
/// (يناير…), Levantine/Iraqi (كانون الثاني…) and Maghrebi (جانفي…). One table for every date reader (ingestion dates,
/// question time scopes, the LLM date guard), so a spelling one of them understands is understood by all.
/// </summary>
public static class MonthNames
{
    private static readonly Dictionary<string, int> Numbers = Build();

    /// <summary>
    /// Every name, folded and lower-cased, longest first, with inner spaces as <c>\s+</c>: an alternation for patterns
    /// matched against <see cref="ArabicNormalizer"/>-folded text.
    /// </summary>
    public static string Alternation { get; } = string.Join('|',
        Numbers.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal)
            .Select(k => string.Join(@"\s+", k.Split(' ').Select(Regex.Escape))));

    /// <summary>The month (1–12) of a name in any spelling: hamza forms, case, inner spacing and a trailing dot do not matter.</summary>
    public static bool TryGetMonth(string name, out int month) => Numbers.TryGetValue(Key(name), out month);

    private static readonly string[] English =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] Arabic =
        ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];

    /// <summary>"September" for 9: how English answers name a month.</summary>
    public static string EnglishName(int month) => English[month - 1];

    /// <summary>«سبتمبر» for 9: the series most Arabic news outlets write.</summary>
    public static string ArabicName(int month) => Arabic[month - 1];

    private static string Key(string name) =>
        string.Join(' ', ArabicNormalizer.Normalize(name).ToLowerInvariant().TrimEnd('.').Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

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
