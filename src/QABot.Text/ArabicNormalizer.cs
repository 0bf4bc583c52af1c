using System.Text;

namespace QABot.Text;

/// <summary>
/// The one Arabic normalization used by indexing, querying, hashing and answer matching, so that
/// «أهدى», «اهدى» and «أَهْدَى» meet. Only letter shapes are folded; words are not stemmed here.
/// </summary>
public static class ArabicNormalizer
{
    /// <summary>Folds hamza/alef forms, ى→ي, ة→ه, Persian look-alikes, removes tashkeel and tatweel, maps Arabic-Indic digits to ASCII.</summary>
    public static string Normalize(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var folded = Fold(c);
            if (folded != '\0') sb.Append(folded);
        }
        return sb.ToString();
    }

    /// <summary>
    /// <see cref="Normalize(string)"/> then invariant lower case, as words are compared. Arabic letters have no case, and
    /// .NET lower-cases any non-ASCII string through ICU (a tenth of a question's answering time went there): text of
    /// ASCII and caseless Arabic letters is lowered here, and the original string comes back when nothing changed.
    /// </summary>
    public static string NormalizeLower(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var w = 0;
        var changed = false;
        foreach (var c in text)
        {
            var folded = Fold(c);
            if (folded == '\0') { changed = true; continue; }
            if (folded is >= 'A' and <= 'Z') folded = (char)(folded + ('a' - 'A'));
            else if (folded >= '\u0080' && !IsCaseless(folded)) return Normalize(text).ToLowerInvariant();
            changed |= folded != c;
            buffer[w++] = folded;
        }
        return changed ? new string(buffer[..w]) : text;
    }

    /// <summary>Arabic script blocks and the direction and joiner marks news text carries: lower case leaves them as they are.</summary>
    private static bool IsCaseless(char c) =>
        c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\u08A0' and <= '\u08FF'
            or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF' or >= '\u200B' and <= '\u200F' or '\u00A0';

    /// <summary>Normalizes a span in place semantics for token filters: returns the new length.</summary>
    public static int Normalize(Span<char> buffer)
    {
        var w = 0;
        for (var r = 0; r < buffer.Length; r++)
        {
            var folded = Fold(buffer[r]);
            if (folded != '\0') buffer[w++] = folded;
        }
        return w;
    }

    /// <summary>Returns the folded character, or '\0' when the character is dropped (diacritics, tatweel).</summary>
    public static char Fold(char c) => c switch
    {
        // Alef with hamza above/below, madda, wasla -> bare alef.
        'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
        // Hamza on waw / yeh carriers: folded to the carrier, as Lucene's Arabic normalizer does for alef only;
        // we fold them too because news spelling varies (مسؤول/مسئول).
        'ؤ' => 'و',
        'ئ' => 'ي',
        'ى' => 'ي',
        'ة' => 'ه',
        // Persian/Urdu look-alikes that appear in scraped Arabic text (کیم, کوریا).
        'ک' => 'ك',
        'ی' or 'ي' => 'ي',
        'ھ' or 'ہ' => 'ه',
        'ـ' => '\0', // tatweel
        >= '\u064B' and <= '\u065F' => '\0', // tashkeel (fathatan .. wavy hamza below)
        '\u0670' => '\0', // superscript alef
        >= '\u06D6' and <= '\u06ED' => '\0', // Quranic annotation marks
        >= '٠' and <= '٩' => (char)('0' + (c - '٠')),
        >= '۰' and <= '۹' => (char)('0' + (c - '۰')),
        _ => c,
    };

    public static bool IsArabicLetter(char c) =>
        (c >= '\u0621' && c <= '\u064A') || (c >= '\u0671' && c <= '\u06D3') || (c >= '\u06FA' && c <= '\u06FF');
}
