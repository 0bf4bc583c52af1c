namespace QABot.Core.Answering;

public sealed record ConversationTurn(string Question, string Answer, IReadOnlyList<string> CitedArticleIds, DateTimeOffset At);

/// <summary>Conversation memory per conversation id (CLI chat, Telegram chat, web session). In memory by default.</summary>
public interface IConversationStore
{
    Task<IReadOnlyList<ConversationTurn>> GetAsync(string conversationId, CancellationToken cancellationToken = default);
    Task AppendAsync(string conversationId, ConversationTurn turn, CancellationToken cancellationToken = default);
    Task ClearAsync(string conversationId, CancellationToken cancellationToken = default);
}
