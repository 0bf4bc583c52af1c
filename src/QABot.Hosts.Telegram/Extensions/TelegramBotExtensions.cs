using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QABot.Hosts.Telegram.Conversations;
using QABot.Hosts.Telegram.Handling;
using QABot.Hosts.Telegram.Options;
using QABot.Hosts.Telegram.Polling;
using QABot.Hosts.Telegram.Webhook;
using Telegram.Bot;

namespace QABot.Hosts.Telegram.Extensions;

public static class TelegramBotExtensions
{
    /// <summary>
    /// Adds the Telegram bot when Telegram:Enabled is true and a token is configured (TELEGRAM_BOT_TOKEN or Telegram:Token):
    /// long polling by default, webhook registration when Telegram:WebhookUrl is set (then also call
    /// <see cref="TelegramWebhookEndpoint.MapTelegramWebhook"/>). Needs IAnswerer, IArticleIndex and IConversationStore.
    /// </summary>
    public static IHostApplicationBuilder AddTelegramBot(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(TelegramOptions.SectionName);
        var token = ResolveToken(builder.Configuration);
        builder.Services.AddOptions<TelegramOptions>().Bind(section).PostConfigure(o => o.Token = token ?? "");
        if (!IsEnabled(builder.Configuration)) return builder;

        var settings = section.Get<TelegramOptions>() ?? new TelegramOptions();
        builder.Services.AddSingleton(new TelegramBotClientOptions(token!, string.IsNullOrWhiteSpace(settings.BaseUrl) ? null : settings.BaseUrl)
        {
            // 429 "retry after N": the client waits and repeats the request itself when N is short.
            RetryThreshold = 30,
            RetryCount = 2,
        });
        builder.Services.AddHttpClient(MalformedUpdateSkipper.HttpClientName)
            // The default HttpClient logging writes request URIs, and every Bot API URI contains the token.
            .RemoveAllLoggers()
            .AddTypedClient<ITelegramBotClient>((http, services) =>
                new TelegramBotClient(services.GetRequiredService<TelegramBotClientOptions>(), http));

        builder.Services.AddSingleton<BotIdentity>();
        builder.Services.AddSingleton<RecentAnswers>();
        builder.Services.AddSingleton<ChatGate>();
        builder.Services.AddSingleton<UpdateDispatcher>();
        builder.Services.AddSingleton<MalformedUpdateSkipper>();
        builder.Services.AddScoped<UpdateHandler>();
        builder.Services.AddHostedService<BotTokenCheck>();

        if (settings.IsWebhookMode)
        {
            builder.Services.AddSingleton<WebhookSecret>();
            builder.Services.AddHostedService<WebhookRegistrationService>();
        }
        else
        {
            builder.Services.AddHostedService<TelegramPollingService>();
        }
        return builder;
    }

    /// <summary>Whether the bot will run: enabled in configuration and a token present. For `qabot serve` status output.</summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetValue(TelegramOptions.SectionName + ":" + nameof(TelegramOptions.Enabled), true) &&
        !string.IsNullOrWhiteSpace(ResolveToken(configuration));

    private static string? ResolveToken(IConfiguration configuration)
    {
        var token = configuration[TelegramOptions.TokenEnvironmentVariable];
        return string.IsNullOrWhiteSpace(token) ? configuration[$"{TelegramOptions.SectionName}:{nameof(TelegramOptions.Token)}"] : token;
    }
}
