using System.Text;

namespace QABot.Retrieval.CrossLingual;

/// <summary>
/// Rule-based Latin → Arabic transliteration for names the gazetteer does not know. English spelling maps to Arabic
/// news spelling ambiguously (g → غ or ج, final s → س or ز, t → ت or ط), so it returns a few variants, the most
/// conventional first.
/// </summary>
public static class Transliterator
{
    private sealed record Segment(string[] Options);

    /// <summary>Arabic spellings of a Latin word, best first; empty for words with no Latin letters.</summary>
    public static IReadOnlyList<string> Transliterate(string word, int maxVariants = 4)
    {
        var segments = Segments(word.ToLowerInvariant().Where(char.IsAsciiLetterLower).ToArray());
        if (segments.Count == 0) return [];
        var variants = new List<string> { Compose(segments, flip: -1) };
        for (var i = 0; i < segments.Count && variants.Count < maxVariants; i++)
        {
            if (segments[i].Options.Length < 2) continue;
            var variant = Compose(segments, flip: i);
            if (variant.Length > 0 && !variants.Contains(variant)) variants.Add(variant);
        }
        return variants.Where(v => v.Length > 0).ToList();
    }

    private static string Compose(List<Segment> segments, int flip)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < segments.Count; i++)
        {
            var options = segments[i].Options;
            var text = i == flip && options.Length > 1 ? options[1] : options[0];
            // Doubled letters are written once in Arabic (Manning → مانينغ).
            if (text.Length == 1 && sb.Length > 0 && sb[^1] == text[0]) continue;
            sb.Append(text);
        }
        return sb.ToString();
    }

    private static List<Segment> Segments(char[] w)
    {
        var segments = new List<Segment>();
        var i = 0;
        while (i < w.Length)
        {
            var first = i == 0;
            var last = i == w.Length - 1;
            var next = i + 1 < w.Length ? w[i + 1] : '\0';
            string rest = new(w, i, Math.Min(3, w.Length - i));

            (string[] options, int consumed) rule = rest switch
            {
                _ when rest.StartsWith("sch") => (["ش"], 3),
                _ when rest.StartsWith("tch") => (["تش"], 3),
                _ when rest.StartsWith("ch") => (["تش", "ش"], 2),
                _ when rest.StartsWith("sh") => (["ش"], 2),
                _ when rest.StartsWith("th") => (["ث", "ت"], 2),
                _ when rest.StartsWith("kh") => (["خ"], 2),
                _ when rest.StartsWith("gh") => (first ? ["غ"] : [""], 2),
                _ when rest.StartsWith("ph") => (["ف"], 2),
                _ when rest.StartsWith("zh") => (["ج"], 2),
                _ when rest.StartsWith("ck") => (["ك"], 2),
                _ when rest.StartsWith("qu") => (["كو", "ك"], 2),
                _ when rest.StartsWith("ng") && i + 2 == w.Length => (["نغ", "نج"], 2),
                _ when rest.StartsWith("ee") || rest.StartsWith("ea") || rest.StartsWith("ie") || rest.StartsWith("ey") => (first ? ["اي"] : ["ي"], 2),
                _ when rest.StartsWith("ay") || rest.StartsWith("ai") || rest.StartsWith("ei") => (first ? ["اي"] : ["ي", "اي"], 2),
                _ when rest.StartsWith("oo") || rest.StartsWith("ou") => (first ? ["او"] : ["و"], 2),
                _ when rest.StartsWith("au") || rest.StartsWith("aw") => (first ? ["او"] : ["او", "و"], 2),
                _ when rest.StartsWith("oi") || rest.StartsWith("oy") => (["وي"], 2),
                _ => (Single(w[i], first, last, next), 1),
            };
            segments.Add(new Segment(rule.options));
            i += rule.consumed;
        }
        return segments;
    }

    private static string[] Single(char c, bool first, bool last, char next) => c switch
    {
        'a' => first ? ["ا"] : last ? ["ا", "ة"] : ["ا", ""],
        'e' => first ? ["ا"] : last ? [""] : ["", "ي"],
        'i' => first ? ["ا"] : ["ي", ""],
        'o' => first ? ["او"] : ["و"],
        'u' => first ? ["او"] : ["و"],
        'y' => first ? ["ي"] : ["ي"],
        'b' => ["ب"],
        'c' => next is 'e' or 'i' or 'y' ? ["س"] : ["ك"],
        'd' => ["د"],
        'f' => ["ف"],
        'g' => next is 'e' or 'i' or 'y' ? ["ج", "غ"] : ["غ", "ج"],
        'h' => ["ه"],
        'j' => ["ج"],
        'k' => ["ك"],
        'l' => ["ل"],
        'm' => ["م"],
        'n' => ["ن"],
        'p' => ["ب"],
        'q' => ["ك", "ق"],
        'r' => ["ر"],
        's' => last ? ["س", "ز"] : ["س"],
        't' => ["ت", "ط"],
        'v' => ["ف"],
        'w' => ["و"],
        'x' => ["كس"],
        'z' => ["ز"],
        _ => [""],
    };
}
