using QABot.Core.Answering;
using QABot.Core.Domain;

namespace QABot.Llm.Tests.Doubles;

/// <summary>
/// Stands in for the extractive answerer (written in QABot.Answering) as the LLM answerer's fallback: answers with a
/// recognisable text and records the requests it got, so tests can tell a fallback from an LLM answer.
/// </summary>
public sealed class MarkedFallbackAnswerer : IAnswerer
{
    public const string Text = "EXTRACTIVE FALLBACK ANSWER";
    private readonly List<AnswerRequest> _requests = [];

    public IReadOnlyList<AnswerRequest> Requests { get { lock (_requests) return _requests.ToList(); } }

    public Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken = default)
    {
        lock (_requests) _requests.Add(request);
        return Task.FromResult(new Answer { Question = request.Question, Language = Languages.Arabic, Text = Text, Refused = false, Answerer = "extractive" });
    }
}
