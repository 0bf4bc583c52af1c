using System.Text;
using QABot.Core.Answering;

namespace QABot.Answering.Llm.Context;

/// <summary>
/// The bounded slice of a conversation given to the model: the most recent turns, at most <c>Llm:MaxHistoryTurns</c>
/// of them and at most <c>Llm:MaxHistoryTokens</c> (approximate) in all, so a long chat never crowds out the sources.
/// </summary>
public sealed class ConversationWindow
{
    private ConversationWindow(IReadOnlyList<ConversationTurn> turns) => Turns = turns;

    public static ConversationWindow Empty { get; } = new([]);

    public IReadOnlyList<ConversationTurn> Turns { get; }

    public bool IsEmpty => Turns.Count == 0;

    public static ConversationWindow Bound(IReadOnlyList<ConversationTurn> history, int maxTurns, int maxTokens)
    {
        var kept = new List<ConversationTurn>();
        var tokens = 0;
        for (var i = history.Count - 1; i >= 0 && kept.Count < maxTurns; i--)
        {
            var cost = TokenEstimator.Estimate(RenderTurn(history[i]));
            if (tokens + cost > maxTokens) break;
            kept.Add(history[i]);
            tokens += cost;
        }
        kept.Reverse();
        return new ConversationWindow(kept);
    }

    /// <summary>"(none)" keeps the prompt's section readable when a conversation starts.</summary>
    public string Render()
    {
        if (IsEmpty) return "(none)";
        var sb = new StringBuilder();
        foreach (var turn in Turns) sb.Append(RenderTurn(turn));
        return sb.ToString().TrimEnd();
    }

    private static string RenderTurn(ConversationTurn turn) => $"Q: {turn.Question}\nA: {turn.Answer}\n";
}
