using System.CommandLine;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QABot.Cli.Composition;

namespace QABot.Cli.Commands;

public static class ServeCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var urls = new Option<string?>("--urls") { Description = "Where the web help desk listens (default Web:Urls, http://127.0.0.1:5080). Loopback unless you configure API keys." };
        var noWeb = new Option<bool>("--no-web") { Description = "Run only the Telegram bot." };
        var command = new Command("serve", """
            Run the hosts in one process: the help-desk web chat and HTTP API (POST /api/ask, GET /api/articles/{id},
            /healthz, /metrics) and, when a token is configured (env TELEGRAM_BOT_TOKEN), the Telegram bot.
            Stop with Ctrl-C.

            Examples:
              qabot serve                                   web chat on http://127.0.0.1:5080
              TELEGRAM_BOT_TOKEN=123:abc qabot serve        web chat and Telegram bot
              TELEGRAM_BOT_TOKEN=123:abc qabot serve --no-web
            """) { urls, noWeb };

        command.SetAction((parse, ct) => globals.GuardAsync(parse, ct, async token =>
        {
            var env = globals.EnvironmentFor(parse);
            var overrides = new Dictionary<string, string?>(env.Overrides);
            if (parse.GetValue(urls) is { Length: > 0 } u) overrides["Web:Urls"] = u;
            if (parse.GetValue(noWeb)) overrides["Web:Enabled"] = "false";
            env = env with { Overrides = overrides };

            var (host, plan) = ServeHost.Build(env, parse.GetValue(globals.Verbose));
            using (host)
            {
                if (!plan.Web && !plan.Telegram)
                    throw new BadInputException("nothing to serve: the web host is disabled and no Telegram token is configured (TELEGRAM_BOT_TOKEN).");
                await FirstRun.EnsureSampleCorpusAsync(host.Services, env, token);
                await host.StartAsync(token);
                if (plan.NeedsWebServer && host.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>() is { } addresses)
                    foreach (var address in addresses.Addresses) await env.Error.WriteLineAsync($"web help desk: {address}/  (API: {address}/api/ask)");
                await env.Error.WriteLineAsync(plan.Telegram
                    ? $"telegram bot: running ({(plan.TelegramWebhook ? "webhook" : "long polling")})"
                    : "telegram bot: off (set TELEGRAM_BOT_TOKEN to enable)");
                await host.WaitForShutdownAsync(token);
            }
            return ExitCodes.Success;
        }));
        return command;
    }
}
