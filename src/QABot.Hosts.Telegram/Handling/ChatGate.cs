using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using QABot.Hosts.Telegram.Options;

namespace QABot.Hosts.Telegram.Handling;

/// <summary>Who may use the bot (optional allow-list of chat or user ids) and how often (questions per user per minute).</summary>
public sealed class ChatGate : IDisposable
{
    private readonly HashSet<long> _allowed;
    private readonly PartitionedRateLimiter<long>? _perUser;

    public ChatGate(IOptions<TelegramOptions> options)
    {
        _allowed = [.. options.Value.AllowedChatIds];
        var perMinute = options.Value.RateLimitPerMinute;
        if (perMinute > 0)
            _perUser = PartitionedRateLimiter.Create<long, long>(userId => RateLimitPartition.GetFixedWindowLimiter(userId, _ =>
                new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    public bool IsAllowed(long chatId, long? userId) =>
        _allowed.Count == 0 || _allowed.Contains(chatId) || (userId is { } u && _allowed.Contains(u));

    /// <summary>Takes one question from the user's per-minute budget; false when it is used up.</summary>
    public bool TryTakeQuestion(long userId)
    {
        if (_perUser is null) return true;
        using var lease = _perUser.AttemptAcquire(userId);
        return lease.IsAcquired;
    }

    public void Dispose() => _perUser?.Dispose();
}
