namespace QABot.Core.Retrieval;

/// <summary>
/// Turns a question into a <see cref="SearchRequest"/>: detects its language and, for English, adds Arabic
/// alternatives (dictionary translation, transliterated names, optional LLM expansion).
/// </summary>
public interface IQueryPlanner
{
    Task<SearchRequest> PlanAsync(string question, int top, DateRange? publishedRange = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The Arabic alternatives <see cref="PlanAsync"/> would add for <paramref name="text"/>, without building a search
    /// (no embedding request): for callers that match evidence word by word.
    /// </summary>
    async Task<IReadOnlyList<WeightedPhrase>> ExpandAsync(string text, CancellationToken cancellationToken = default) =>
        (await PlanAsync(text, 1, null, cancellationToken)).Expansions;
}

/// <summary>A source of Arabic alternatives for an English query; several are merged by the planner.</summary>
public interface IQueryExpander
{
    string Name { get; }
    Task<IReadOnlyList<WeightedPhrase>> ExpandAsync(string question, string language, CancellationToken cancellationToken = default);
}
