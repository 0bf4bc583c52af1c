using System.Collections.Concurrent;
using QABot.Core.Answering;

namespace QABot.Llm.Tests.Doubles;

/// <summary>Test double of <see cref="IConversationStore"/> (the real in-memory store belongs to QABot.Answering).</summary>
public sealed class MemoryConversations : IConversationStore
{
    private readonly ConcurrentDictionary<string, List<ConversationTurn>> _turns = new();

    public Task<IReadOnlyList<ConversationTurn>> GetAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var list = _turns.GetOrAdd(conversationId, _ => []);
        lock (list) return Task.FromResult<IReadOnlyList<ConversationTurn>>(list.ToList());
    }

    public Task AppendAsync(string conversationId, ConversationTurn turn, CancellationToken cancellationToken = default)
    {
        var list = _turns.GetOrAdd(conversationId, _ => []);
        lock (list) list.Add(turn);
        return Task.CompletedTask;
    }

    public Task ClearAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        _turns.TryRemove(conversationId, out _);
        return Task.CompletedTask;
    }
}
