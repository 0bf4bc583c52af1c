using System.Globalization;
using QABot.Text;
using QABot.Text.Dates;

namespace QABot.Ingestion.Parsing;

/// <summary>
/// Reads publication dates as news sites print them: ISO 8601, English ("12th, October 2023 GMT", "October 12, 2023",
/// "Thu, 12 Oct 2023 10:30 GMT"), Arabic month names of both series ("12 أكتوبر 2023", "١٢ تشرين الأول ٢٠٢٣",
/// "12 كانون الثاني/يناير 2023"), Maghrebi names (جانفي, أوت) and Arabic-Indic digits. Anything it cannot read
/// completely and unambiguously is rejected: an undated article stays undated rather than getting a guessed date.
/// The offset is kept as written («2018-03-01T02:28:09+04:00» stays +04:00): the date printed, filtered on and compared
/// is the outlet's own calendar date, which converting to UTC would move to the day before for a night-time article
/// east of Greenwich. A date without a stated zone is taken as UTC midnight (or the stated time in UTC).
/// </summary>
public static class ArticleDates
{
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd", "yyyy/MM/dd", "yyyy/MM/dd HH:mm", "yyyy/MM/dd HH:mm:ss", "yyyy.MM.dd",
    ];

    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        // weekdays
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "الاثنين", "الاتنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "الاحد",
        "اثنين", "ثلاثاء", "اربعاء", "خميس", "جمعه", "سبت", "احد",
        // connecting words
        "of", "the", "on", "at", "في", "يوم", "الموافق", "موافق", "عام", "سنه", "لعام", "من", "شهر", "الساعه", "ساعه",
    };

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.Trim();
        if (trimmed.Length > 80) return false;
        if (char.IsAsciiDigit(trimmed[0]) && trimmed.Length >= 10 && trimmed[4] is '-' or '/' or '.' &&
            DateTimeOffset.TryParseExact(trimmed, IsoFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var iso))
        {
            value = iso;
            return Plausible(value);
        }
        return TryParseWords(trimmed, out value) && Plausible(value);
    }

    public static DateTimeOffset? ParseOrNull(string? text) => TryParse(text, out var value) ? value : null;

    private static bool Plausible(DateTimeOffset value) => value.Year is >= 1900 and <= 2100;

    private static bool TryParseWords(string text, out DateTimeOffset value)
    {
        value = default;
        var tokens = Tokenize(text);
        int? day = null, month = null, year = null;
        var numbers = new List<int>(3);
        int hour = 0, minute = 0, second = 0;
        var offset = TimeSpan.Zero;
        bool hasTime = false, pm = false, am = false;

        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (i + 1 < tokens.Count && MonthNames.TryGetMonth(token + " " + tokens[i + 1], out var twoWordMonth))
            {
                if (!SetOnce(ref month, twoWordMonth)) return false;
                i++;
                continue;
            }
            if (MonthNames.TryGetMonth(token, out var m))
            {
                if (!SetOnce(ref month, m)) return false;
                continue;
            }
            if (token[0] is '+' or '-')
            {
                if (!TryParseOffset(token, out offset)) return false;
                continue;
            }
            if (token.Contains(':'))
            {
                if (hasTime || !TryParseTime(token, out hour, out minute, out second)) return false;
                hasTime = true;
                continue;
            }
            if (token is "gmt" or "utc" or "z" or "بتوقيت" or "غرينتش" or "جرينتش") continue;
            if (token is "am" or "ص" or "صباحا") { am = true; continue; }
            // «م» is PM after a time but «ميلادي» (AD) after a year: «2023م». It only changes an hour that was given.
            if (token is "pm" or "م" or "مساء" or "مساءا") { pm = true; continue; }
            // A Hijri date («1445هـ») is not a Gregorian one; converting it would be a guess at the calendar day.
            if (token is "ه" or "هجري" or "هجريه") return false;
            if (Ignored.Contains(token)) continue;
            if (TryParseNumber(token, out var number))
            {
                numbers.Add(number);
                continue;
            }
            return false;
        }

        // Place the numbers: a 4-digit one is the year; with a month name the other is the day; with none, d/m/y
        // is read only when it cannot be m/d/y as well.
        foreach (var number in numbers)
        {
            if (number >= 1000)
            {
                if (!SetOnce(ref year, number)) return false;
            }
        }
        var small = numbers.Where(n => n < 1000).ToList();
        if (year is null) return false;
        if (month is not null)
        {
            if (small.Count != 1) return false;
            day = small[0];
        }
        else
        {
            if (small.Count != 2) return false;
            var (first, later) = (small[0], small[1]);
            // Year first ("2023 10 12") is ISO order, never day-first.
            if (numbers[0] >= 1000) (month, day) = (first, later);
            else if (first > 12 && later <= 12) (day, month) = (first, later);
            else if (first == later && first <= 12) (day, month) = (first, later);
            else return false;
        }

        if (hasTime && pm && hour < 12) hour += 12;
        if (hasTime && am && hour == 12) hour = 0;
        if (day is < 1 or > 31 || month is < 1 or > 12 || hour > 23 || minute > 59 || second > 59) return false;
        if (day > DateTime.DaysInMonth(year.Value, month!.Value)) return false;
        value = new DateTimeOffset(year.Value, month.Value, day!.Value, hour, minute, second, offset);
        return true;
    }

    private static bool SetOnce(ref int? slot, int value)
    {
        if (slot is not null && slot != value) return false;
        slot = value;
        return true;
    }

    /// <summary>Folds Arabic letters and digits, lower-cases, and splits at spaces, date punctuation and digit/letter seams.</summary>
    private static List<string> Tokenize(string text)
    {
        var folded = ArabicNormalizer.NormalizeLower(text);
        var tokens = new List<string>(8);
        var current = new System.Text.StringBuilder();
        void Flush()
        {
            if (current.Length > 0) tokens.Add(current.ToString());
            current.Clear();
        }
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            var nextIsDigit = i + 1 < folded.Length && char.IsAsciiDigit(folded[i + 1]);
            if (c == '+' || (c == '-' && nextIsDigit && tokens.Count > 0 && current.Length == 0 && IsZoneAnchor(tokens[^1])))
            {
                Flush();
                current.Append(c);
                continue;
            }
            if (c == '-' && nextIsDigit && current.Length > 0 && current.ToString().Contains(':'))
            {
                // "10:30-05:00": the time ends where its zone offset starts.
                Flush();
                current.Append(c);
                continue;
            }
            if (char.IsWhiteSpace(c) || c is ',' or '،' or '/' or '-' or '.' or '|' or '(' or ')' or '\u200f' or '\u200e' or '\u061c')
            {
                Flush();
                continue;
            }
            // "12th" -> "12" "th", "12أكتوبر" -> "12" "اكتوبر"; times and offsets keep their colons.
            if (current.Length > 0 && c != ':' && current[^1] != ':' && current[0] is not ('+' or '-') &&
                char.IsAsciiDigit(current[^1]) != char.IsAsciiDigit(c))
                Flush();
            current.Append(c);
        }
        Flush();
        for (var i = tokens.Count - 1; i > 0; i--)
            if (tokens[i] is "st" or "nd" or "rd" or "th" && char.IsAsciiDigit(tokens[i - 1][^1])) tokens.RemoveAt(i);
        return tokens;
    }

    private static bool IsZoneAnchor(string token) => token.Contains(':') || token is "gmt" or "utc";

    private static bool TryParseNumber(string token, out int number)
    {
        number = 0;
        if (token.Length is 0 or > 4) return false;
        foreach (var c in token)
        {
            if (!char.IsAsciiDigit(c)) return false;
            number = number * 10 + (c - '0');
        }
        return true;
    }

    private static bool TryParseTime(string token, out int hour, out int minute, out int second)
    {
        hour = minute = second = 0;
        var parts = token.Split(':');
        if (parts.Length is < 2 or > 3) return false;
        if (!TryParseNumber(parts[0], out hour) || !TryParseNumber(parts[1], out minute)) return false;
        return parts.Length == 2 || TryParseNumber(parts[2], out second);
    }

    private static bool TryParseOffset(string token, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (token.Length == 0) return true;
        var sign = token[0] == '-' ? -1 : 1;
        var digits = token.TrimStart('+', '-').Replace(":", "");
        if (!TryParseNumber(digits, out var hhmm)) return false;
        var (h, m) = digits.Length <= 2 ? (hhmm, 0) : (hhmm / 100, hhmm % 100);
        if (h > 14 || m > 59) return false;
        offset = sign * new TimeSpan(h, m, 0);
        return true;
    }
}
