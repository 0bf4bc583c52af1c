using System.Globalization;
using System.Text.RegularExpressions;
using QABot.Text;
using QABot.Text.Dates;

namespace QABot.Answering.Llm.Guard;

/// <summary>
/// A calendar date written in text, possibly partial ("September 2023", «13 سبتمبر»). Found in ISO form, English
/// month forms and Arabic month forms (Egyptian/Gulf «أكتوبر» and Levantine «تشرين الأول»), Arabic-Indic digits included.
/// </summary>
public sealed partial record DateMention(int? Year, int? Month, int? Day, string Text)
{
    /// <summary>Whether a stated publication date agrees with this mention in every field the mention gives.</summary>
    public bool MatchesDate(DateTimeOffset date) =>
        (Year is null || Year == date.Year) && (Month is null || Month == date.Month) && (Day is null || Day == date.Day);

    /// <summary>Whether two mentions can name the same day: same month, and day and year equal wherever both give one.</summary>
    public bool AgreesWith(DateMention other) =>
        Month is not null && Month == other.Month
        && (Day is null || other.Day is null || Day == other.Day)
        && (Year is null || other.Year is null || Year == other.Year);

    public static IReadOnlyList<DateMention> FindAll(string text)
    {
        // Normalizing folds hamza forms and Arabic-Indic digits, so one pattern set covers every spelling.
        var normalized = ArabicNormalizer.Normalize(text);
        var found = new List<DateMention>();
        var taken = new List<(int Start, int End)>();
        foreach (var pattern in new[] { IsoDate(), DayMonthYear, MonthDayYear, MonthYear })
        {
            foreach (Match m in pattern.Matches(normalized))
            {
                if (taken.Any(t => m.Index < t.End && t.Start < m.Index + m.Length)) continue;
                if (Parse(m) is not { } mention) continue;
                found.Add(mention);
                taken.Add((m.Index, m.Index + m.Length));
            }
        }
        return found;
    }

    private static DateMention? Parse(Match m)
    {
        int? year = Number(m.Groups["y"]);
        int? day = Number(m.Groups["d"]);
        int? month = Number(m.Groups["mn"]) ?? (m.Groups["m"].Success && MonthNames.TryGetMonth(m.Groups["m"].Value, out var mm) ? mm : null);
        if (month is null or < 1 or > 12) return null;
        if (day is < 1 or > 31) return null;
        return new DateMention(year, month, day, m.Value.Trim());
    }

    private static int? Number(Group g) => g.Success && int.TryParse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;
    private static readonly string Months = MonthNames.Alternation;

    // Arabic letters are not \w-bounded by .NET's \b in every position, so word edges are spelled out.
    private const string Before = @"(?<![\p{L}\d])";
    private const string After = @"(?![\p{L}\d])";

    [GeneratedRegex(Before + @"(?<y>(19|20)\d\d)-(?<mn>\d{1,2})-(?<d>\d{1,2})" + After)]
    private static partial Regex IsoDate();

    private static readonly Regex DayMonthYear = new(Before + @"(?<d>\d{1,2})(st|nd|rd|th)?,?\s+(of\s+|من\s+)?(?<m>" + Months + @")\.?" + After + @"(,?\s+(عام\s+|سنه\s+)?(?<y>(19|20)\d\d)" + After + ")?", Options);

    private static readonly Regex MonthDayYear = new(Before + @"(?<m>" + Months + @")\.?\s+(?<d>\d{1,2})(st|nd|rd|th)?" + After + @"(,?\s+(?<y>(19|20)\d\d)" + After + ")?", Options);

    private static readonly Regex MonthYear = new(Before + @"(?<m>" + Months + @")\.?,?\s+(من\s+)?(عام\s+|سنه\s+|of\s+)?(?<y>(19|20)\d\d)" + After, Options);
}
