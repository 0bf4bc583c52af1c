using System.Globalization;
using QABot.Text.Tokens;

namespace QABot.Text.Dates;

/// <summary>
/// A date as a text states it: a day («13 سبتمبر», «22 يوليو 2022», "September 13, 2023"), a span of days («من 12 إلى 17
/// سبتمبر»), a month («سبتمبر 2023», «في سبتمبر», «سبتمبر الماضي»), a year («عام 2000»), a weekday («الأربعاء») or a
/// day relative to the article («أمس», «الشهر الماضي»). Parts the text leaves out are null until <see cref="Resolve"/>
/// fills them from the article's own publication date.
/// </summary>
/// <param name="MonthsBack">For «الشهر الماضي» and «سبتمبر الماضي»-like mentions: a month relative to publication.</param>
public sealed record DateMention(
    int Start,
    int Length,
    int? Year = null,
    int? Month = null,
    int? Day = null,
    int? EndDay = null,
    DayOfWeek? Weekday = null,
    int? DaysBack = null,
    int? MonthsBack = null,
    int? YearsBack = null,
    bool Resolved = false)
{
    public int End => Start + Length;

    /// <summary>True when the text itself names a calendar day (or span of days) and not only a month or year.</summary>
    public bool HasDay => Day is not null;

    /// <summary>
    /// Fills the parts the text leaves to the reader from the article's publication date: a weekday is the last such day
    /// on or before publication, «أمس» the day before it, a day or month without a year the occurrence nearest to it.
    /// Without a publication date the mention stays as the text states it.
    /// </summary>
    public DateMention Resolve(DateTimeOffset? published)
    {
        if (published is not { } p) return this;
        var pub = DateOnly.FromDateTime(p.DateTime);
        if (DaysBack is { } back)
        {
            var d = pub.AddDays(-back);
            return this with { Year = d.Year, Month = d.Month, Day = d.Day, Resolved = true };
        }
        if (Weekday is { } weekday && Day is null)
        {
            var d = pub.AddDays(-(((int)pub.DayOfWeek - (int)weekday + 7) % 7));
            return this with { Year = d.Year, Month = d.Month, Day = d.Day, Resolved = true };
        }
        if (MonthsBack is { } months && Month is null)
        {
            var d = pub.AddMonths(-months);
            return this with { Year = d.Year, Month = d.Month, Resolved = true };
        }
        if (YearsBack is { } years && Year is null) return this with { Year = pub.Year - years, Resolved = true };
        if (Month is { } month && Year is null)
        {
            // «سبتمبر الماضي» is the last September before publication; a bare «13 سبتمبر» the nearest one.
            var candidates = MonthsBack is not null
                ? new[] { pub.Year, pub.Year - 1 }.Where(y => new DateOnly(y, month, 1) < new DateOnly(pub.Year, pub.Month, 1))
                : new[] { pub.Year - 1, pub.Year, pub.Year + 1 };
            var year = candidates.OrderBy(y => Math.Abs(new DateOnly(y, month, Math.Min(Day ?? 15, DateTime.DaysInMonth(y, month))).DayNumber - pub.DayNumber)).First();
            return this with { Year = year, Resolved = true };
        }
        return this;
    }

    /// <summary>"Wednesday, 13 September 2023", "12–17 September 2023", "September 2023", "2000": exact, with English month names.</summary>
    public string ToEnglish()
    {
        var weekday = Weekday is { } w ? CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(w) : null;
        if (Month is { } month)
        {
            var days = Day is { } day ? (EndDay is { } end ? $"{day}–{end} " : $"{day} ") : "";
            var text = $"{days}{MonthNames.EnglishName(month)}{(Year is { } y ? " " + y : "")}";
            return weekday is null || Day is null ? text : $"{weekday}, {text}";
        }
        if (Year is { } year) return year.ToString(CultureInfo.InvariantCulture);
        if (weekday is not null) return weekday;
        return DaysBack switch
        {
            1 => "yesterday",
            2 => "the day before yesterday",
            _ when MonthsBack == 1 => "last month",
            _ when YearsBack == 1 => "last year",
            _ => "",
        };
    }

    /// <summary>«13 سبتمبر 2023»: the resolved date in Arabic words, for a mention the text gave as a weekday or relative day.</summary>
    public string ToArabic()
    {
        if (Month is { } month)
        {
            var days = Day is { } day ? (EndDay is { } end ? $"{day}–{end} " : $"{day} ") : "";
            return $"{days}{MonthNames.ArabicName(month)}{(Year is { } y ? " " + y : "")}";
        }
        return Year?.ToString(CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>The calendar date, when the mention (resolved or not) names one day.</summary>
    public DateOnly? AsDate => Year is { } y && Month is { } m && Day is { } d && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
}

/// <summary>Finds the dates an Arabic or English text states; see <see cref="DateMention"/>.</summary>
public static class DateExpressions
{
    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        ["السبت"] = DayOfWeek.Saturday, ["الاحد"] = DayOfWeek.Sunday, ["الاثنين"] = DayOfWeek.Monday, ["الثلاثاء"] = DayOfWeek.Tuesday,
        ["الاربعاء"] = DayOfWeek.Wednesday, ["الخميس"] = DayOfWeek.Thursday, ["الجمعه"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday, ["sunday"] = DayOfWeek.Sunday, ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday, ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday,
    };

    /// <summary>Words that make the next weekday a day of the week: «يوم الاثنين», «مساء الخميس».</summary>
    private static readonly HashSet<string> DayLeads = new(StringComparer.Ordinal) { "يوم", "اليوم", "مساء", "صباح", "ليل", "ليله", "فجر", "ظهر", "عصر", "ظهر", "on", "last" };

    private static readonly HashSet<string> YearWords = new(StringComparer.Ordinal) { "عام", "العام", "سنه", "السنه", "عامي", "year", "in", "since", "منذ", "في", "خلال", "حتي", "مطلع", "نهايه", "بدايه", "اواخر", "اوائل", "منتصف" };

    private static readonly HashSet<string> PastWords = new(StringComparer.Ordinal) { "الماضي", "الماضيه", "المنصرم", "المنصرمه", "السابق", "last" };

    /// <summary>Ordinal days news writes in words before «من» and a month («الأول من سبتمبر»).</summary>
    private static readonly Dictionary<string, int> OrdinalDays = new(StringComparer.Ordinal)
    {
        ["الاول"] = 1, ["الثاني"] = 2, ["الثالث"] = 3, ["الرابع"] = 4, ["الخامس"] = 5, ["السادس"] = 6, ["السابع"] = 7, ["الثامن"] = 8, ["التاسع"] = 9, ["العاشر"] = 10,
    };

    private static readonly HashSet<string> RangeJoins = new(StringComparer.Ordinal) { "الي", "حتي", "و", "to", "until", "and" };

    /// <summary>
    /// Every word a date that starts at a word (not a number) opens with: month names and the first words of two-word
    /// ones, weekdays, the ordinal days, the relative words. Date scanning of the sentences an answer reads closely was 15% of the answer
    /// path's sampled time (dotnet-trace, `bench query`) while every word was taken apart by the six readers below.
    /// </summary>
    private static readonly BaseFormFilter OpeningWords =
        new(MonthNames.FoldedWords.Concat(Weekdays.Keys).Concat(OrdinalDays.Keys).Concat(["امس", "البارحه", "الشهر", "العام", "السنه", "yesterday", "last", "month", "year"]));

    public static List<DateMention> Find(string text) => Find(WordTokenizer.Tokenize(text));

    public static List<DateMention> Find(IReadOnlyList<WordToken> tokens)
    {
        var mentions = new List<DateMention>();
        var i = 0;
        while (i < tokens.Count)
        {
            // Only a number (a day or a year) or a date word opens a date.
            if (!tokens[i].IsNumber && !OpeningWords.MayHold(tokens[i].Folded))
            {
                i++;
                continue;
            }
            var found = DayMonth(tokens, i) ?? MonthDay(tokens, i) ?? MonthOnly(tokens, i) ?? Year(tokens, i) ?? WeekdayAt(tokens, i) ?? Relative(tokens, i);
            if (found is { } f)
            {
                mentions.Add(f.Mention);
                i = f.Next;
            }
            else i++;
        }
        return mentions;
    }

    private readonly record struct Found(DateMention Mention, int Next);

    private static int? Month(IReadOnlyList<WordToken> tokens, int i, out int next)
    {
        next = i;
        if (i >= tokens.Count || tokens[i].IsNumber) return null;
        // Two-word names first («تشرين الأول», «كانون الثاني»).
        if (i + 1 < tokens.Count && !tokens[i + 1].BreakBefore)
            foreach (var form in ArabicWordForms.Bases(tokens[i].Folded).Take(3))
                if (MonthNames.OpensTwoWordName(form) && MonthNames.TryGetMonth(form, tokens[i + 1].Folded, out var two)) { next = i + 2; return two; }
        // Each word is asked about a few times per sentence read: folded tokens are looked up as they are.
        foreach (var form in ArabicWordForms.Bases(tokens[i].Folded).Take(3))
            if (MonthNames.TryGetFoldedMonth(form, out var one))
            {
                next = i + 1;
                // «أيلول/سبتمبر»: a second name for the same month.
                if (next < tokens.Count && Month(tokens, next, out var after) is { } same && same == one && after > next) next = after;
                return one;
            }
        return null;
    }

    /// <summary>Short or common-word month names ("may", «آب», «ماي») count only next to a day or a year.</summary>
    private static bool IsAmbiguousMonth(WordToken token) => ArabicWordForms.Bare(token.Folded).Length <= 3;

    private static int? DayNumber(WordToken token) =>
        token.IsNumber && int.TryParse(token.Folded, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 31 ? d : null;

    private static int? YearNumber(IReadOnlyList<WordToken> tokens, int i) =>
        i < tokens.Count && tokens[i].IsNumber && tokens[i].Folded.Length == 4
        && int.TryParse(tokens[i].Folded, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2100 ? y : null;

    /// <summary>«الأول من أيلول/سبتمبر 2018»: an ordinal day, read only when «من» and a month follow (alone «الأول» is "the first" of anything).</summary>
    private static Found? OrdinalDayMonth(IReadOnlyList<WordToken> tokens, int i)
    {
        if (i + 2 >= tokens.Count || !OrdinalDays.TryGetValue(tokens[i].Folded, out var day) || tokens[i + 1].Folded != "من" || tokens[i + 1].BreakBefore) return null;
        if (Month(tokens, i + 2, out var afterMonth) is not { } month) return null;
        var year = YearAfter(tokens, afterMonth, out var next);
        return new Found(new DateMention(tokens[i].Start, tokens[next - 1].End - tokens[i].Start, year, month, day), next);
    }

    /// <summary>«13 سبتمبر 2023», «12 إلى 17 سبتمبر», «13 من سبتمبر», "13th of September".</summary>
    private static Found? DayMonth(IReadOnlyList<WordToken> tokens, int i)
    {
        if (DayNumber(tokens[i]) is not { } day) return OrdinalDayMonth(tokens, i);
        var k = i + 1;
        int? endDay = null;
        if (k + 1 < tokens.Count && RangeJoins.Contains(tokens[k].Folded) && DayNumber(tokens[k + 1]) is { } end && end > day)
        {
            endDay = end;
            k += 2;
        }
        if (k < tokens.Count && tokens[k].Folded is "st" or "nd" or "rd" or "th") k++;
        if (k < tokens.Count && tokens[k].Folded is "من" or "of" or "شهر") k++;
        if (k < tokens.Count && tokens[k].Folded is "شهر") k++;
        if (Month(tokens, k, out var afterMonth) is not { } month) return null;
        var year = YearAfter(tokens, afterMonth, out var next);
        return new Found(new DateMention(tokens[i].Start, tokens[next - 1].End - tokens[i].Start, year, month, day, endDay), next);
    }

    /// <summary>"September 13, 2023", «سبتمبر 13».</summary>
    private static Found? MonthDay(IReadOnlyList<WordToken> tokens, int i)
    {
        if (Month(tokens, i, out var k) is not { } month || k >= tokens.Count || DayNumber(tokens[k]) is not { } day) return null;
        if (YearNumber(tokens, k) is not null) return null;
        k++;
        if (k < tokens.Count && tokens[k].Folded is "st" or "nd" or "rd" or "th") k++;
        var year = YearAfter(tokens, k, out var next);
        return new Found(new DateMention(tokens[i].Start, tokens[next - 1].End - tokens[i].Start, year, month, day), next);
    }

    /// <summary>«سبتمبر 2023», «سبتمبر الماضي», «في سبتمبر».</summary>
    private static Found? MonthOnly(IReadOnlyList<WordToken> tokens, int i)
    {
        if (Month(tokens, i, out var k) is not { } month) return null;
        var year = YearAfter(tokens, k, out var next);
        if (year is not null) return new Found(new DateMention(tokens[i].Start, tokens[next - 1].End - tokens[i].Start, year, month), next);
        if (k < tokens.Count && !tokens[k].BreakBefore && PastWords.Contains(tokens[k].Folded))
            return new Found(new DateMention(tokens[i].Start, tokens[k].End - tokens[i].Start, Month: month, MonthsBack: 0), k + 1);
        if (IsAmbiguousMonth(tokens[i])) return null;
        var lead = i > 0 && !tokens[i].BreakBefore && tokens[i - 1].Folded is "في" or "خلال" or "منذ" or "شهر" or "مطلع" or "منتصف" or "اواخر" or "نهايه" or "بدايه" or "in" or "during" or "since";
        var attached = tokens[i].Folded.Length > 2 && tokens[i].Folded[0] is 'ب' or 'ف' && !MonthNames.TryGetFoldedMonth(tokens[i].Folded, out _);
        return lead || attached ? new Found(new DateMention(tokens[i].Start, tokens[k - 1].End - tokens[i].Start, Month: month), k) : null;
    }

    private static int? YearAfter(IReadOnlyList<WordToken> tokens, int k, out int next)
    {
        next = k;
        if (k < tokens.Count && tokens[k].Folded is "عام" or "سنه") k++;
        if (YearNumber(tokens, k) is { } year) { next = k + 1; return year; }
        return null;
    }

    /// <summary>«عام 2000», «في 2014», «منذ 2011»; a bare four-digit year only when no unit follows it («2000 شخص» is a count).</summary>
    private static Found? Year(IReadOnlyList<WordToken> tokens, int i)
    {
        if (YearNumber(tokens, i) is not { } year) return null;
        var unitAfter = i + 1 < tokens.Count && !tokens[i + 1].BreakBefore && Numbers.Units.Find(tokens[i + 1].Folded) is not null;
        if (unitAfter) return null;
        var lead = i > 0 && !tokens[i].BreakBefore && YearWords.Contains(tokens[i - 1].Folded);
        var start = lead && tokens[i - 1].Folded is "عام" or "العام" or "سنه" or "السنه" or "عامي" ? tokens[i - 1].Start : tokens[i].Start;
        return new Found(new DateMention(start, tokens[i].End - start, year), i + 1);
    }

    /// <summary>«الأربعاء», «يوم الاثنين», «مساء الخميس», "on Wednesday".</summary>
    private static Found? WeekdayAt(IReadOnlyList<WordToken> tokens, int i)
    {
        DayOfWeek? weekday = null;
        foreach (var form in ArabicWordForms.Bases(tokens[i].Folded).Take(3))
            if (Weekdays.TryGetValue(form, out var w) || Weekdays.TryGetValue("ال" + form, out w)) { weekday = w; break; }
        if (weekday is not { } day) return null;
        var led = i > 0 && !tokens[i].BreakBefore && DayLeads.Contains(ArabicWordForms.Bases(tokens[i - 1].Folded).Last());
        // «الاثنين» is also "the two": only a led or comma-set use is a weekday.
        var isolated = tokens[i].BreakBefore || i == 0 || (i + 1 < tokens.Count && tokens[i + 1].BreakBefore) || i + 1 == tokens.Count;
        var ambiguous = ArabicWordForms.Bare(tokens[i].Folded) is "اثنين" || tokens[i].Folded is "اثنين";
        if (ambiguous && !led && !isolated) return null;
        if (!ArabicWordForms.Bases(tokens[i].Folded).Any(f => f.StartsWith("ال", StringComparison.Ordinal)) && tokens[i].Folded.Length > 0 && !char.IsAsciiLetter(tokens[i].Folded[0]) && !led)
            return null;
        var start = led && tokens[i - 1].Folded is "يوم" or "اليوم" ? tokens[i - 1].Start : tokens[i].Start;
        var next = i + 1;
        // «الأربعاء 13 سبتمبر»: the weekday leads a full date.
        if (next < tokens.Count && DayMonth(tokens, next) is { } full)
            return new Found(full.Mention with { Start = start, Length = full.Mention.End - start, Weekday = day }, full.Next);
        return new Found(new DateMention(start, tokens[i].End - start, Weekday: day), next);
    }

    /// <summary>«أمس», «أول أمس», «الشهر الماضي», «العام الماضي», "yesterday", "last month".</summary>
    private static Found? Relative(IReadOnlyList<WordToken> tokens, int i)
    {
        var word = tokens[i].Folded;
        var forms = ArabicWordForms.Bases(word).ToList();
        if (forms.Contains("امس") || forms.Contains("البارحه") || word == "yesterday")
        {
            var dayBefore = i > 0 && tokens[i - 1].Folded == "اول" && !tokens[i].BreakBefore;
            var start = dayBefore ? tokens[i - 1].Start : tokens[i].Start;
            return new Found(new DateMention(start, tokens[i].End - start, DaysBack: dayBefore ? 2 : 1), i + 1);
        }
        if (word == "last" && i + 1 < tokens.Count && tokens[i + 1].Folded is "month" or "year")
            return new Found(new DateMention(tokens[i].Start, tokens[i + 1].End - tokens[i].Start,
                MonthsBack: tokens[i + 1].Folded == "month" ? 1 : null, YearsBack: tokens[i + 1].Folded == "year" ? 1 : null), i + 2);
        if (i + 1 >= tokens.Count || tokens[i + 1].BreakBefore || !PastWords.Contains(tokens[i + 1].Folded)) return null;
        var length = tokens[i + 1].End - tokens[i].Start;
        return forms switch
        {
            _ when forms.Contains("الشهر") || word == "month" => new Found(new DateMention(tokens[i].Start, length, MonthsBack: 1), i + 2),
            _ when forms.Contains("العام") || forms.Contains("السنه") || word == "year" => new Found(new DateMention(tokens[i].Start, length, YearsBack: 1), i + 2),
            _ => null,
        };
    }
}
