using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QABot.Hosts.Telegram.Polling;
using Telegram.Bot.Exceptions;

namespace QABot.Hosts.Telegram.Handling;

/// <summary>
/// Asks Telegram who the bot is (getMe) before anything says the bot is running. A token Telegram rejects stops the
/// start with one clear message; Telegram being unreachable does not (polling keeps trying, with the reason logged).
/// Registered before the polling and webhook services, so it runs first.
/// </summary>
public sealed class BotTokenCheck(BotIdentity identity, ILogger<BotTokenCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var me = await identity.GetAsync(cancellationToken);
            logger.LogInformation("Telegram accepted the token of @{BotUsername}", me.Username);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode is 401 or 404)
        {
            // 401 Unauthorized: a revoked or wrong token; 404 Not Found: not even the shape of a token.
            throw new InvalidOperationException(
                $"Telegram rejected the bot token ({ex.ErrorCode} {ex.Message}); check TELEGRAM_BOT_TOKEN (or Telegram:Token).");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Could not check the bot token with Telegram ({Error}); the bot keeps trying", TelegramPollingService.Describe(ex));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
