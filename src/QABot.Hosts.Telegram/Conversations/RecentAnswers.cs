using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using QABot.Core.Domain;
using QABot.Hosts.Telegram.Options;

namespace QABot.Hosts.Telegram.Conversations;

/// <summary>
/// Recent answers by a short key (inline buttons carry it: callback data is limited to 64 bytes) and the last answer
/// per chat (for /sources). Bounded: the oldest answers are forgotten first, and their buttons then say so.
/// </summary>
public sealed class RecentAnswers(IOptions<TelegramOptions> options)
{
    private readonly ConcurrentDictionary<string, Answer> _byKey = new();
    private readonly ConcurrentQueue<string> _insertionOrder = new();
    private readonly ConcurrentDictionary<long, string> _lastKeyByChat = new();
    // A per-process prefix, so a button from before a restart can never resolve to a different, newer answer.
    private readonly string _prefix = Convert.ToHexString(Guid.NewGuid().ToByteArray()[..2]).ToLowerInvariant();
    private long _counter;

    public string Remember(long chatId, Answer answer)
    {
        var key = _prefix + Interlocked.Increment(ref _counter).ToString("x");
        _byKey[key] = answer;
        _insertionOrder.Enqueue(key);
        _lastKeyByChat[chatId] = key;
        while (_byKey.Count > Math.Max(1, options.Value.RecentAnswerCapacity) && _insertionOrder.TryDequeue(out var oldest))
            _byKey.TryRemove(oldest, out _);
        return key;
    }

    public Answer? Find(string key) => _byKey.GetValueOrDefault(key);

    public Answer? LastFor(long chatId) =>
        _lastKeyByChat.TryGetValue(chatId, out var key) ? Find(key) : null;

    public void ForgetChat(long chatId) => _lastKeyByChat.TryRemove(chatId, out _);
}
