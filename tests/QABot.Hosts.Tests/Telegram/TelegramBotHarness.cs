using QABot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QABot.Core.Answering;
using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Hosts.Telegram.Extensions;
using QABot.Hosts.Tests.Doubles;
using QABot.Hosts.Tests.Logging;

namespace QABot.Hosts.Tests.Telegram;

/// <summary>The real bot (AddTelegramBot, polling) in a generic host, pointed at a <see cref="TelegramBotApiStandIn"/>.</summary>
public sealed class TelegramBotHarness : IAsyncDisposable
{
    public const string Token = "123456789:AAH-secret-test-token_DoNotLog";

    public required TelegramBotApiStandIn Api { get; init; }
    public required IHost Host { get; init; }
    public required ScriptedAnswerer Answerer { get; init; }
    public required RecordingConversationStore Conversations { get; init; }
    public required CapturingLoggerProvider Logs { get; init; }

    public static async Task<TelegramBotHarness> StartAsync(
        Func<AnswerRequest, Answer>? respond = null,
        IDictionary<string, string?>? settings = null,
        Action<TelegramBotApiStandIn>? beforeStart = null)
    {
        var api = await TelegramBotApiStandIn.StartAsync();
        beforeStart?.Invoke(api);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            Configuration = new ConfigurationManager(),
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:Enabled"] = "true",
            ["Telegram:Token"] = Token,
            ["Telegram:BaseUrl"] = api.BaseUrl.ToString().TrimEnd('/'),
            ["Telegram:PollingTimeoutSeconds"] = "1",
            ["Telegram:RateLimitPerMinute"] = "100",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);

        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(logs);

        var answerer = new ScriptedAnswerer(respond ?? (r => SampleArticles.GiftsAnswer(r.Question)));
        var conversations = new RecordingConversationStore();
        builder.Services.AddSingleton<IAnswerer>(answerer);
        builder.Services.AddSingleton<IArticleIndex>(new InMemoryArticleIndex(SampleArticles.Gifts, SampleArticles.Undated));
        builder.Services.AddSingleton<IConversationStore>(conversations);
        builder.AddTelegramBot();

        var host = builder.Build();
        try { await host.StartAsync(); }
        catch
        {
            host.Dispose();
            await api.DisposeAsync();
            throw;
        }
        return new TelegramBotHarness { Api = api, Host = host, Answerer = answerer, Conversations = conversations, Logs = logs };
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync(TimeSpan.FromSeconds(10));
        Host.Dispose();
        await Api.DisposeAsync();
    }
}
