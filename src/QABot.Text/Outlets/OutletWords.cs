namespace QABot.Text.Outlets;

/// <summary>One word of a text as outlet names are compared: its place in the original text and its <see cref="OutletKeys"/> key.</summary>
internal readonly record struct OutletWord(int Start, int End, string Key);

/// <summary>
/// Splits text into the words outlet names are compared by. Letters and digits are words, everything else separates,
/// and a change between letters and digits separates too, so "france24", "France 24" and «فرانس24» are the same two
/// words, and "sky-news" is "sky news".
/// </summary>
internal static class OutletWords
{
    /// <summary>
    /// Words that introduce an outlet («موقع سكاي نيوز», «قناة العربية», «وكالة تسنيم»): they are part of a mention and
    /// license a name that is also an ordinary word. Folded forms.
    /// </summary>
    private static readonly HashSet<string> OutletNouns = Keys(
        "موقع", "قناة", "وكالة", "أنباء", "الأنباء", "صحيفة", "جريدة", "مجلة", "شبكة", "إذاعة", "تلفزيون", "محطة", "منصة", "بوابة",
        "site", "website", "channel", "agency", "newspaper", "outlet", "network", "tv", "radio", "paper");

    /// <summary>Words after which a name that is also an ordinary word is taken as the outlet («ماذا نشرت العربية»).</summary>
    private static readonly HashSet<string> ReportingWords = Keys(
        "نشر", "نشرت", "ينشر", "تنشر", "قال", "قالت", "يقول", "تقول", "ذكر", "ذكرت", "تذكر", "أفاد", "أفادت", "أورد", "أوردت",
        "بث", "بثت", "نقل", "نقلت", "كتب", "كتبت", "حسب", "بحسب", "وفق", "وفقا", "طبقا", "لدى", "عند", "مصدر", "المصدر",
        // «شو في أخبار على العربية»: "on" an outlet.
        "على");

    public static List<OutletWord> Split(string text)
    {
        var words = new List<OutletWord>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var inWord = char.IsLetterOrDigit(c) || (start >= 0 && IsMark(c));
            if (inWord && start >= 0 && i > start && char.IsDigit(c) != char.IsDigit(text[i - 1]) && !IsMark(c) && !IsMark(text[i - 1]))
            {
                Add(start, i);
                start = i;
                continue;
            }
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                Add(start, i);
                start = -1;
            }
        }
        return words;

        void Add(int from, int to)
        {
            var key = OutletKeys.For(text[from..to]);
            if (key.Length > 0) words.Add(new OutletWord(from, to, key));
        }
    }

    /// <summary>The keys of a name written in the table or stored in the index.</summary>
    public static string[] KeysOf(string name) => Split(name).Select(w => w.Key).ToArray();

    /// <summary>
    /// The word as written and without the conjunction and preposition Arabic attaches to a name: «وبي» → بي,
    /// «لسكاي» → سكاي, «للعربية» → العربية, «بالعربية» → العربية. The bare form comes first.
    /// </summary>
    public static IEnumerable<string> Forms(string key)
    {
        yield return key;
        if (key.Length < 3 || !ArabicNormalizer.IsArabicLetter(key[0])) yield break;
        var conjunctionless = key[0] is 'و' or 'ف' ? key[1..] : null;
        if (conjunctionless is { Length: >= 2 }) yield return conjunctionless;
        foreach (var form in new[] { key, conjunctionless })
        {
            if (form is not { Length: >= 3 }) continue;
            if (form.StartsWith("لل", StringComparison.Ordinal)) yield return "ال" + form[2..];
            else if (form[0] is 'ب' or 'ل' or 'ك') yield return form[1..];
        }
    }

    public static bool IsOutletNoun(string key) => Forms(key).Any(OutletNouns.Contains);

    public static bool IsReportingWord(string key) => Forms(key).Any(ReportingWords.Contains);

    /// <summary>How many words at the start of a name are outlet nouns («قناة اليمن اليوم» → 1, «وكالة أنباء تسنيم» → 2).</summary>
    public static int LeadingOutletNouns(IReadOnlyList<string> keys)
    {
        var count = 0;
        while (count < keys.Count - 1 && IsOutletNoun(keys[count])) count++;
        return count;
    }

    private static bool IsMark(char c) => char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
        || c == 'ـ';

    private static HashSet<string> Keys(params string[] words) => words.Select(OutletKeys.For).ToHashSet(StringComparer.Ordinal);
}
