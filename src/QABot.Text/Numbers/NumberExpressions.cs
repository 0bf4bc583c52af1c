using System.Globalization;
using QABot.Text.Tokens;

namespace QABot.Text.Numbers;

/// <summary>
/// A number as a text writes it — digits («75», «٢٠٢٣», «8,000»), words («ستة», «ثمانية آلاف», «خمسة وعشرين»), a digit
/// with a scale word («9 ملايين»), a dual noun («ساعتين») or a unit with a half («ساعة ونصف») — with its value and,
/// when the counted noun is next to it («الأيام الستة», «ستة أيام»), its unit.
/// </summary>
/// <param name="Start">Offset of the first character of the expression (number and unit) in the text.</param>
/// <param name="Length">Length of the whole expression in the text, unit included.</param>
public sealed record NumberMention(int Start, int Length, decimal Value, Unit? Unit, bool InWords)
{
    public int End => Start + Length;

    /// <summary>The value as English writes it: "8,000", "1.5", "75", "9 million", "1.2 billion".</summary>
    public string EnglishValue => Value switch
    {
        >= 1_000_000_000m when Value % 10_000_000m == 0 => Plain(Value / 1_000_000_000m) + " billion",
        >= 1_000_000m when Value % 10_000m == 0 => Plain(Value / 1_000_000m) + " million",
        _ => Plain(Value),
    };

    private static string Plain(decimal value) =>
        value.ToString(value == decimal.Truncate(value) ? "#,0" : "#,0.##", CultureInfo.InvariantCulture);

    /// <summary>"6 days", "8,000 kilometres", "75": the mention rendered in English, exactly.</summary>
    public string ToEnglish() => Unit is null ? EnglishValue
        : Unit.Kind == UnitKind.Percent ? EnglishValue + "%"
        : $"{EnglishValue} {Unit.English(Value)}";
}

/// <summary>Finds and parses the numbers of Arabic (and English) text; see <see cref="NumberMention"/>.</summary>
public static class NumberExpressions
{
    private static readonly Dictionary<string, int> Ones = Table(new()
    {
        ["واحد"] = 1, ["واحده"] = 1, ["احد"] = 1, ["احدي"] = 1,
        ["اثنان"] = 2, ["اثنين"] = 2, ["اثنتان"] = 2, ["اثنتين"] = 2, ["اثنا"] = 2, ["اثني"] = 2,
        ["ثلاث"] = 3, ["ثلاثه"] = 3, ["اربع"] = 4, ["اربعه"] = 4, ["خمس"] = 5, ["خمسه"] = 5,
        ["ست"] = 6, ["سته"] = 6, ["سبع"] = 7, ["سبعه"] = 7, ["ثمان"] = 8, ["ثماني"] = 8, ["ثمانيه"] = 8,
        ["تسع"] = 9, ["تسعه"] = 9, ["عشر"] = 10, ["عشره"] = 10,
    });

    private static readonly Dictionary<string, int> Tens = Table(new()
    {
        ["عشرون"] = 20, ["عشرين"] = 20, ["ثلاثون"] = 30, ["ثلاثين"] = 30, ["اربعون"] = 40, ["اربعين"] = 40,
        ["خمسون"] = 50, ["خمسين"] = 50, ["ستون"] = 60, ["ستين"] = 60, ["سبعون"] = 70, ["سبعين"] = 70,
        ["ثمانون"] = 80, ["ثمانين"] = 80, ["تسعون"] = 90, ["تسعين"] = 90,
    });

    private static readonly Dictionary<string, int> Hundreds = Table(new()
    {
        ["مئه"] = 100, ["مائه"] = 100, ["مئتان"] = 200, ["مئتين"] = 200, ["مائتان"] = 200, ["مائتين"] = 200,
        ["ثلاثمئه"] = 300, ["ثلاثمائه"] = 300, ["اربعمئه"] = 400, ["اربعمائه"] = 400, ["خمسمئه"] = 500, ["خمسمائه"] = 500,
        ["ستمئه"] = 600, ["ستمائه"] = 600, ["سبعمئه"] = 700, ["سبعمائه"] = 700, ["ثمانمئه"] = 800, ["ثمانمائه"] = 800,
        ["تسعمئه"] = 900, ["تسعمائه"] = 900,
    });

    /// <summary>Scale words; the plural forms («آلاف») follow a count and never stand alone as a value.</summary>
    private static readonly Dictionary<string, (decimal Value, bool Dual, bool Plural)> Scales = new(StringComparer.Ordinal)
    {
        ["الف"] = (1_000m, false, false), ["الفا"] = (1_000m, false, false), ["الفان"] = (1_000m, true, false), ["الفين"] = (1_000m, true, false), ["الاف"] = (1_000m, false, true),
        ["مليون"] = (1_000_000m, false, false), ["مليونا"] = (1_000_000m, false, false), ["مليونان"] = (1_000_000m, true, false), ["مليونين"] = (1_000_000m, true, false), ["ملايين"] = (1_000_000m, false, true),
        ["مليار"] = (1_000_000_000m, false, false), ["مليارا"] = (1_000_000_000m, false, false), ["مليارين"] = (1_000_000_000m, true, false), ["مليارات"] = (1_000_000_000m, false, true),
        ["بليون"] = (1_000_000_000m, false, false), ["تريليون"] = (1_000_000_000_000m, false, false),
        ["thousand"] = (1_000m, false, false), ["million"] = (1_000_000m, false, false), ["billion"] = (1_000_000_000m, false, false),
    };

    private static readonly Dictionary<string, int> EnglishWords = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16,
        ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
        ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90, ["hundred"] = 100, ["dozen"] = 12,
    };

    private static Dictionary<string, int> Table(Dictionary<string, int> source) =>
        source.ToDictionary(p => ArabicNormalizer.Normalize(p.Key), p => p.Value, StringComparer.Ordinal);

    /// <summary>Every word a number in words or a dual noun opens with: most words of a sentence are neither.</summary>
    private static readonly BaseFormFilter OpeningWords =
        new(Ones.Keys.Concat(Tens.Keys).Concat(Hundreds.Keys).Concat(Scales.Keys).Concat(EnglishWords.Keys).Concat(Units.DualWords));

    public static List<NumberMention> Find(string text) => Find(text, WordTokenizer.Tokenize(text));

    /// <summary>The numbers of <paramref name="text"/>, given its tokens (callers that already tokenized pass them).</summary>
    public static List<NumberMention> Find(string text, IReadOnlyList<WordToken> tokens)
    {
        var mentions = new List<NumberMention>();
        var i = 0;
        while (i < tokens.Count)
        {
            var opens = tokens[i].IsNumber || OpeningWords.MayHold(tokens[i].Folded);
            if (opens && TryReadNumber(text, tokens, i, out var value, out var next, out var inWords))
            {
                var start = tokens[i].Start;
                var end = tokens[next - 1].End;
                // A percent sign right after the digits.
                Unit? unit = null;
                if (end < text.Length && text[end] is '%' or '٪') { unit = Units.Find("%"); end++; }
                // «ساعة ونصف»: a unit followed by "and a half" is one and a half of it.
                else if (next < tokens.Count && !tokens[next].BreakBefore && Units.Find(tokens[next].Folded) is { } after)
                {
                    unit = after;
                    end = tokens[next].End;
                    next++;
                    if (HalfAt(tokens, next)) { value += 0.5m; end = tokens[next].End; next++; }
                }
                // «الأيام الستة»: a definite count follows its noun.
                else if (inWords && i > 0 && !tokens[i].BreakBefore && ArabicWordForms.IsDefinite(tokens[i].Folded) && Units.Find(tokens[i - 1].Folded) is { } before)
                {
                    unit = before;
                    start = tokens[i - 1].Start;
                }
                mentions.Add(new NumberMention(start, end - start, value, unit, inWords));
                i = next;
                continue;
            }
            if (opens && Units.FindDual(tokens[i].Folded) is { } dual)
            {
                mentions.Add(new NumberMention(tokens[i].Start, tokens[i].Length, 2, dual, true));
                i++;
                continue;
            }
            // «ساعة ونصف» with no number: one and a half units.
            if (HalfAt(tokens, i + 1) && Units.Find(tokens[i].Folded) is { Kind: UnitKind.Time } unitWithHalf)
            {
                var end = tokens[i + 1].End;
                // «ونصف الساعة» repeats the unit.
                var after = i + 2 < tokens.Count && !tokens[i + 2].BreakBefore && Units.Find(tokens[i + 2].Folded) == unitWithHalf ? i + 3 : i + 2;
                mentions.Add(new NumberMention(tokens[i].Start, tokens[after - 1].End - tokens[i].Start, 1.5m, unitWithHalf, true));
                i = after;
                continue;
            }
            i++;
        }
        return mentions;
    }

    /// <summary>The value of a whole expression («ثمانية آلاف», "1,500", «ستة»), or null when it is not one number.</summary>
    public static decimal? Parse(string expression)
    {
        var tokens = WordTokenizer.Tokenize(expression);
        return tokens.Count > 0 && TryReadNumber(expression, tokens, 0, out var value, out var next, out _) && next == tokens.Count ? value : null;
    }

    private static bool HalfAt(IReadOnlyList<WordToken> tokens, int i) =>
        i < tokens.Count && !tokens[i].BreakBefore && tokens[i].Folded is "ونصف" or "نصف";

    /// <summary>Reads digits or number words from token <paramref name="i"/>, with a following scale word.</summary>
    private static bool TryReadNumber(string text, IReadOnlyList<WordToken> tokens, int i, out decimal value, out int next, out bool inWords)
    {
        value = 0;
        next = i;
        inWords = false;
        var token = tokens[i];
        if (token.IsNumber)
        {
            if (!TryParseDigits(token.Folded, out value)) return false;
            next = i + 1;
        }
        else if (!TryReadWords(tokens, i, out value, out next)) return false;
        else inWords = true;

        // "9 ملايين", «ثمانية آلاف», "3.5 billion".
        if (next < tokens.Count && !tokens[next].BreakBefore && ScaleOf(tokens[next].Folded) is { } scale && !scale.Dual)
        {
            value *= scale.Value;
            next++;
        }
        return true;
    }

    private static bool TryParseDigits(string folded, out decimal value)
    {
        // "8,000" and "3.5": a comma followed by exactly three digits groups thousands; otherwise it is a decimal mark.
        var s = folded.Replace('٫', '.').Replace('٬', ',');
        var parts = s.Split(',');
        if (parts.Length > 1 && parts.Skip(1).All(p => p.Length == 3 || (p.Length > 3 && p[3] == '.'))) s = string.Concat(parts);
        else s = s.Replace(',', '.');
        return decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static (decimal Value, bool Dual, bool Plural)? ScaleOf(string folded)
    {
        foreach (var form in ArabicWordForms.Bases(folded))
            if (Scales.TryGetValue(form, out var scale)) return scale;
        return null;
    }

    /// <summary>
    /// A run of number words joined by «و»: «خمسة وعشرين» = 25, «مئة وخمسون» = 150, «ثلاثة عشر» = 13, «ألفين» = 2000,
    /// and English "six", "twenty five".
    /// </summary>
    private static bool TryReadWords(IReadOnlyList<WordToken> tokens, int i, out decimal value, out int next)
    {
        value = 0;
        next = i;
        decimal total = 0, group = 0;
        var any = false;
        for (var k = i; k < tokens.Count; k++)
        {
            if (k > i && tokens[k].BreakBefore) break;
            var word = tokens[k].Folded;
            // Past the first word, a number word continues the number only when joined by «و» («وعشرين») or as «عشر» of a teen.
            var forms = k == i ? ArabicWordForms.Bases(word) : word.StartsWith('و') ? [word[1..]] : [word];
            var matched = false;
            foreach (var form in forms)
            {
                if (k > i && form is "عشر" or "عشره" && group is > 0 and < 10 && tokens[k].Folded is "عشر" or "عشره")
                { group += 10; matched = true; break; }
                if (Ones.TryGetValue(form, out var one) && (k == i || word.StartsWith('و'))) { group += one; matched = true; break; }
                if (Tens.TryGetValue(form, out var ten) && (k == i || word.StartsWith('و'))) { group += ten; matched = true; break; }
                if (Hundreds.TryGetValue(form, out var hundred) && (k == i || word.StartsWith('و'))) { group += hundred; matched = true; break; }
                if (EnglishWords.TryGetValue(form, out var english))
                {
                    group = english == 100 && group > 0 ? group * 100 : group + english;
                    matched = true;
                    break;
                }
                if (Scales.TryGetValue(form, out var scale))
                {
                    // «آلاف» needs a count before it; «ألف» alone is one thousand; «ألفين» two.
                    if (scale.Plural && group == 0) break;
                    if (scale.Dual) { total += 2 * scale.Value; group = 0; }
                    else if (k == i || word.StartsWith('و') || group > 0)
                    {
                        if (scale.Plural || group > 0) { total += Math.Max(group, 1) * scale.Value; group = 0; }
                        else total += scale.Value;
                    }
                    else break;
                    matched = true;
                    break;
                }
            }
            if (!matched) break;
            any = true;
            next = k + 1;
        }
        if (!any) return false;
        value = total + group;
        // A lone «احد» or «ست» is usually another word (one of…, "lady"); only a counted or compound use is a number.
        return value > 0 && (next - i > 1 || !IsAmbiguousAlone(tokens[i].Folded) || FollowedByUnit(tokens, next));
    }

    private static bool IsAmbiguousAlone(string folded) =>
        ArabicWordForms.Bare(folded) is "احد" or "احدي" or "ست" or "عشر" or "ثماني" or "سبع" or "خمس" or "ربع" || folded is "one";

    /// <summary>«ست ساعات»: an indefinite counted noun follows («ست البيت» is a lady, not six houses).</summary>
    private static bool FollowedByUnit(IReadOnlyList<WordToken> tokens, int next) =>
        next < tokens.Count && !tokens[next].BreakBefore && !ArabicWordForms.IsDefinite(tokens[next].Folded) && Units.Find(tokens[next].Folded) is not null;
}
