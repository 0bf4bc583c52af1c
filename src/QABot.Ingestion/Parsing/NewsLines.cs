using QABot.Text;

namespace QABot.Ingestion.Parsing;

/// <summary>
/// Recognizers for the kinds of lines scraped Arabic news text is made of besides prose: «اقرأ أيضاً» markers,
/// source and keyword lines, date lines, datelines, widget labels and bare related headlines. Prefixes are matched
/// on folded text (hamza, tanween) so «إقرأ أيضاً» and «اقرا ايضا» are the same marker.
/// </summary>
public static class NewsLines
{
    private static readonly string[] RelatedMarkers = [Fold("اقرأ أيضا"), Fold("إقرأ أيضا"), Fold("اقرأ كذلك"), Fold("اقرأ المزيد")];
    private static readonly string RelatedNews = Fold("أخبار ذات صلة");
    private static readonly string[] SourcePrefixes = [Fold("المصدر"), Fold("مصدر"), "source"];
    private static readonly string[] KeywordPrefixes = [Fold("كلمات دلالية"), Fold("الكلمات الدلالية"), Fold("كلمات مفتاحية"), Fold("وسوم"), "tags", "keywords"];
    private static readonly string[] DatePrefixes = [Fold("تاريخ النشر"), Fold("نشر بتاريخ"), Fold("نشر في"), Fold("تاريخ"), "published", "date"];
    private static readonly HashSet<string> Widgets = new(StringComparer.Ordinal)
    {
        Fold("مناقشة"), Fold("تعليقات"), Fold("التعليقات"), Fold("شارك"), Fold("شارك الخبر"), Fold("طباعة"), Fold("أخبار ذات صلة"), Fold("اقرأ أيضا"),
    };

    /// <summary>A line starting with «اقرأ أيضاً»; <paramref name="rest"/> is what follows the marker on the same line (a glued headline, or empty).</summary>
    public static bool IsRelatedMarker(string line, out string rest)
    {
        foreach (var marker in RelatedMarkers)
            if (TryStripPrefix(line, marker, PrefixEnd.Glued, out rest)) return true;
        rest = "";
        return false;
    }

    /// <summary>Removes a «أخبار ذات صلة» label glued to the start of a paragraph.</summary>
    public static string StripRelatedNewsLabel(string line) => TryStripPrefix(line, RelatedNews, PrefixEnd.Glued, out var rest) ? rest : line;

    /// <summary>«المصدر: الأسبوع», «مصدر | وكالة تسنيم |», «Source: Reuters».</summary>
    public static bool TrySource(string line, out string source)
    {
        source = "";
        if (line.Length > 120) return false;
        foreach (var prefix in SourcePrefixes)
        {
            // «المصدر الأمني قال» is prose: a source label needs its «:» or «|».
            if (!TryStripPrefix(line, prefix, PrefixEnd.Separator, out var rest)) continue;
            source = rest.Trim().Trim('|', ':', '-', '–', ' ').Trim();
            return source.Length > 0;
        }
        return false;
    }

    public static bool TryKeywords(string line, out IReadOnlyList<string> keywords)
    {
        keywords = [];
        foreach (var prefix in KeywordPrefixes)
        {
            if (!TryStripPrefix(line, prefix, PrefixEnd.WordBoundary, out var rest)) continue;
            keywords = SplitKeywords(rest);
            return true;
        }
        return false;
    }

    /// <summary>
    /// «تاريخ النشر: 12th, October 2023 GMT», or a line that is nothing but a date. A labelled line whose date cannot
    /// be read is still a date line (so it is kept out of the body) but yields no date: it is never guessed.
    /// </summary>
    public static bool TryDateLine(string line, out DateTimeOffset? published)
    {
        published = null;
        foreach (var prefix in DatePrefixes)
        {
            if (!TryStripPrefix(line, prefix, PrefixEnd.Separator, out var rest)) continue;
            if (rest.Length > 80) return false; // a sentence that happens to start with the word, not a label
            published = ArticleDates.ParseOrNull(rest);
            return true;
        }
        if (!ArticleDates.TryParse(line, out var date)) return false;
        published = date;
        return true;
    }

    /// <summary>A wire dateline «موسكو، كييف (الاتحاد، وكالات)»: places, then the outlet in parentheses.</summary>
    public static bool TryDateline(string line, out string outlet)
    {
        outlet = "";
        var trimmed = line.Trim();
        if (trimmed.Length > 80 || !trimmed.EndsWith(')')) return false;
        var open = trimmed.LastIndexOf('(');
        if (open <= 0 || trimmed[..open].Trim().Length == 0) return false;
        var inside = trimmed[(open + 1)..^1];
        var first = inside.Split(['،', ','], 2)[0].Trim();
        if (first.Length is 0 or > 40) return false;
        outlet = first;
        return true;
    }

    /// <summary>An outlet name alone on a line, such as «Sputnik» in an Arabic article: a short Latin-script line.</summary>
    public static bool TryBareOutlet(string line, out string outlet)
    {
        outlet = line.Trim();
        if (outlet.Length is < 2 or > 30) return false;
        var words = 1;
        foreach (var c in outlet)
        {
            if (c == ' ') words++;
            else if (!(char.IsAsciiLetter(c) || c is '.' or '-' or '&' or '\'')) return false;
        }
        return words <= 3;
    }

    /// <summary>Page furniture left by the scraper at the end of an article: «مناقشة», «تعليقات», «شارك».</summary>
    public static bool IsWidget(string line) => line.Length < 20 && Widgets.Contains(Fold(line.Trim().TrimEnd(':')));

    /// <summary>
    /// A related-article link left in the text: a short line that does not end a sentence. Prose paragraphs end with
    /// a terminal mark (possibly inside closing quotes); headlines do not.
    /// </summary>
    public static bool IsHeadlineLike(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length is 0 or > 160) return false;
        var end = trimmed.Length - 1;
        while (end > 0 && SentenceSplitter.IsCloser(trimmed[end])) end--;
        var last = trimmed[end];
        if (SentenceSplitter.IsTerminal(last) || last is ':' or '؛' or ';' or '،' or ',') return false;
        return CountWords(trimmed) <= 25;
    }

    /// <summary>
    /// Removes «اقرأ أيضاً: headline» lines, and the headlines listed right under a bare marker, from a body that is
    /// otherwise prose (JSON sources). Cheap when there is no marker, which is the common case.
    /// </summary>
    public static string RemoveRelatedLinks(string body)
    {
        if (body.IndexOf("قرأ", StringComparison.Ordinal) < 0 && body.IndexOf("قرا", StringComparison.Ordinal) < 0) return body;
        var lines = body.Split('\n');
        var kept = new List<string>(lines.Length);
        var inList = false;
        foreach (var line in lines)
        {
            if (IsRelatedMarker(line, out _)) { inList = true; continue; }
            if (inList && IsHeadlineLike(line)) continue;
            inList = false;
            kept.Add(line);
        }
        return kept.Count == lines.Length ? body : string.Join('\n', kept);
    }

    /// <summary>
    /// Keywords as the scraper printed them, usually space-separated without delimiters. Words are kept as phrases
    /// where Arabic makes that safe: a definite adjective («الشمالية») or a number joins the word before it.
    /// </summary>
    public static IReadOnlyList<string> SplitKeywords(string text)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void AddKeyword(string keyword)
        {
            keyword = keyword.Trim().Trim('#', '-', '–', '|');
            if (keyword.Length > 0 && seen.Add(Fold(keyword))) result.Add(keyword);
        }

        var parts = text.Split(['،', ',', '؛', ';', '|', '#', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length > 1)
        {
            foreach (var part in parts) AddKeyword(part);
            return result;
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var phrase = "";
        foreach (var word in words)
        {
            var joinsPrevious = phrase.Length > 0 && !Fold(phrase).Split(' ')[^1].StartsWith("ال", StringComparison.Ordinal) &&
                                (Fold(word).StartsWith("ال", StringComparison.Ordinal) || word.All(char.IsAsciiDigit));
            if (joinsPrevious) phrase += " " + word;
            else
            {
                if (phrase.Length > 0) AddKeyword(phrase);
                phrase = word;
            }
        }
        if (phrase.Length > 0) AddKeyword(phrase);
        return result;
    }

    /// <summary>What may follow a line prefix for it to count as a label.</summary>
    public enum PrefixEnd
    {
        /// <summary>Anything, even a word glued on by the scraper («اقرأ أيضاًالبرلمان»).</summary>
        Glued,
        /// <summary>Not a letter: «كلمات دلالية بوتين» but not «وسومات».</summary>
        WordBoundary,
        /// <summary>«:», «|», «-» or the end of the line: «المصدر: RT» but not «المصدر الأمني».</summary>
        Separator,
    }

    /// <summary>
    /// Matches <paramref name="foldedPrefix"/> at the start of <paramref name="line"/> comparing folded letters, and
    /// returns the rest with leading separators removed.
    /// </summary>
    public static bool TryStripPrefix(string line, string foldedPrefix, PrefixEnd end, out string rest)
    {
        rest = "";
        var i = 0;
        while (i < line.Length && char.IsWhiteSpace(line[i])) i++;
        var matched = 0;
        for (; i < line.Length && matched < foldedPrefix.Length; i++)
        {
            var folded = char.ToLowerInvariant(ArabicNormalizer.Fold(line[i]));
            if (folded == '\0') continue;
            if (folded != foldedPrefix[matched]) return false;
            matched++;
        }
        if (matched < foldedPrefix.Length) return false;
        // Tanween and tashkeel that trail the prefix («أيضاً») belong to it.
        while (i < line.Length && ArabicNormalizer.Fold(line[i]) == '\0') i++;
        if (end == PrefixEnd.WordBoundary && i < line.Length && char.IsLetter(line[i])) return false;
        var sawSeparator = false;
        while (i < line.Length && (char.IsWhiteSpace(line[i]) || IsLabelSeparator(line[i])))
        {
            sawSeparator |= IsLabelSeparator(line[i]);
            i++;
        }
        if (end == PrefixEnd.Separator && i < line.Length && !sawSeparator) return false;
        rest = line[i..].Trim();
        return true;
    }

    private static bool IsLabelSeparator(char c) => c is ':' or '：' or '|' or '-' or '–';

    private static int CountWords(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) inWord = false;
            else if (!inWord) { inWord = true; words++; }
        }
        return words;
    }

    private static string Fold(string text) => ArabicNormalizer.NormalizeLower(text);
}
