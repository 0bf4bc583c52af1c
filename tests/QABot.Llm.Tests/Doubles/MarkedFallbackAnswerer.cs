using QABot.Core.Answering;
using QABot.Core.Domain;

namespace QABot.Llm.Tests.Doubles;

/// <summary>
/// Stands in for the extractive answerer (written in QABot.Answering) as the LLM answerer's fallback: answers with a
/// recognisable text and records the requests it got, so tests can tell a fallback from an LLM answer. Like the
/// extractive answerer, it records the turn when given a conversation id.
/// </summary>
public sealed class MarkedFallbackAnswerer(IConversationStore conversations) : IAnswerer
{
    public const string Text = "EXTRACTIVE FALLBACK ANSWER";
    private readonly List<AnswerRequest> _requests = [];

    public IReadOnlyList<AnswerRequest> Requests { get { lock (_requests) return _requests.ToList(); } }

    public async Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken = default)
    {
        lock (_requests) _requests.Add(request);
        if (request.ConversationId is { } id)
            await conversations.AppendAsync(id, new ConversationTurn(request.Question, Text, [], request.Now ?? DateTimeOffset.UnixEpoch), cancellationToken);
        return new Answer { Question = request.Question, Language = Languages.Arabic, Text = Text, Refused = false, Answerer = "extractive" };
    }
}
