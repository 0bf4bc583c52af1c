using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Retrieval.CrossLingual;
using QABot.Text.Analysis;

namespace QABot.Answering.Extractive;

/// <summary>
/// The content words of a question, each as the set of analyzed terms that would count as evidence for it.
/// An Arabic word is its own stem; an English word is its English stem (for English articles) plus the Arabic terms of
/// its dictionary, gazetteer and transliteration alternatives (for Arabic articles). Coverage of these groups is what
/// the answerer's refusal threshold is calibrated on.
/// </summary>
public sealed class QueryTermGroups
{
    private readonly List<HashSet<string>> _groups;
    private readonly List<double> _trust;

    private QueryTermGroups(List<HashSet<string>> groups, List<double> trust) => (_groups, _trust) = (groups, trust);

    public int Count => _groups.Count;

    public override string ToString() => string.Join(" | ", _groups.Select(g => string.Join(",", g.Take(6))));

    public static async Task<QueryTermGroups> BuildAsync(string question, string language, IQueryPlanner planner, CancellationToken cancellationToken)
    {
        var groups = new List<HashSet<string>>();
        var trust = new List<double>();
        if (language != Languages.English)
        {
            // One group per word: the analyzer emits a word's proclitic-free form (لكيم → كيم) as an alternative at the same position.
            var seenTerms = new HashSet<string>(StringComparer.Ordinal);
            foreach (var word in SearchAnalysis.Analyze(question, Languages.Arabic).GroupBy(t => t.Position))
            {
                // Question words (ماذا، متى، كم…) never get here: the shared analysis drops them as stop words.
                var terms = word.Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
                if (terms.All(t => !seenTerms.Add(t))) continue;
                groups.Add(terms);
                trust.Add(1.0);
            }
            return new QueryTermGroups(groups, trust);
        }

        // Consecutive capitalised words are one name ("Kim Jong Un"): the name is evidence, not each of its parts.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (words, isName) in EnglishContentRuns(EnglishQuestion.Tokenize(question)))
        {
            var phrase = string.Join(' ', words);
            if (!seen.Add(phrase.ToLowerInvariant())) continue;
            var group = new HashSet<string>(SearchAnalysis.Terms(phrase, Languages.English), StringComparer.Ordinal);
            var expansions = await planner.ExpandAsync(phrase, cancellationToken);
            var arabic = expansions.SelectMany(p => SearchAnalysis.Terms(p.Text, Languages.Arabic)).ToList();
            group.UnionWith(arabic);
            if (group.Count == 0) continue;
            groups.Add(group);
            trust.Add(arabic.Count == 0 ? UntranslatedTrust : isName ? 1.0 : DictionaryWordTrust);
        }
        return new QueryTermGroups(groups, trust);
    }

    /// <summary>
    /// A dictionary rendering of an English word often differs from the article's wording ("give" → أعط, the article
    /// says أهدى), so a missing common word weighs less than a missing name, which transliterates reliably.
    /// </summary>
    private const double DictionaryWordTrust = 0.6;
    private const double UntranslatedTrust = 0.3;

    private static IEnumerable<(IReadOnlyList<string> Words, bool IsName)> EnglishContentRuns(IReadOnlyList<EnglishToken> tokens)
    {
        var name = new List<string>();
        foreach (var token in tokens)
        {
            if (token.Capitalized && !token.IsStopWord) { name.Add(token.Text); continue; }
            if (name.Count > 0) { yield return (name, true); name = []; }
            if (!token.IsStopWord) yield return ([token.Text], false);
        }
        if (name.Count > 0) yield return (name, true);
    }

    /// <summary>Which groups have at least one term in <paramref name="terms"/>.</summary>
    public bool[] Matches(IReadOnlySet<string> terms)
    {
        var matched = new bool[_groups.Count];
        for (var i = 0; i < _groups.Count; i++)
            matched[i] = _groups[i].Overlaps(terms);
        return matched;
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

    public static double Weighted(bool[] matched, double[] weights)
    {
        var sum = 0.0;
        for (var i = 0; i < matched.Length; i++) if (matched[i]) sum += weights[i];
        return sum;
    }

    public double Coverage(IReadOnlySet<string> terms, double[] weights)
    {
        var total = weights.Sum();
        return total <= 0 ? 0 : Weighted(Matches(terms), weights) / total;
    }
}
