using QABot.Core.Retrieval;
using QABot.Text;

namespace QABot.Llm.Tests.Doubles;

/// <summary>Test double of <see cref="IQueryPlanner"/>: detects the language and merges every registered expander's phrases.</summary>
public sealed class ExpandingPlanner(IEnumerable<IQueryExpander> expanders) : IQueryPlanner
{
    public async Task<SearchRequest> PlanAsync(string question, int top, DateRange? publishedRange = null, CancellationToken cancellationToken = default)
    {
        var language = LanguageDetector.Detect(question);
        var expansions = new List<WeightedPhrase>();
        foreach (var expander in expanders) expansions.AddRange(await expander.ExpandAsync(question, language, cancellationToken));
        return new SearchRequest { Text = question, Language = language, Top = top, PublishedRange = publishedRange, Expansions = expansions };
    }
}
