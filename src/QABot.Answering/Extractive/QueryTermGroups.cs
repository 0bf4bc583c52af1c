using System.Text.RegularExpressions;
using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Text.Analysis;

namespace QABot.Answering.Extractive;

/// <summary>
/// The content words of a question, each as the set of analyzed terms that would count as evidence for it.
/// An Arabic word is its own stem; an English word is its English stem (for English articles) plus the Arabic terms of
/// its dictionary, gazetteer and transliteration alternatives (for Arabic articles). Coverage of these groups is what
/// the answerer's refusal threshold is calibrated on.
/// </summary>
public sealed partial class QueryTermGroups
{
    private readonly List<HashSet<string>> _groups;

    private QueryTermGroups(List<HashSet<string>> groups) => _groups = groups;

    public int Count => _groups.Count;

    public static async Task<QueryTermGroups> BuildAsync(string question, string language, IQueryPlanner planner, CancellationToken cancellationToken)
    {
        var groups = new List<HashSet<string>>();
        if (language != Languages.English)
        {
            foreach (var term in SearchAnalysis.Terms(question, Languages.Arabic).Distinct())
                groups.Add([term]);
            return new QueryTermGroups(groups);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match word in EnglishWord().Matches(question))
        {
            var stems = SearchAnalysis.Terms(word.Value, Languages.English);
            if (stems.Count == 0 || !seen.Add(stems[0])) continue;
            var group = new HashSet<string>(stems, StringComparer.Ordinal);
            var plan = await planner.PlanAsync(word.Value, 1, null, cancellationToken);
            foreach (var phrase in plan.Expansions)
                foreach (var term in SearchAnalysis.Terms(phrase.Text, Languages.Arabic))
                    group.Add(term);
            groups.Add(group);
        }
        return new QueryTermGroups(groups);
    }

    /// <summary>Which groups have at least one term in <paramref name="terms"/>.</summary>
    public bool[] Matches(IReadOnlySet<string> terms)
    {
        var matched = new bool[_groups.Count];
        for (var i = 0; i < _groups.Count; i++)
            matched[i] = _groups[i].Overlaps(terms);
        return matched;
    }

    public double Coverage(IReadOnlySet<string> terms) =>
        _groups.Count == 0 ? 0 : Matches(terms).Count(m => m) / (double)_groups.Count;

    [GeneratedRegex(@"[\p{L}\p{N}]+(['’][\p{L}]+)?")]
    private static partial Regex EnglishWord();
}
