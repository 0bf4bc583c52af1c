using System.Text;

namespace QABot.Retrieval.CrossLingual;

/// <summary>
/// Rule-based Arabic → Latin transliteration of names the gazetteer does not know, in the spelling English news uses
/// (al-, kh, sh, gh, th, -ov, -ski, -iya) rather than a scholarly scheme. Arabic script leaves short vowels out, so
/// they are guessed («a» where two consonants would otherwise meet at the start or end of a word, or three in a row)
/// unless the text carries its vowel marks. A fallback: «محمد» gives "Mahmad", where the press writes "Mohammed".
/// </summary>
public static class ArabicRomanizer
{
    private const char Fatha = '\u064E', Damma = '\u064F', Kasra = '\u0650', Shadda = '\u0651', Sukun = '\u0652';

    /// <summary>The Latin spelling of an Arabic phrase, each word capitalised; empty when nothing in it is Arabic.</summary>
    public static string Romanize(string arabic)
    {
        var words = new List<string>();
        foreach (var word in arabic.Split((char[])[' ', '\t', '\n', '\u00A0'], StringSplitOptions.RemoveEmptyEntries))
        {
            var latin = RomanizeWord(word);
            if (latin.Length > 0) words.Add(latin);
        }
        return string.Join(' ', words);
    }

    private static string RomanizeWord(string word)
    {
        var letters = word.Replace("\u0640", "").Where(c => Text.ArabicNormalizer.IsArabicLetter(c) || IsMark(c)).ToArray();
        if (!letters.Any(Text.ArabicNormalizer.IsArabicLetter)) return "";
        var bare = new string(letters.Where(c => !IsMark(c)).ToArray());
        if (Particles.TryGetValue(Text.ArabicNormalizer.Normalize(bare), out var particle)) return particle;

        // The article: al-Baghdadi, al-Hariri (sun letters are not assimilated; news rarely does it either).
        if (bare.Length > 3 && bare.StartsWith("ال", StringComparison.Ordinal) && letters[0] == 'ا' && letters[1] == 'ل')
            return "al-" + Capitalize(Units(letters[2..]));
        return Capitalize(Units(letters));
    }

    /// <summary>Common name particles with their fixed English forms.</summary>
    private static readonly Dictionary<string, string> Particles = new(StringComparer.Ordinal)
    {
        ["بن"] = "bin", ["ابن"] = "ibn", ["بنت"] = "bint", ["ابو"] = "Abu", ["ابي"] = "Abi", ["ام"] = "Umm", ["عبد"] = "Abd",
        ["ال"] = "Al", ["ابا"] = "Aba", ["دي"] = "de", ["فون"] = "von", ["فان"] = "van",
    };

    /// <param name="Guessed">A vowel the script did not write (inserted by <see cref="GuessVowels"/>).</param>
    private readonly record struct Unit(string Latin, bool IsVowel, bool Guessed = false);

    private static string Units(ReadOnlySpan<char> letters)
    {
        var units = new List<Unit>();
        var marked = letters.ContainsAny([Fatha, Damma, Kasra, Sukun]);
        for (var i = 0; i < letters.Length; i++)
        {
            var c = letters[i];
            if (IsMark(c))
            {
                if (units.Count == 0) continue;
                // Written vowels replace the guess; sukun and tanween add nothing.
                if (c == Shadda && !units[^1].IsVowel) units.Add(units[^1]);
                else if (c is Fatha or Damma or Kasra) units.Add(new(c == Fatha ? "a" : c == Damma ? "u" : "i", true));
                continue;
            }
            var first = units.Count == 0;
            var rest = Remaining(letters, i);
            var previousIsVowel = !first && units[^1].IsVowel;
            var nextIsVowelLetter = rest.Length > 1 && rest[1] is 'ا' or 'ى' or 'و' or 'ي' or 'ة' or 'آ';
            var atEnd = rest.Length == 1;

            // Endings the press spells by convention.
            if (rest is "وف" && !first) { units.Add(new("o", true)); units.Add(new("v", false)); break; }
            if (rest is "يف" && !first && units.Count >= 2) { units.Add(new("e", true)); units.Add(new("v", false)); break; }
            if (rest is "ية" or "يه" && !first && !previousIsVowel) { units.Add(new("iya", true)); break; }

            units.Add(c switch
            {
                'ا' or 'آ' or 'أ' => new(c == 'ا' && !first && previousIsVowel ? "" : "a", true),
                'إ' => new("i", true),
                'ى' => new("a", true),
                'ة' => atEnd ? new("a", true) : new("t", false),
                'و' when first || (previousIsVowel && !atEnd) || nextIsVowelLetter && !atEnd => new("w", false),
                'و' => new("u", true),
                'ي' when first || (previousIsVowel && !atEnd) || nextIsVowelLetter && !atEnd => new("y", false),
                'ي' => new("i", true),
                'ئ' => new("i", true),
                'ؤ' => new("u", true),
                'ء' => new("", false),
                // Silent in English spelling but a consonant for the vowel guess: سعد → Saad, علي → Ali.
                'ع' => new("'", false),
                _ => new(Consonant(c), false),
            });
        }
        return marked ? Join(units) : Join(GuessVowels(units));
    }

    /// <summary>The letters from <paramref name="from"/> on, without vowel marks.</summary>
    private static string Remaining(ReadOnlySpan<char> letters, int from)
    {
        var sb = new StringBuilder();
        foreach (var c in letters[from..]) if (!IsMark(c)) sb.Append(c);
        return sb.ToString();
    }

    /// <summary>Inserts «a» where Arabic syllables need a vowel the script left out.</summary>
    private static List<Unit> GuessVowels(List<Unit> units)
    {
        var result = new List<Unit>();
        var consonantsInRow = 0;
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            if (!unit.IsVowel && unit.Latin.Length > 0)
            {
                var previousConsonant = consonantsInRow > 0;
                var wordInitialCluster = previousConsonant && result.Count(u => u.Latin.Length > 0) == 1;
                var wordFinalCluster = previousConsonant && i == units.Count - 1;
                if (wordInitialCluster || wordFinalCluster || consonantsInRow >= 2)
                {
                    // After a written long «a» the last syllable is usually «i» (the فاعل pattern: Khalid, Hamid).
                    var afterLongA = wordFinalCluster && result.Count >= 2 && result[^2] is { IsVowel: true, Latin: "a", Guessed: false };
                    result.Add(new(afterLongA ? "i" : "a", true, Guessed: true));
                    consonantsInRow = 0;
                }
                consonantsInRow++;
            }
            else if (unit.IsVowel) consonantsInRow = 0;
            result.Add(unit);
        }
        return result;
    }

    private static string Join(List<Unit> units)
    {
        var sb = new StringBuilder();
        foreach (var unit in units) sb.Append(unit.Latin);
        // «ع» only separated vowels; English spelling drops it (Ismail, Saad).
        return sb.ToString().Replace("'", "");
    }

    private static string Capitalize(string latin) => latin.Length == 0 ? latin : char.ToUpperInvariant(latin[0]) + latin[1..];

    private static string Consonant(char c) => c switch
    {
        'ب' => "b", 'ت' => "t", 'ث' => "th", 'ج' => "j", 'ح' => "h", 'خ' => "kh", 'د' => "d", 'ذ' => "dh", 'ر' => "r",
        'ز' => "z", 'س' => "s", 'ش' => "sh", 'ص' => "s", 'ض' => "d", 'ط' => "t", 'ظ' => "z", 'غ' => "gh", 'ف' => "f",
        'ق' => "q", 'ك' or 'ک' => "k", 'ل' => "l", 'م' => "m", 'ن' => "n", 'ه' or 'ھ' => "h", 'پ' => "p", 'چ' => "ch",
        'ڤ' or 'ڥ' => "v", 'گ' => "g",
        _ => "",
    };

    private static bool IsMark(char c) => c is >= '\u064B' and <= '\u0652';
}
