using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QABot.Hosts.Telegram.Extensions;
using QABot.Hosts.Telegram.Options;
using QABot.Hosts.Telegram.Webhook;
using QABot.Hosts.Web.Extensions;
using QABot.Hosts.Web.Options;

namespace QABot.Cli.Composition;

/// <summary>What `qabot serve` will run, decided from configuration before anything starts.</summary>
public sealed record ServePlan(bool Web, bool Telegram, bool TelegramWebhook)
{
    public static ServePlan From(IConfiguration configuration) => new(
        configuration.GetValue($"{WebOptions.SectionName}:Enabled", true),
        TelegramBotExtensions.IsEnabled(configuration),
        !string.IsNullOrWhiteSpace(configuration[$"{TelegramOptions.SectionName}:WebhookUrl"]));

    public bool NeedsWebServer => Web || (Telegram && TelegramWebhook);
}

/// <summary>
/// The one generic host of `qabot serve`: the web help desk and API and the Telegram bot, each switched on in configuration.
/// When only a polling bot runs, no web server is started at all (no port is opened).
/// </summary>
public static class ServeHost
{
    /// <param name="quiet">Warnings only: for load runs, where per-request logging would measure the console.</param>
    public static (IHost Host, ServePlan Plan) Build(CliEnvironment environment, bool verbose, bool quiet = false)
    {
        var probe = new ConfigurationBuilder();
        QABotComposition.ConfigureSources(probe, QABotComposition.ContentRoot, environment);
        var plan = ServePlan.From(probe.Build());

        if (!plan.NeedsWebServer)
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
            {
                ContentRootPath = QABotComposition.ContentRoot, EnvironmentName = Environments.Production, DisableDefaults = true,
            });
            Configure(builder, builder.Configuration, environment, verbose, quiet);
            return (builder.Build(), plan);
        }

        var web = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = QABotComposition.ContentRoot, EnvironmentName = Environments.Production,
        });
        web.Configuration.Sources.Clear();
        Configure(web, web.Configuration, environment, verbose, quiet);
        web.AddWebHost();
        var app = web.Build();
        app.MapQABotWeb();
        if (plan.Telegram && plan.TelegramWebhook) app.MapTelegramWebhook();
        return (app, plan);
    }

    private static void Configure(IHostApplicationBuilder builder, IConfigurationManager configuration, CliEnvironment environment, bool verbose, bool quiet)
    {
        QABotComposition.ConfigureSources(configuration, builder.Environment.ContentRootPath, environment);
        QABotComposition.ConfigureLogging(builder.Logging, builder.Configuration, verbose);
        // A server's operator wants to see startup and request problems; the CLI's default of warnings-only is too quiet.
        if (!quiet)
        {
            builder.Logging.AddFilter("QABot", verbose ? LogLevel.Debug : LogLevel.Information);
            builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        }
        // A failed start (a busy port, a corrupt index) reaches the command boundary, which prints it as one line; the
        // host's own "Hosting failed to start" error would print it again with two stack traces.
        if (!verbose) builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        builder.AddQABot();
        builder.AddTelegramBot();
    }
}
