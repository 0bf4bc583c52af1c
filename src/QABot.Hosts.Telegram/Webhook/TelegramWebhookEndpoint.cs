using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QABot.Hosts.Telegram.Handling;
using QABot.Hosts.Telegram.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace QABot.Hosts.Telegram.Webhook;

public static class TelegramWebhookEndpoint
{
    /// <summary>
    /// Maps Telegram:WebhookPath when the bot runs in webhook mode (no-op otherwise). Requests without the secret token
    /// get 401; a malformed update is logged and acknowledged (200) so Telegram does not redeliver it forever.
    /// </summary>
    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetService<IOptions<TelegramOptions>>()?.Value;
        if (options is null || !options.IsWebhookMode || endpoints.ServiceProvider.GetService<UpdateDispatcher>() is null)
            return endpoints;

        endpoints.MapPost(options.WebhookPath, async (HttpContext context, WebhookSecret secret, UpdateDispatcher dispatcher, ILoggerFactory loggers) =>
        {
            if (!secret.Matches(context.Request.Headers[WebhookSecret.HeaderName]))
                return Results.Unauthorized();
            Update? update;
            try
            {
                update = await JsonSerializer.DeserializeAsync<Update>(context.Request.Body, JsonBotAPI.Options, context.RequestAborted);
            }
            catch (JsonException ex)
            {
                loggers.CreateLogger(typeof(TelegramWebhookEndpoint)).LogWarning("Skipping malformed webhook update: {Reason}", ex.Message);
                return Results.Ok();
            }
            if (update is not null) await dispatcher.DispatchAsync(update, context.RequestAborted);
            return Results.Ok();
        }).DisableRateLimiting().WithName("TelegramWebhook");
        return endpoints;
    }
}
