using QABot.Core.Domain;
using QABot.Text;
using QABot.Text.Analysis;
using QABot.Text.Numbers;

namespace QABot.Answering.Extractive;

/// <summary>
/// The content words of a question, each as the set of analyzed terms that would count as evidence for it.
/// An Arabic word is its own stem; an English word is its English stem (for English articles) plus the Arabic terms of
/// its dictionary, gazetteer and transliteration alternatives (for Arabic articles). Coverage of these groups is what
/// the answerer's refusal threshold is calibrated on. Built by <see cref="Understanding.QuestionAnalyzer"/>.
/// </summary>
public sealed class QueryTermGroups
{
    /// <summary>
    /// A dictionary rendering of an English word often differs from the article's wording ("give" → أعط, the article
    /// says أهدى), so a missing common word weighs less than a missing name, which transliterates reliably.
    /// </summary>
    public const double DictionaryWordTrust = 0.6;
    public const double UntranslatedTrust = 0.3;
    public const double NameTrust = 1.0;

    /// <summary>
    /// How much a word counts when the evidence has only a word of the same consonants (the verb for the question's
    /// noun: «اجتمع» for «اجتماع», «أعلن» for «إعلان»), which the light stemmer leaves apart.
    /// </summary>
    public const double SkeletonMatch = 0.6;

    private readonly List<HashSet<string>> _groups = [];
    private readonly List<HashSet<string>> _skeletons = [];
    private readonly List<double> _trust = [];
    private readonly List<bool> _isValue = [];

    public int Count => _groups.Count;

    public IReadOnlySet<string> this[int group] => _groups[group];

    /// <summary>True when the word is a number («ستة», "ten", "2022"): a claim is about its value, which may differ.</summary>
    public bool IsValue(int group) => _isValue[group];

    public override string ToString() => string.Join(" | ", _groups.Select(g => string.Join(",", g.Take(6))));

    /// <summary>Adds a word's terms, unless every one of them is already a group's (a repeated word is one word).</summary>
    public void Add(IEnumerable<string> terms, double trust, bool isValue = false)
    {
        var set = terms.ToHashSet(StringComparer.Ordinal);
        if (set.Count == 0 || _groups.Any(g => g.IsSupersetOf(set))) return;
        _groups.Add(set);
        _skeletons.Add(set.Select(Skeleton).OfType<string>().ToHashSet(StringComparer.Ordinal));
        _trust.Add(trust);
        _isValue.Add(isValue);
    }

    /// <summary>Adds another analysis's groups (a follow-up and the question it follows).</summary>
    public void AddAll(QueryTermGroups other)
    {
        for (var i = 0; i < other.Count; i++) Add(other._groups[i], other._trust[i], other._isValue[i]);
    }

    /// <summary>One group per Arabic word: the analyzer emits a word's proclitic-free form (لكيم → كيم) as an alternative at the same position.</summary>
    /// <param name="trustAt">How much the word starting at an offset counts (1 unless told otherwise).</param>
    /// <param name="senses">Further analyzed terms that count for a (folded) word: the other standard senses of a dialect word.</param>
    public void AddArabic(string text, Func<int, double>? trustAt = null, Func<string, IEnumerable<string>>? senses = null)
    {
        // MSA question words (ماذا، متى، كم…) never get here: the shared analysis drops them as stop words. Dialect
        // particles («شو», «إنو», «اللي», «عشان») and a question word behind a conjunction («ومتى») escape it.
        foreach (var word in SearchAnalysis.Analyze(text, Languages.Arabic).GroupBy(t => t.Position))
        {
            var first = word.First();
            var written = text[first.StartOffset..first.EndOffset];
            var folded = ArabicNormalizer.Normalize(written);
            if (Understanding.QuestionForms.IsArabicFunctionWord(folded, PreviousWord(text, first.StartOffset))) continue;
            var isValue = NumberExpressions.Parse(written) is not null;
            var terms = word.Select(t => t.Text);
            Add(senses is null ? terms : terms.Concat(senses(folded)), trustAt?.Invoke(first.StartOffset) ?? 1.0, isValue);
        }
    }

    /// <summary>The folded word just before <paramref name="offset"/> (a stop word like «كم» leaves no analyzed term).</summary>
    private static string? PreviousWord(string text, int offset)
    {
        var words = text[..offset].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? null : ArabicNormalizer.Normalize(words[^1]);
    }

    /// <summary>
    /// How strongly each group is found in <paramref name="terms"/>: 1 for a shared term, <see cref="SkeletonMatch"/>
    /// for a term of the same consonants, 0 otherwise.
    /// </summary>
    public double[] Matches(IReadOnlySet<string> terms)
    {
        var matched = new double[_groups.Count];
        List<int>? bySkeleton = null;
        for (var i = 0; i < _groups.Count; i++)
        {
            if (Overlaps(_groups[i], terms)) { matched[i] = 1; continue; }
            if (_skeletons[i].Count == 0) continue;
            (bySkeleton ??= []).Add(i);
        }
        if (bySkeleton is null) return matched;
        // One pass over the evidence's terms, their skeletons built in place: a window's or a passage's hundreds of
        // terms were each given a new string (and a set) per call.
        Span<char> buffer = stackalloc char[SkeletonBufferLength];
        foreach (var term in terms)
        {
            var skeleton = term.Length <= SkeletonBufferLength ? SkeletonOf(term, buffer) : Skeleton(term).AsSpan();
            if (skeleton.IsEmpty) continue;
            for (var k = bySkeleton.Count - 1; k >= 0; k--)
            {
                if (!_skeletons[bySkeleton[k]].GetAlternateLookup<ReadOnlySpan<char>>().Contains(skeleton)) continue;
                matched[bySkeleton[k]] = SkeletonMatch;
                bySkeleton.RemoveAt(k);
            }
            if (bySkeleton.Count == 0) break;
        }
        return matched;
    }

    /// <summary>
    /// Whether a group shares a term with the evidence. A group holds a few terms and the evidence (a window, a
    /// passage) hundreds: the group's are looked up there when both sets compare alike, rather than all of the
    /// evidence's in the group.
    /// </summary>
    private static bool Overlaps(HashSet<string> group, IReadOnlySet<string> terms)
    {
        if (terms is HashSet<string> set && ReferenceEquals(set.Comparer, StringComparer.Ordinal) && group.Count < set.Count)
        {
            foreach (var term in group)
                if (set.Contains(term)) return true;
            return false;
        }
        return group.Overlaps(terms);
    }

    private const int SkeletonBufferLength = 128;

    /// <summary>
    /// An Arabic term without its long vowels (ا، و، ي) and final «ه»: what a verb and its verbal noun share. Short
    /// words and two-letter skeletons collide across unrelated words, so they give none.
    /// </summary>
    public static string? Skeleton(string term)
    {
        if (term.Length <= SkeletonBufferLength) return SkeletonOf(term, stackalloc char[SkeletonBufferLength]) is { IsEmpty: false } skeleton ? new string(skeleton) : null;
        return SkeletonOf(term, new char[term.Length]) is { IsEmpty: false } longSkeleton ? new string(longSkeleton) : null;
    }

    /// <summary><see cref="Skeleton"/> written into <paramref name="buffer"/> (at least the term's length); empty when it has none.</summary>
    private static ReadOnlySpan<char> SkeletonOf(string term, Span<char> buffer)
    {
        if (term.Length < 4 || !ArabicNormalizer.IsArabicLetter(term[0])) return default;
        var length = 0;
        foreach (var c in term)
            if (c is not ('ا' or 'و' or 'ي')) buffer[length++] = c;
        while (length > 0 && buffer[length - 1] == 'ه') length--;
        return length >= 3 ? buffer[..length] : default;
    }

    /// <summary>
    /// How much each group tells the candidate passages apart: a word found in every retrieved chunk (the name the
    /// question is about) weighs less than one found in few (the verb that pins the answer), and a word found in none
    /// weighs most, so a question whose key word the corpus lacks cannot reach the coverage threshold.
    /// </summary>
    public double[] WeightsOver(IReadOnlyList<IReadOnlySet<string>> passages)
    {
        var weights = new double[_groups.Count];
        for (var i = 0; i < _groups.Count; i++)
        {
            var df = passages.Count(p => _groups[i].Overlaps(p));
            weights[i] = Math.Log(1 + passages.Count / (1.0 + df));
            weights[i] *= _trust[i];
        }
        return weights;
    }

    /// <summary>
    /// The weight of the question's neighbouring words that a sentence also holds side by side (two positions apart at
    /// most, in either order: Arabic puts «البنك الدولي» for "world bank"). Each pair counts its weaker word. A name
    /// split over two words («سلمان خان») is then told from a sentence that has each word somewhere else
    /// («جبر سالم… خان يونس»).
    /// </summary>
    public double Adjacent(IReadOnlyList<AnalyzedTerm> sentence, double[] weights)
    {
        if (_groups.Count < 2 || sentence.Count == 0) return 0;
        var at = new List<int>[_groups.Count];
        for (var g = 0; g < _groups.Count; g++) at[g] = [];
        foreach (var term in sentence)
        {
            string? skeleton = null;
            var skeletonDone = false;
            for (var g = 0; g < _groups.Count; g++)
            {
                if (_groups[g].Contains(term.Text)) { at[g].Add(term.Position); continue; }
                if (_skeletons[g].Count == 0) continue;
                if (!skeletonDone) (skeleton, skeletonDone) = (Skeleton(term.Text), true);
                if (skeleton is not null && _skeletons[g].Contains(skeleton)) at[g].Add(term.Position);
            }
        }
        var sum = 0.0;
        for (var g = 0; g + 1 < _groups.Count; g++)
            if (at[g].Any(p => at[g + 1].Any(q => q != p && Math.Abs(q - p) <= 2)))
                sum += Math.Min(weights[g], weights[g + 1]);
        return sum;
    }

    public static double Weighted(double[] matched, double[] weights)
    {
        var sum = 0.0;
        for (var i = 0; i < matched.Length; i++) sum += matched[i] * weights[i];
        return sum;
    }

    public double Coverage(IReadOnlySet<string> terms, double[] weights)
    {
        var total = weights.Sum();
        return total <= 0 ? 0 : Weighted(Matches(terms), weights) / total;
    }
}
