using QABot.Testing;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QABot.Core.Answering;
using QABot.Core.Retrieval;
using QABot.Hosts.Telegram.Extensions;
using QABot.Hosts.Telegram.Polling;
using QABot.Hosts.Telegram.Webhook;
using QABot.Hosts.Tests.Doubles;

namespace QABot.Hosts.Tests.Telegram;

[Trait("Category", "Telegram")]
public sealed class TelegramWebhookTests
{
    private const string Secret = "s3cret-webhook-value";

    [Fact]
    public async Task Webhook_mode_registers_the_url_with_a_secret_and_rejects_updates_without_it()
    {
        await using var api = await TelegramBotApiStandIn.StartAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:Token"] = TelegramBotHarness.Token,
            ["Telegram:BaseUrl"] = api.BaseUrl.ToString().TrimEnd('/'),
            ["Telegram:WebhookUrl"] = "https://bot.example.test/telegram/webhook",
            ["Telegram:WebhookSecret"] = Secret,
        });
        var answerer = new ScriptedAnswerer(r => SampleArticles.GiftsAnswer(r.Question));
        builder.Services.AddSingleton<IAnswerer>(answerer);
        builder.Services.AddSingleton<IArticleIndex>(new InMemoryArticleIndex(SampleArticles.Gifts));
        builder.Services.AddSingleton<IConversationStore>(new RecordingConversationStore());
        builder.AddTelegramBot();
        await using var app = builder.Build();
        app.MapTelegramWebhook();
        await app.StartAsync();

        Assert.DoesNotContain(app.Services.GetServices<IHostedService>(), s => s is TelegramPollingService);
        var registration = await api.WaitForAsync("setWebhook");
        Assert.Equal("https://bot.example.test/telegram/webhook", registration.Parameters["url"]?.ToString());
        Assert.Equal(Secret, registration.Parameters["secret_token"]?.ToString());

        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        const string update = """{"update_id": 5, "message": {"message_id": 9, "date": 1700000000, "chat": {"id": 31, "type": "private"}, "from": {"id": 31, "is_bot": false, "first_name": "U"}, "text": "ماذا أهدى بوتين لكيم؟"}}""";

        using var forged = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent(update, Encoding.UTF8, "application/json") };
        forged.Headers.Add(WebhookSecret.HeaderName, "guess");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(forged)).StatusCode);
        Assert.Empty(answerer.Requests);

        using var genuine = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent(update, Encoding.UTF8, "application/json") };
        genuine.Headers.Add(WebhookSecret.HeaderName, Secret);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(genuine)).StatusCode);
        var reply = await api.WaitForMessageAsync(31);
        Assert.Contains("بندقية", reply.Text);

        using var malformed = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent("{\"update_id\": \"x\"", Encoding.UTF8, "application/json") };
        malformed.Headers.Add(WebhookSecret.HeaderName, Secret);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(malformed)).StatusCode);
        await app.StopAsync();
    }
}
