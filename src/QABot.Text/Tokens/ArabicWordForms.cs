namespace QABot.Text.Tokens;

/// <summary>
/// The forms a folded Arabic word may stand for once its attached particles are taken off: a conjunction (و، ف), then a
/// preposition (ب، ل، ك) and the article (ال، لل). «وبالستة» may be «ستة»; «والأيام» may be «أيام». Callers look each form
/// up in their own closed lists (number words, month names, units), so a word that merely starts with those letters
/// («بوتين», «ليبيا») does no harm: its stripped forms are not in any list.
/// </summary>
public static class ArabicWordForms
{
    /// <summary>The word itself first, then ever shorter forms; every form keeps at least two letters.</summary>
    public static IEnumerable<string> Bases(string folded)
    {
        yield return folded;
        var word = folded;
        if (word.Length > 2 && word[0] is 'و' or 'ف')
        {
            word = word[1..];
            yield return word;
        }
        if (word.StartsWith("لل", StringComparison.Ordinal) && word.Length > 3)
        {
            yield return word[2..];
            yield return "ال" + word[2..];
            yield break;
        }
        if (word.Length > 2 && word[0] is 'ب' or 'ل' or 'ك')
        {
            word = word[1..];
            yield return word;
        }
        if (word.StartsWith("ال", StringComparison.Ordinal) && word.Length > 3)
            yield return word[2..];
    }

    /// <summary>The word without its article and attached particles, when it has them (the last of <see cref="Bases"/>).</summary>
    public static string Bare(string folded) => Bases(folded).Last();

    /// <summary>True when the word carries the definite article, possibly after a conjunction or preposition («والرئيس», «للرئيس»).</summary>
    public static bool IsDefinite(string folded) =>
        Bases(folded).Any(f => f.StartsWith("ال", StringComparison.Ordinal) && f.Length > 3) || (folded.StartsWith("لل", StringComparison.Ordinal) && folded.Length > 3);
}
