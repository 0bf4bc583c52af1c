using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QABot.Cli.Composition;
using QABot.Core.Configuration;
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
        return command;
    }

    private static Command CreateIngest(GlobalOptions globals)
    {
        var corpus = new Argument<string?>("corpus")
        {
            Description = "A .jsonl or .jsonl.gz corpus, one article a line. Default: ../shared/corpora/ant-multisource-news.jsonl.gz beside the QABot root.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var sizes = new Option<string>("--sizes") { Description = "Corpus sizes to ingest, each into a fresh index (first N articles; 'all' = everything).", DefaultValueFactory = _ => "1000,10000,all" };
        var queries = new Option<int>("--queries") { Description = "Questions timed (one client) on each index.", DefaultValueFactory = _ => 200 };
        var keep = new Option<string?>("--keep-index") { Description = "Build the largest index in this (empty) folder and keep it, for `qabot --data-dir DIR bench query`." };
        var outputs = new MeasurementOutputs();
        var command = new Command("ingest", """
            Ingest the first 1k, 10k and all articles of a corpus into fresh temporary indexes and report articles/s, MB/s,
            peak memory, index size, and single-client query latency on each (how cost grows with the corpus). Duplicate
            URLs are left to ingestion's dedup. With --write-docs, writes charts and the scale section of docs/benchmarks.md.

            Examples:
              qabot bench ingest
              qabot bench ingest ../shared/corpora/ant-multisource-news.jsonl.gz --keep-index /tmp/qabot-full --out bench-ingest.json
            """) { corpus, sizes, queries, keep };
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
        var questionsFile = new Option<string?>("--questions-file") { Description = "Replay these questions (one a line) instead of article titles." };
        var outputs = new MeasurementOutputs();
        var command = new Command("query", """
            Time questions against the index in the data directory (--data-dir) from 1 and 8 concurrent clients: search
            and whole-answer latency p50/p95/p99 and throughput. Writes a chart and the concurrency section of docs/benchmarks.md.

            Examples:
              qabot --data-dir /tmp/qabot-full bench query
              qabot bench query --clients 1,4,8 --questions-file questions.txt
            """) { queries, clients, questionsFile };
        outputs.AddTo(command);

        command.SetAction((parse, ct) => globals.RunAsync(parse, ct, async (services, token) =>
        {
            var env = globals.EnvironmentFor(parse);
            var root = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
            if (!TryParseSizes(parse.GetValue(clients)!, out var clientCounts) || clientCounts.Contains(int.MaxValue) || parse.GetValue(queries) < 1)
            {
                await env.Error.WriteLineAsync("error: --clients takes positive counts separated by commas (e.g. 1,8); --queries must be at least 1.");
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
