using System.Globalization;
using System.Text;
using QABot.Core.Domain;
using QABot.Core.Retrieval;

namespace QABot.Answering.Llm.Context;

/// <summary>A retrieved chunk as the model sees it: numbered from 1 in rank order.</summary>
public sealed record NumberedSource(int Number, Chunk Chunk, double Score)
{
    public ArticleMetadata Metadata => Chunk.Metadata;
}

/// <summary>
/// The retrieved chunks that go into the answer prompt, fitted to the token budget by dropping the lowest-ranked ones.
/// The numbers given here are the only ones the citation guard accepts.
/// </summary>
public sealed class SourceContext
{
    /// <summary>Printed for an article without a date or outlet, so the model has nothing to copy but this.</summary>
    public const string NotStated = "not stated";

    private SourceContext(IReadOnlyList<NumberedSource> sources, int droppedForBudget)
    {
        Sources = sources;
        DroppedForBudget = droppedForBudget;
    }

    public IReadOnlyList<NumberedSource> Sources { get; }

    /// <summary>How many retrieved chunks did not fit the budget.</summary>
    public int DroppedForBudget { get; }

    public bool IsEmpty => Sources.Count == 0;

    public NumberedSource? Find(int number) => number >= 1 && number <= Sources.Count ? Sources[number - 1] : null;

    public static SourceContext Fit(IReadOnlyList<ScoredChunk> ranked, int tokenBudget)
    {
        var ordered = ranked.OrderByDescending(r => r.Score).ToList();
        var kept = new List<NumberedSource>();
        var used = 0;
        foreach (var hit in ordered)
        {
            var candidate = new NumberedSource(kept.Count + 1, hit.Chunk, hit.Score);
            var cost = TokenEstimator.Estimate(Render(candidate));
            if (used + cost > tokenBudget)
            {
                // The best chunk is kept even alone over budget, shortened: an answer needs at least one source.
                if (kept.Count == 0)
                {
                    var room = Math.Max(32, tokenBudget - TokenEstimator.Estimate(Render(candidate with { Chunk = candidate.Chunk with { Text = "" } })));
                    kept.Add(candidate with { Chunk = candidate.Chunk with { Text = TokenEstimator.Truncate(hit.Chunk.Text, room) } });
                }
                break;
            }
            kept.Add(candidate);
            used += cost;
        }
        return new SourceContext(kept, ordered.Count - kept.Count);
    }

    /// <summary>The sources block of the answer prompt.</summary>
    public string Render()
    {
        var sb = new StringBuilder();
        foreach (var source in Sources) sb.Append(Render(source)).Append('\n');
        return sb.ToString().TrimEnd();
    }

    private static string Render(NumberedSource source)
    {
        var m = source.Metadata;
        var date = m.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? NotStated;
        return $"[{source.Number}] title: {m.Title}\noutlet: {m.Source ?? NotStated}\ndate: {date}\ntext: {source.Chunk.Text}\n";
    }
}
