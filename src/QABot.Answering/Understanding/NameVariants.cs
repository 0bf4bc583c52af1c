using System.Text;
using QABot.Text;

namespace QABot.Answering.Understanding;

/// <summary>
/// How Arabic writes one foreign name several ways: «سونغ»/«سون» (ng), «سيرغي»/«سيرجي»/«سيرقي» (g), «أمريكا»/«أميركا» and
/// «بيلوسوف»/«بيلؤوسوف» (long vowels written or not, or elsewhere), «تشوي»/«شوي» (ch), «ة»/«ه», with or without «ال».
/// A name's word and the evidence's word that share a <see cref="Key"/> are the same name spelt two usual ways.
/// </summary>
public static class NameVariants
{
    /// <summary>
    /// The word reduced to what every usual spelling of it keeps: no «ال», no long vowels after the first letter, «غ»,
    /// «ق» and «ج» as one g, «نغ»/«نج»/«نك» as n, «تش» as «ش», «ط» as «ت», doubled letters once, no final «ه». Null for a
    /// word that is not Arabic.
    /// </summary>
    public static string? Key(string term)
    {
        if (term.Length < 2 || !ArabicNormalizer.IsArabicLetter(term[0])) return null;
        var word = term.Length > 4 && term.StartsWith("ال", StringComparison.Ordinal) ? term[2..] : term;
        var key = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            var next = i + 1 < word.Length ? word[i + 1] : '\0';
            if (i > 0 && c is 'ا' or 'و' or 'ي') continue;
            if (c == 'ن' && next is 'غ' or 'ج' or 'ك' && i + 2 == word.Length) { key.Append('ن'); i++; continue; }
            if (c == 'ت' && next == 'ش') continue;
            var letter = c switch { 'غ' or 'ق' => 'ج', 'ط' => 'ت', _ => c };
            if (key.Length > 0 && key[^1] == letter) continue;
            key.Append(letter);
        }
        if (key.Length > 1 && key[^1] == 'ه') key.Length--;
        return key.ToString();
    }

    /// <summary>
    /// Whether the evidence's <paramref name="terms"/> carry a word of a name (the word's analyzed forms): one of its
    /// forms, or a form of the same <see cref="Key"/>. A short key collides across unrelated words, so alone it counts
    /// only from three letters; within a name of several words, whose other words must be there too, from two.
    /// An <paramref name="approximate"/> spelling (a guessed transliteration) also accepts one letter more, less or
    /// changed, as the press spells «بيلوسوف» and «بيلؤوسوف».
    /// </summary>
    public static bool Carries(IReadOnlySet<string> word, IReadOnlySet<string> terms, bool inPhrase, bool approximate)
    {
        if (word.Overlaps(terms)) return true;
        if (approximate && word.Any(w => w.Length >= 5 && terms.Any(t => NearMiss(w, t)))) return true;
        var minimum = inPhrase ? 2 : 3;
        var keys = word.Select(Key).Where(k => k is not null && k.Length >= minimum).ToHashSet(StringComparer.Ordinal);
        return keys.Count > 0 && terms.Any(t => Key(t) is { } key && keys.Contains(key));
    }

    /// <summary>
    /// The spellings of a guessed transliteration with its g written as each other letter the press uses for it («غ»,
    /// «ج», «ق»): "ghibli" is «غيبلي» to the transliterator and «جيبلي» to the press. None when it has no g.
    /// </summary>
    public static IEnumerable<string> OtherGs(string spelling)
    {
        if (!spelling.Any(c => c is 'غ' or 'ج' or 'ق')) yield break;
        foreach (var g in new[] { 'غ', 'ج', 'ق' })
        {
            var other = new string(spelling.Select(c => c is 'غ' or 'ج' or 'ق' ? g : c).ToArray());
            if (other != spelling) yield return other;
        }
    }

    /// <summary>One letter added, dropped or changed: how a guessed transliteration differs from the press's spelling.</summary>
    private static bool NearMiss(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1 || b.Length < 5) return false;
        var (i, j, edits) = (0, 0, 0);
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { i++; j++; continue; }
            if (++edits > 1) return false;
            if (a.Length > b.Length) i++;
            else if (b.Length > a.Length) j++;
            else { i++; j++; }
        }
        return edits + (a.Length - i) + (b.Length - j) <= 1;
    }
}
