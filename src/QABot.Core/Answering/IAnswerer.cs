using QABot.Core.Domain;

namespace QABot.Core.Answering;

/// <summary>A question as it reaches an answerer: with the conversation it belongs to, if any.</summary>
public sealed record AnswerRequest
{
    public required string Question { get; init; }
    public string? ConversationId { get; init; }
    public int Top { get; init; } = 8;
    /// <summary>"Today" for relative dates («الشهر الماضي», "last week"); injected so tests are deterministic.</summary>
    public DateTimeOffset? Now { get; init; }
    /// <summary>
    /// True when the text is a claim to check (`qabot check`, <c>POST /api/check</c>, Telegram /check) whatever its
    /// wording; the answer then always carries a <see cref="Answer.Verdict"/>.
    /// </summary>
    public bool IsClaim { get; init; }
}

public interface IAnswerer
{
    Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken = default);
}

/// <summary>An answerer that can also stream its text as it is produced (LLM). Hosts fall back to <see cref="IAnswerer"/> otherwise.</summary>
public interface IStreamingAnswerer : IAnswerer
{
    /// <summary>Yields text fragments, then completes; the final, guarded answer is returned by <paramref name="onCompleted"/>.</summary>
    IAsyncEnumerable<string> StreamAsync(AnswerRequest request, Action<Answer> onCompleted, CancellationToken cancellationToken = default);
}
