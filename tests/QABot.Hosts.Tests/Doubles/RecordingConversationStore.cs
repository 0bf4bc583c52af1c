using System.Collections.Concurrent;
using QABot.Core.Answering;

namespace QABot.Hosts.Tests.Doubles;

/// <summary>Test double of <see cref="IConversationStore"/> that records which conversations were cleared.</summary>
public sealed class RecordingConversationStore : IConversationStore
{
    private readonly ConcurrentDictionary<string, List<ConversationTurn>> _turns = new();
    public ConcurrentQueue<string> Cleared { get; } = new();

    public Task<IReadOnlyList<ConversationTurn>> GetAsync(string conversationId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ConversationTurn>>(_turns.TryGetValue(conversationId, out var t) ? [.. t] : []);

    public Task AppendAsync(string conversationId, ConversationTurn turn, CancellationToken cancellationToken = default)
    {
        _turns.GetOrAdd(conversationId, _ => []).Add(turn);
        return Task.CompletedTask;
    }

    public Task ClearAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        _turns.TryRemove(conversationId, out _);
        Cleared.Enqueue(conversationId);
        return Task.CompletedTask;
    }
}
