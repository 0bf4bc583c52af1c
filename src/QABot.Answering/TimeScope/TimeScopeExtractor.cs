using System.Globalization;
using System.Text.RegularExpressions;
using QABot.Core.Retrieval;
using QABot.Text;
using QABot.Text.Dates;

namespace QABot.Answering.TimeScope;

/// <summary>A publication window found in a question, and the words that expressed it.</summary>
public sealed record TimeScopeMatch(DateRange Range, string Expression);

/// <summary>
/// Rule-based reading of the publication window a question asks about: a calendar month ("in September 2023",
/// «في أيلول 2023»), a day, or a window relative to today ("last week", «الشهر الماضي»). A bare year is deliberately not a
/// scope: "the 2011 earthquake" names an event, not a publication date, and filtering on it would hide the answer.
/// </summary>
public static class TimeScopeExtractor
{
    public static TimeScopeMatch? Extract(string question, DateTimeOffset now)
    {
        var text = ArabicNormalizer.NormalizeLower(question);
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);

        foreach (var (pattern, window) in RelativeWindows)
            if (pattern.Match(text) is { Success: true } m)
                return new TimeScopeMatch(window(today), m.Value);

        // A named day that does not exist ("31 February") is no scope at all, rather than the whole month.
        foreach (var match in new[] { DayMonthYear.Match(text), MonthDayYear.Match(text) })
        {
            if (!match.Success || MonthNumber(match.Groups["month"].Value) is not { } dayMonth) continue;
            return TryDay(int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture), dayMonth,
                    int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture), out var day)
                ? new TimeScopeMatch(new DateRange(day, day.AddDays(1).AddTicks(-1)), match.Value)
                : null;
        }

        if (IsoDay.Match(text) is { Success: true } iso)
            return TryDay(int.Parse(iso.Groups["year"].Value, CultureInfo.InvariantCulture), int.Parse(iso.Groups["month"].Value, CultureInfo.InvariantCulture),
                    int.Parse(iso.Groups["day"].Value, CultureInfo.InvariantCulture), out var isoDay)
                ? new TimeScopeMatch(new DateRange(isoDay, isoDay.AddDays(1).AddTicks(-1)), iso.Value)
                : null;

        if (MonthYear.Match(text) is { Success: true } my && MonthNumber(my.Groups["month"].Value) is { } month)
        {
            var start = new DateTimeOffset(int.Parse(my.Groups["year"].Value, CultureInfo.InvariantCulture), month, 1, 0, 0, 0, TimeSpan.Zero);
            return new TimeScopeMatch(new DateRange(start, start.AddMonths(1).AddTicks(-1)), my.Value);
        }
        return null;
    }

    /// <summary>
    /// The question with the scope's words removed, otherwise as written (its capitals tell names apart). The scope was
    /// matched on the normalized, lower-cased form, which only drops marks (tashkeel, tatweel): offsets map back by
    /// counting the characters kept.
    /// </summary>
    public static string Without(string question, TimeScopeMatch scope)
    {
        var kept = new List<int>(question.Length);
        for (var i = 0; i < question.Length; i++)
            if (ArabicNormalizer.Fold(question[i]) != '\0') kept.Add(i);
        var text = ArabicNormalizer.NormalizeLower(question);
        var at = text.IndexOf(scope.Expression, StringComparison.Ordinal);
        if (at < 0 || text.Length != kept.Count) return at < 0 ? question : text.Remove(at, scope.Expression.Length);
        var start = kept[at];
        var end = kept[at + scope.Expression.Length - 1] + 1;
        return question[..start] + question[end..];
    }

    private static bool TryDay(int year, int month, int day, out DateTimeOffset value)
    {
        value = default;
        if (day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        value = new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero);
        return true;
    }

    private static int? MonthNumber(string name) => MonthNames.TryGetMonth(name, out var n) ? n : null;

    private static DateRange Days(DateTimeOffset from, DateTimeOffset toExclusive) => new(from, toExclusive.AddTicks(-1));

    private static DateTimeOffset StartOfMonth(DateTimeOffset d) => new(d.Year, d.Month, 1, 0, 0, 0, TimeSpan.Zero);

    // Ordered: the longer Levantine names («تشرين الاول») must win over their prefixes.
    private static readonly (Regex Pattern, Func<DateTimeOffset, DateRange> Window)[] RelativeWindows =
    [
        (new Regex(@"\b(yesterday)\b|\bامس\b|\bالبارحه\b"), t => Days(t.AddDays(-1), t)),
        // «اليوم» is left out: it also means "nowadays" and appears in outlet names («اليمن اليوم»).
        (new Regex(@"\btoday\b"), t => Days(t, t.AddDays(1))),
        (new Regex(@"\b(last|past|previous) week\b|الاسبوع الماضي|الاسبوع المنصرم"), t => Days(t.AddDays(-7), t.AddDays(1))),
        (new Regex(@"\bthis week\b|هذا الاسبوع"), t => Days(t.AddDays(-(((int)t.DayOfWeek + 6) % 7)), t.AddDays(1))),
        (new Regex(@"\b(last|past|previous) month\b|الشهر الماضي|الشهر المنصرم"), t => Days(StartOfMonth(t).AddMonths(-1), StartOfMonth(t))),
        (new Regex(@"\bthis month\b|هذا الشهر"), t => Days(StartOfMonth(t), t.AddDays(1))),
        (new Regex(@"\b(last|past|previous) year\b|العام الماضي|السنه الماضيه"), t => Days(new DateTimeOffset(t.Year - 1, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(t.Year, 1, 1, 0, 0, 0, TimeSpan.Zero))),
        (new Regex(@"\bthis year\b|هذا العام|هذه السنه"), t => Days(new DateTimeOffset(t.Year, 1, 1, 0, 0, 0, TimeSpan.Zero), t.AddDays(1))),
    ];

    private static readonly string Months = MonthNames.Alternation;

    private static readonly Regex DayMonthYear = new(@"(?<!\d)(?<day>\d{1,2})(st|nd|rd|th)?,?\s+(of\s+)?(?<month>" + Months + @")\s*,?\s*(?<year>(19|20)\d\d)\b");

    private static readonly Regex MonthDayYear = new(@"\b(?<month>" + Months + @")\s+(?<day>\d{1,2})(st|nd|rd|th)?,?\s+(?<year>(19|20)\d\d)\b");

    /// <summary>"2018-03-01", as the listings print dates.</summary>
    private static readonly Regex IsoDay = new(@"(?<!\d)(?<year>(19|20)\d\d)-(?<month>0?[1-9]|1[0-2])-(?<day>0?[1-9]|[12]\d|3[01])(?!\d)");

    private static readonly Regex MonthYear = new(@"(?<![\p{L}])(?<month>" + Months + @")\s*(/\s*\p{L}+\s*)?,?\s*(?<year>(19|20)\d\d)\b");
}
