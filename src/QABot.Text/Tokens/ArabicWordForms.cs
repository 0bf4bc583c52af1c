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

/// <summary>
/// A closed list of words (month names, number words) that callers look up by each of a word's
/// <see cref="ArabicWordForms.Bases"/>: tells cheaply, without taking the word apart, that no base form of it can be in
/// the list. A base form is the word less at most five leading letters, or «ال» and what a «لل» word leaves, so a word
/// none of whose ends is a listed word (or one less its article) has none. Scans that ask about every word of every
/// sentence read pass over most words this way.
/// </summary>
public sealed class BaseFormFilter
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _ends;

    public BaseFormFilter(IEnumerable<string> words)
    {
        var ends = new HashSet<string>(words, StringComparer.Ordinal);
        ends.UnionWith(ends.Where(w => w.StartsWith("ال", StringComparison.Ordinal) && w.Length > 2).Select(w => w[2..]).ToList());
        _ends = ends.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>False when no base form of the folded word can be one of the words; true when one may be.</summary>
    public bool MayHold(string folded)
    {
        for (var cut = 0; cut <= 5 && folded.Length - cut >= 2; cut++)
            if (_ends.Contains(folded.AsSpan(cut))) return true;
        return false;
    }
}
