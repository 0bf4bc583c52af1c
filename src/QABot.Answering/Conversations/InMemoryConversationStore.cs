using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using QABot.Core.Answering;

namespace QABot.Answering.Conversations;

/// <summary>
/// Conversation memory for one process (CLI chat, a serve host). Bounded per conversation so a long-lived Telegram chat
/// cannot grow without limit; a persistent store would implement the same interface.
/// </summary>
public sealed class InMemoryConversationStore(IOptions<AnsweringOptions> options) : IConversationStore
{
    private readonly ConcurrentDictionary<string, List<ConversationTurn>> _conversations = new(StringComparer.Ordinal);
    private readonly int _maxTurns = Math.Max(1, options.Value.MaxConversationTurns);

    public Task<IReadOnlyList<ConversationTurn>> GetAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        if (!_conversations.TryGetValue(conversationId, out var turns)) return Task.FromResult<IReadOnlyList<ConversationTurn>>([]);
        lock (turns) return Task.FromResult<IReadOnlyList<ConversationTurn>>(turns.ToArray());
    }

    public Task AppendAsync(string conversationId, ConversationTurn turn, CancellationToken cancellationToken = default)
    {
        var turns = _conversations.GetOrAdd(conversationId, _ => []);
        lock (turns)
        {
            turns.Add(turn);
            if (turns.Count > _maxTurns) turns.RemoveRange(0, turns.Count - _maxTurns);
        }
        return Task.CompletedTask;
    }

    public Task ClearAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        _conversations.TryRemove(conversationId, out _);
        return Task.CompletedTask;
    }
}
