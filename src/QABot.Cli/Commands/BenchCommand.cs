using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QABot.Cli.Composition;
using QABot.Core.Configuration;
using QABot.Core.Retrieval;
using QABot.Evaluation.Benchmarks;
using QABot.Evaluation.Hosting;
using QABot.Evaluation.Reports;

namespace QABot.Cli.Commands;

public static class BenchCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("bench", "Scale benchmarks: ingest throughput, memory, index size and query latency.");
        command.Add(CreateIngest(globals));
        command.Add(CreateQuery(globals));
        command.Add(BenchServeCommand.Create(globals));
        command.Add(CreateStartup(globals));
        return command;
    }

    private static Command CreateIngest(GlobalOptions globals)
    {
        var corpus = new Argument<string?>("corpus")
        {
            Description = "A .jsonl or .jsonl.gz corpus, one article a line. Default: ../shared/corpora/ant-multisource-news.jsonl.gz beside the QABot root.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var sizes = new Option<string>("--sizes") { Description = "Corpus sizes to ingest, each into a fresh index (first N articles; 'all' = the corpus as it is; a count past the corpus adds synthetic copies).", DefaultValueFactory = _ => "1000,10000,all" };
        var noColdAsk = new Option<bool>("--no-cold-ask") { Description = "Do not time a one-question `qabot ask` in a new process at each size." };
        var queries = new Option<int>("--queries") { Description = "Questions timed (one client) on each index.", DefaultValueFactory = _ => 200 };
        var keep = new Option<string?>("--keep-index") { Description = "Build the largest index in this (empty) folder and keep it, for `qabot --data-dir DIR bench query`." };
        var outputs = new MeasurementOutputs();
        var command = new Command("ingest", """
            Ingest the first 1k, 10k and all articles of a corpus into fresh temporary indexes and report articles/s, MB/s,
            peak RSS, index size, first-pass and warm answer latency of fresh questions, and a cold `qabot ask` on each (how
            cost grows with the corpus). Sizes past the corpus extend it synthetically (new ids, shifted dates, the same
            outlet's sentences shuffled across its articles, so dedup keeps them). Duplicate URLs are left to ingestion's
            dedup. With --write-docs, writes charts and the scale section of docs/benchmarks.md.

            Examples:
              qabot bench ingest
              qabot bench ingest --sizes 31525,100000,300000,1000000
              qabot bench ingest ../shared/corpora/ant-multisource-news.jsonl.gz --keep-index /tmp/qabot-full --out bench-ingest.json
            """) { corpus, sizes, queries, keep, noColdAsk };
        outputs.AddTo(command);

        command.SetAction((parse, ct) => globals.RunAsync(parse, ct, async (services, token) =>
        {
            var env = globals.EnvironmentFor(parse);
            var root = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
            var path = parse.GetValue(corpus) ?? Path.GetFullPath(Path.Combine(root, "..", "shared", "corpora", "ant-multisource-news.jsonl.gz"));
            if (!File.Exists(path))
            {
                await env.Error.WriteLineAsync($"error: corpus not found: {path}");
                return ExitCodes.BadInput;
            }
            if (!TryParseSizes(parse.GetValue(sizes)!, out var parsedSizes) || parse.GetValue(queries) < 1)
            {
                await env.Error.WriteLineAsync("error: --sizes takes positive counts or 'all' separated by commas (e.g. 1000,10000,all); --queries must be at least 1.");
                return ExitCodes.BadInput;
            }

            var options = new IngestBenchOptions
            {
                CorpusPath = path,
                Sizes = parsedSizes,
                Queries = parse.GetValue(queries),
                KeepIndexDirectory = parse.GetValue(keep),
                Launcher = parse.GetValue(noColdAsk) ? null : QABotLauncher.For(root),
                Services = ServiceRecipe.FromApplication(services.GetRequiredService<IConfiguration>(), root, builder => builder.AddQABot()),
                OutputJsonPath = parse.GetValue(outputs.Out),
                PlotsDirectory = outputs.ImagesDirectory(parse, root),
                MarkdownPath = outputs.MarkdownPath(parse, root),
                CommandLine = MeasurementOutputs.CommandLine(parse),
            };
            var report = await BenchRunner.RunIngestAsync(options, new LineProgress<BenchProgress>(env.Error, p => p.Message), token);
            await env.Out.WriteLineAsync(BenchMarkdown.IngestSection(report, options.MarkdownPath ?? Path.Combine(root, "docs", "benchmarks.md")));
            if (report.KeptIndex is { } kept) await env.Error.WriteLineAsync($"kept the full index at {kept}: qabot --data-dir {kept} bench query");
            await outputs.ReportWrittenAsync(env, options.OutputJsonPath, options.MarkdownPath, report.Charts);
            // Inputs ingestion rejects (the ANT corpus has two empty bodies) are listed in the report; the measurement itself succeeded.
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command CreateQuery(GlobalOptions globals)
    {
        var queries = new Option<int>("--queries") { Description = "Questions per client count (titles of evenly spaced indexed articles).", DefaultValueFactory = _ => 400 };
        var clients = new Option<string>("--clients") { Description = "Concurrent client counts to measure.", DefaultValueFactory = _ => "1,8" };
        var questionsFile = new Option<string?>("--questions-file") { Description = "Ask these questions (one a line) instead of article titles; they are split into the warm-up and disjoint timed sets." };
        var warmup = new Option<int>("--warmup") { Description = "Untimed questions asked first (disjoint from the timed ones).", DefaultValueFactory = _ => 200 };
        var outputs = new MeasurementOutputs();
        var command = new Command("query", """
            Time questions against the index in the data directory (--data-dir) from 1 and 8 concurrent clients. After an
            untimed warm-up, each client count asks its own questions, none asked before in the process: the first pass
            (the whole answer of a question never seen) and then a warm replay of the same questions are reported apart,
            p50/p95/p99, with throughput. With --write-docs, writes a chart and the concurrency section of docs/benchmarks.md.

            Examples:
              qabot --data-dir /tmp/qabot-full bench query
              qabot bench query --clients 1,4,8 --questions-file questions.txt
            """) { queries, clients, questionsFile, warmup };
        outputs.AddTo(command);

        command.SetAction((parse, ct) => globals.RunAsync(parse, ct, async (services, token) =>
        {
            var env = globals.EnvironmentFor(parse);
            var root = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
            if (!TryParseSizes(parse.GetValue(clients)!, out var clientCounts) || clientCounts.Contains(int.MaxValue) || parse.GetValue(queries) < 1 || parse.GetValue(warmup) < 0)
            {
                await env.Error.WriteLineAsync("error: --clients takes positive counts separated by commas (e.g. 1,8); --queries must be at least 1, --warmup at least 0.");
                return ExitCodes.BadInput;
            }
            IReadOnlyList<string>? questions = null;
            if (parse.GetValue(questionsFile) is { } file)
            {
                if (!File.Exists(file))
                {
                    await env.Error.WriteLineAsync($"error: no such file: {file}");
                    return ExitCodes.BadInput;
                }
                questions = File.ReadLines(file).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
                if (questions.Count == 0)
                {
                    await env.Error.WriteLineAsync($"error: {file} holds no questions.");
                    return ExitCodes.BadInput;
                }
            }

            var options = new QueryBenchOptions
            {
                DataDirectory = services.GetRequiredService<IOptions<DataOptions>>().Value.ResolvedDirectory,
                Queries = parse.GetValue(queries),
                Clients = clientCounts,
                Questions = questions,
                Warmup = parse.GetValue(warmup),
                Services = ServiceRecipe.FromApplication(services.GetRequiredService<IConfiguration>(), root, builder => builder.AddQABot()),
                OutputJsonPath = parse.GetValue(outputs.Out),
                PlotsDirectory = outputs.ImagesDirectory(parse, root),
                MarkdownPath = outputs.MarkdownPath(parse, root),
                CommandLine = MeasurementOutputs.CommandLine(parse),
            };
            var report = await BenchRunner.RunQueryAsync(options, new LineProgress<BenchProgress>(env.Error, p => p.Message), token);
            await env.Out.WriteLineAsync(BenchMarkdown.QuerySection(report, options.MarkdownPath ?? Path.Combine(root, "docs", "benchmarks.md")));
            await outputs.ReportWrittenAsync(env, options.OutputJsonPath, options.MarkdownPath, report.Charts);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command CreateStartup(GlobalOptions globals)
    {
        var runs = new Option<int>("--runs") { Description = "Timed runs of each command (after one untimed run).", DefaultValueFactory = _ => 5 };
        var commands = new Option<string>("--commands") { Description = $"Commands to time, separated by commas: {string.Join(", ", StartupBench.CommandNames)}.", DefaultValueFactory = _ => string.Join(',', StartupBench.CommandNames) };
        var launcher = new Option<string?>("--launcher") { Description = "Start QABot with this launcher instead of this checkout's ./qabot (e.g. another checkout's, to compare)." };
        var outputs = new MeasurementOutputs();
        var command = new Command("startup", """
            Time each command's cold start in a new process, as a user running one command at a time waits for it: `ask`
            (an Arabic and an English question), `stats`, `articles show`, `--version`, and `serve` until GET /healthz answers
            and until its first answer. Every command runs once untimed, then --runs rounds alternate the commands. Reports
            wall time (median, min, max) and CPU time (user + system). With --write-docs, writes the cold-start section of
            docs/benchmarks.md.

            Examples:
              qabot bench startup
              qabot --data-dir /tmp/qabot-full bench startup --runs 7 --commands ask,ask-en,stats
              qabot bench startup --launcher ../other-checkout/qabot
            """) { runs, commands, launcher };
        outputs.AddTo(command);

        command.SetAction((parse, ct) => globals.RunAsync(parse, ct, async (services, token) =>
        {
            var env = globals.EnvironmentFor(parse);
            var root = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
            var names = parse.GetValue(commands)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parse.GetValue(runs) < 1 || names.Length == 0 || names.Any(n => !StartupBench.CommandNames.Contains(n)))
            {
                await env.Error.WriteLineAsync($"error: --runs must be at least 1 and --commands names some of: {string.Join(", ", StartupBench.CommandNames)}.");
                return ExitCodes.BadInput;
            }
            if (parse.GetValue(launcher) is { } given && !File.Exists(given))
            {
                await env.Error.WriteLineAsync($"error: no such launcher: {given}");
                return ExitCodes.BadInput;
            }

            // The index as the commands will see it: the first-run sample ingest happens here, not inside a timed run.
            await FirstRun.EnsureSampleCorpusAsync(services, env, token);
            var index = services.GetRequiredService<IArticleIndex>();
            var stats = await index.GetStatsAsync(token);
            string? articleId = null;
            await foreach (var stored in index.ListArticlesAsync(token)) { articleId = stored.Article.Id; break; }

            var options = new StartupBenchOptions
            {
                DataDirectory = services.GetRequiredService<IOptions<DataOptions>>().Value.ResolvedDirectory,
                Launcher = parse.GetValue(launcher) is { } path ? [Path.GetFullPath(path)] : QABotLauncher.For(root),
                Runs = parse.GetValue(runs),
                Commands = names,
                ArticleId = articleId,
                IndexedArticles = stats.Articles,
                OutputJsonPath = parse.GetValue(outputs.Out),
                MarkdownPath = outputs.MarkdownPath(parse, root),
                CommandLine = MeasurementOutputs.CommandLine(parse),
            };
            var report = await StartupBench.RunAsync(options, new LineProgress<BenchProgress>(env.Error, p => p.Message), token);
            await env.Out.WriteLineAsync(BenchMarkdown.StartupSection(report));
            await outputs.ReportWrittenAsync(env, options.OutputJsonPath, options.MarkdownPath, []);
            return report.Results.Any(r => r.Failures > 0) ? ExitCodes.Failure : ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>"1000,10000,all" → [1000, 10000, int.MaxValue].</summary>
    private static bool TryParseSizes(string text, out IReadOnlyList<int> sizes)
    {
        var parsed = new List<int>();
        sizes = parsed;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part.Equals("all", StringComparison.OrdinalIgnoreCase)) parsed.Add(int.MaxValue);
            else if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0) parsed.Add(n);
            else return false;
        }
        return parsed.Count > 0;
    }
}
