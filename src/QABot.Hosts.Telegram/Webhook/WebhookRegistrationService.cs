using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QABot.Hosts.Telegram.Options;
using QABot.Hosts.Telegram.Polling;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace QABot.Hosts.Telegram.Webhook;

/// <summary>Webhook mode: registers Telegram:WebhookUrl (with the secret token) at startup. Updates then arrive at the mapped endpoint.</summary>
public sealed class WebhookRegistrationService(
    ITelegramBotClient bot,
    WebhookSecret secret,
    IOptions<TelegramOptions> options,
    ILogger<WebhookRegistrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await bot.SetWebhook(options.Value.WebhookUrl, secretToken: secret.Value,
                allowedUpdates: [UpdateType.Message, UpdateType.CallbackQuery], cancellationToken: cancellationToken);
            logger.LogInformation("Telegram webhook registered at {WebhookUrl}", options.Value.WebhookUrl);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The web host keeps serving; the bot stays silent until the webhook can be registered (next start).
            logger.LogError("Could not register the Telegram webhook ({Error})", TelegramPollingService.Describe(ex));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
