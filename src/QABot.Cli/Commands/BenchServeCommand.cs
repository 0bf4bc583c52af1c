using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QABot.Cli.Composition;
using QABot.Core.Json;
using QABot.Core.Retrieval;
using QABot.Evaluation.Benchmarks;
using QABot.Hosts.Web.Load;

namespace QABot.Cli.Commands;

/// <summary>
/// `qabot bench serve`: starts the real web host on a free loopback port over the configured index and drives
/// concurrent clients against POST /api/ask, so the figures include HTTP, JSON, retrieval and answering.
/// </summary>
public static class BenchServeCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var clients = new Option<int[]>("--clients", "-c") { Description = "Concurrent clients; several values run one after another.", DefaultValueFactory = _ => [8, 32], AllowMultipleArgumentsPerToken = true };
        var seconds = new Option<int>("--seconds") { Description = "Duration of each run.", DefaultValueFactory = _ => 30 };
        var maxRequests = new Option<int>("--max-requests") { Description = "Stop a run after this many requests (0 = only the duration bounds it).", DefaultValueFactory = _ => 0 };
        var questionsFile = new Option<string?>("--questions") { Description = "A file with one question per line. Default: titles of indexed articles plus built-in Arabic and English questions." };
        var json = new Option<bool>("--json") { Description = "Print the reports as JSON." };
        var command = new Command("serve", """
            Load-test the help-desk API in process: the web host listens on 127.0.0.1 (a free port), rate limiting is off for
            the run, and N clients ask questions for a bounded time. Reports throughput, p50/p95/p99 latency and errors.

            Examples:
              qabot --data-dir /tmp/qabot-full bench serve --clients 8 --clients 32 --seconds 30
            """) { clients, seconds, maxRequests, questionsFile, json };

        command.SetAction((parse, cancellation) => globals.GuardAsync(parse, cancellation, async ct =>
        {
            var env = globals.EnvironmentFor(parse);
            if (parse.GetValue(seconds) < 1 || (parse.GetValue(clients) ?? []).Any(c => c is < 1 or > 256))
            {
                await env.Error.WriteLineAsync("error: --seconds must be positive and --clients between 1 and 256.");
                return ExitCodes.BadInput;
            }
            var overrides = new Dictionary<string, string?>(env.Overrides)
            {
                ["Web:Enabled"] = "true",
                ["Web:Urls"] = "http://127.0.0.1:0",
                ["Web:RateLimitPerMinute"] = "0",
                ["Telegram:Enabled"] = "false",
            };
            var (host, _) = ServeHost.Build(env with { Overrides = overrides }, verbose: false, quiet: true);
            using (host)
            {
                await FirstRun.EnsureSampleCorpusAsync(host.Services, env, ct);
                var questions = parse.GetValue(questionsFile) is { } file
                    ? (await File.ReadAllLinesAsync(file, ct)).Where(l => !string.IsNullOrWhiteSpace(l)).ToList()
                    : await DefaultQuestionsAsync(host.Services.GetRequiredService<IArticleIndex>(), ct);
                if (questions.Count == 0)
                {
                    await env.Error.WriteLineAsync("error: no questions to ask.");
                    return ExitCodes.BadInput;
                }

                // Listing the default questions reads every article of the index: its garbage is collected now, not by a
                // background collection billed to the requests of the first run.
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                await host.StartAsync(ct);
                var address = new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
                var stats = await host.Services.GetRequiredService<IArticleIndex>().GetStatsAsync(ct);
                await env.Error.WriteLineAsync($"bench serve: {address} over {stats.Articles} articles ({stats.Backend}), {questions.Count} distinct questions");

                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
                var driver = new ServeLoadDriver(http);
                var reports = new List<LoadReport>();
                using var self = Process.GetCurrentProcess();
                foreach (var concurrency in parse.GetValue(clients)!)
                {
                    var load = SystemLoad.OneMinuteAverage();
                    self.Refresh();
                    var cpuBefore = self.TotalProcessorTime;
                    var report = await driver.RunAsync(new LoadRunOptions
                    {
                        BaseAddress = address,
                        Questions = questions,
                        Concurrency = concurrency,
                        Duration = TimeSpan.FromSeconds(parse.GetValue(seconds)),
                        MaxRequests = parse.GetValue(maxRequests) is > 0 and var m ? m : null,
                    }, cancellationToken: ct);
                    self.Refresh();
                    report = report with
                    {
                        CpuMsPerRequest = report.Requests == 0 ? null : (self.TotalProcessorTime - cpuBefore).TotalMilliseconds / report.Requests,
                        LoadAverage = load,
                    };
                    reports.Add(report);
                    if (!parse.GetValue(json))
                        await env.Out.WriteLineAsync(
                            $"{concurrency,3} clients: {report.Requests} requests in {report.Elapsed.TotalSeconds:0.0} s = {report.RequestsPerSecond:0.0} req/s; " +
                            $"p50 {report.P50Ms:0.0} ms, p95 {report.P95Ms:0.0} ms, p99 {report.P99Ms:0.0} ms, max {report.MaxMs:0.0} ms; " +
                            $"cpu {report.CpuMsPerRequest:0.0} ms/request (server and clients); load {report.LoadAverage:0.0}; errors {report.Errors}" +
                            (report.ErrorsByKind.Count > 0 ? " (" + string.Join(", ", report.ErrorsByKind.Select(e => $"{e.Key}: {e.Value}")) + ")" : ""));
                }
                if (parse.GetValue(json)) await env.Out.WriteLineAsync(JsonSerializer.Serialize(reports, AnswerJson.IndentedSerializerOptions));
                await host.StopAsync(CancellationToken.None);
                return reports.Any(r => r.Errors > 0) ? ExitCodes.Failure : ExitCodes.Success;
            }
        }));
        return command;
    }

    private static readonly string[] BuiltInQuestions =
    [
        "ماذا أهدى بوتين لكيم جونغ أون؟",
        "What did Putin give Kim Jong Un?",
        "ما موقف ماليزيا من روسيا؟",
        "What did Erdogan say about Ukraine?",
        "متى زار كيم جونغ أون روسيا؟",
        "What is the capital of Australia?",
    ];

    /// <summary>Titles of indexed articles are realistic questions for whatever corpus is loaded; a fixed stride keeps runs comparable.</summary>
    private static async Task<List<string>> DefaultQuestionsAsync(IArticleIndex index, CancellationToken cancellationToken)
    {
        var titles = new List<string>();
        var n = 0;
        await foreach (var stored in index.ListArticlesAsync(cancellationToken))
        {
            if (n++ % 97 == 0 && stored.Article.Title.Length is > 10 and < 200) titles.Add(stored.Article.Title);
            if (titles.Count >= 300) break;
        }
        return [.. BuiltInQuestions, .. titles];
    }
}
