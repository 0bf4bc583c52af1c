using Telegram.Bot;
using Telegram.Bot.Types;

namespace QABot.Hosts.Telegram.Handling;

/// <summary>The bot's own user (from getMe), needed to recognise mentions and replies in groups. Fetched once.</summary>
public sealed class BotIdentity(ITelegramBotClient bot)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private User? _me;

    public async Task<User> GetAsync(CancellationToken cancellationToken)
    {
        if (_me is not null) return _me;
        await _gate.WaitAsync(cancellationToken);
        try { return _me ??= await bot.GetMe(cancellationToken); }
        finally { _gate.Release(); }
    }
}
