using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QABot.Core.Answering;
using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Hosts.Tests.Doubles;
using QABot.Hosts.Tests.Logging;
using QABot.Hosts.Web.Extensions;

namespace QABot.Hosts.Tests.Web;

/// <summary>The real web host (AddWebHost + MapQABotWeb on Kestrel) on a free loopback port, with answerer/index doubles.</summary>
public sealed class WebHostHarness : IAsyncDisposable
{
    public required WebApplication App { get; init; }
    public required Uri BaseAddress { get; init; }
    public required ScriptedAnswerer Answerer { get; init; }
    public required CapturingLoggerProvider Logs { get; init; }

    public HttpClient CreateClient(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (apiKey is not null) client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    public static async Task<WebHostHarness> StartAsync(
        IDictionary<string, string?>? settings = null, Func<AnswerRequest, Answer>? respond = null, bool streaming = false,
        Action<IServiceCollection>? services = null, Action<WebApplication>? map = null, params Article[] extraArticles)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Web:Enabled"] = "true",
            ["Web:Urls"] = "http://127.0.0.1:0",
            ["Web:RateLimitPerMinute"] = "1000",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs);

        respond ??= r => r.Question.Contains("ماذا أهدى") || r.Question.Contains("Putin")
            ? SampleArticles.GiftsAnswer(r.Question)
            : ScriptedAnswerer.Make(r.Question, r.Question.Any(c => c is >= '\u0600' and <= '\u06FF')
                ? "لم أجد في المقالات المتاحة ما يجيب عن هذا السؤال."
                : "The articles do not answer this question.");
        var answerer = streaming ? new ScriptedStreamingAnswerer(respond) : new ScriptedAnswerer(respond);
        builder.Services.AddSingleton<IAnswerer>(answerer);
        builder.Services.AddSingleton<IArticleIndex>(new InMemoryArticleIndex([SampleArticles.Gifts, SampleArticles.Undated, .. extraArticles]));
        builder.AddWebHost();
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapQABotWeb();
        map?.Invoke(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebHostHarness { App = app, BaseAddress = new Uri(address), Answerer = answerer, Logs = logs };
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
