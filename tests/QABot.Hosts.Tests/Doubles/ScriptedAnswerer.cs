using System.Collections.Concurrent;
using QABot.Core.Answering;
using QABot.Core.Domain;

namespace QABot.Hosts.Tests.Doubles;

/// <summary>Test double of <see cref="IAnswerer"/>: answers with whatever the test scripts and records every request.</summary>
public class ScriptedAnswerer(Func<AnswerRequest, Answer> respond) : IAnswerer
{
    private readonly ConcurrentQueue<AnswerRequest> _requests = new();

    public IReadOnlyList<AnswerRequest> Requests => [.. _requests];

    public Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken = default)
    {
        _requests.Enqueue(request);
        return Task.FromResult(respond(request));
    }

    public static Answer Make(string question, string text, params Citation[] citations) => new()
    {
        Question = question,
        Language = question.Any(c => c is >= '\u0600' and <= '\u06FF') ? Languages.Arabic : Languages.English,
        Text = text,
        Refused = citations.Length == 0,
        Citations = citations,
        Retrieved = citations.Select((c, i) => new RetrievedRef(c.ArticleId, c.ChunkId ?? c.ArticleId + ":0", 10 - i)).ToList(),
    };
}

/// <summary>Streams the scripted answer word by word, then reports it as the final answer.</summary>
public sealed class ScriptedStreamingAnswerer(Func<AnswerRequest, Answer> respond) : ScriptedAnswerer(respond), IStreamingAnswerer
{
    public async IAsyncEnumerable<string> StreamAsync(AnswerRequest request, Action<Answer> onCompleted,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var answer = await AnswerAsync(request, cancellationToken);
        foreach (var word in answer.Text.Split(' '))
        {
            await Task.Yield();
            yield return word + " ";
        }
        onCompleted(answer);
    }
}
