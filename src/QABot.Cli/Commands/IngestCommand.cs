using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QABot.Cli.Composition;
using QABot.Cli.Terminal;
using QABot.Core.Configuration;
using QABot.Core.Retrieval;
using QABot.Ingestion;
using QABot.Ingestion.Watching;

namespace QABot.Cli.Commands;

public static class IngestCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Files or folders: .txt articles (seed format), .jsonl / .jsonl.gz (one article per line), .json arrays.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var watch = new Option<string?>("--watch")
        {
            Description = "Keep ingesting article files that appear in this drop folder (instead of paths); Ctrl-C stops.",
            HelpName = "DIR",
        };
        var noWait = new Option<bool>("--no-wait") { Description = "If another process is writing to the data directory, exit with code 4 instead of waiting." };
        var command = new Command("ingest", """
            Parse, chunk and index articles. Re-ingest is incremental: unchanged articles are skipped, changed ones replaced,
            exact duplicates across files stored once with every id recorded. A bad file or line is reported and the run goes
            on; everything that parsed is committed together at the end (an interrupted run leaves the index as it was).

            Files in the given folders that are not articles (.png, .pdf, ...) are passed over and counted in the summary.

            One writer at a time per data directory: while another ingest (or repair, restore) writes, this one says
            so and waits; with --no-wait it exits with code 4 instead. Questions and `serve` go on meanwhile.

            Exit codes: 0 all ingested; 3 some inputs failed (the rest was committed); 1 inputs failed and nothing was
            ingested; 2 none of the given paths exists; 4 another process is writing and --no-wait was given.

            --watch DIR keeps running: each article file renamed (or moved) into DIR is ingested and committed on its
            own, then moved to DIR/done, or to DIR/failed with a .error note beside it when any of it failed (what parsed
            is committed). Write a file under a temporary name (.name, *.tmp, *.part) and rename it when complete: those
            names are left alone. Files already in DIR at start are processed first, so a restarted watch picks up where
            it stopped. One line per file. Exit codes: 130 stopped with Ctrl-C (a file being ingested stays in DIR,
            uncommitted); 1 the index failed; 2 DIR does not exist.

            Examples:
              qabot ingest corpus/sample
              qabot ingest ../shared/corpora/ant-multisource-news.jsonl.gz
              qabot ingest --no-wait today.jsonl        # from cron: skip this run if another ingest is still going
              qabot ingest --watch /srv/news/drop      # writer: cp x.jsonl drop/.x.jsonl && mv drop/.x.jsonl drop/x.jsonl
            """) { paths, noWait, watch };

        command.SetAction((parse, ct) => globals.RunAsync(parse, ct, async (services, token) =>
        {
            var env = globals.EnvironmentFor(parse);
            var inputs = parse.GetValue(paths) ?? [];
            if (parse.GetValue(watch) is { } dropFolder)
            {
                if (inputs.Length > 0) throw new BadInputException("give paths to ingest or --watch DIR, not both");
                return await WatchAsync(services, env, dropFolder, token);
            }
            if (inputs.Length == 0) throw new BadInputException("give at least one file or folder to ingest (or --watch DIR)");
            var missing = inputs.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
            foreach (var m in missing) await env.Error.WriteLineAsync($"error: no such file or folder: {m}");
            if (missing.Count == inputs.Length) return ExitCodes.BadInput;

            var pipeline = services.GetRequiredService<IngestionPipeline>();
            var index = services.GetRequiredService<IArticleIndex>();
            var dataDir = services.GetRequiredService<IOptions<DataOptions>>().Value.ResolvedDirectory;
            using var writerLock = await WriterLockGate.AcquireAsync(dataDir, env, parse.GetValue(noWait), token);
            await env.Error.WriteLineAsync($"Ingesting into the {index.BackendName} index at {dataDir} …");

            var existing = inputs.Except(missing).ToList();
            var report = await IngestProgressView.RunAsync(env, progress => pipeline.IngestPathsAsync(existing, progress, token));

            foreach (var note in report.Notes ?? []) await env.Out.WriteLineAsync(note);
            foreach (var error in report.Errors)
                await env.Error.WriteLineAsync($"failed: {error.Path}{(error.Line is { } line ? $":{line}" : "")}: {error.Message}");
            if (report.PassedOver.Count > 0)
                await env.Error.WriteLineAsync($"passed over {report.PassedOver.Count} file(s) that are not articles " +
                    $"({string.Join(", ", report.PassedOver.Select(Path.GetExtension).Select(e => e is { Length: > 0 } ? e : "no extension").Distinct().Take(5))}), e.g. {report.PassedOver[0]}");
            var seconds = Math.Max(report.Elapsed.TotalSeconds, 0.001);
            var failed = report.Failed + missing.Count;
            await env.Out.WriteLineAsync(
                $"ingested {report.Ingested} (replaced {report.Replaced}), skipped {report.Skipped} unchanged, " +
                $"{report.Duplicates} duplicates, failed {failed}; {report.Chunks} chunks; " +
                (report.PassedOver.Count > 0 ? $"passed over {report.PassedOver.Count} non-article files; " : "") +
                $"{report.Bytes / 1_048_576.0:0.0} MB in {seconds:0.0} s ({(report.Ingested + report.Skipped + report.Duplicates) / seconds:0} articles/s)");
            if (failed == 0) return ExitCodes.Success;
            return report.ArticlesSeen == 0 ? ExitCodes.Failure : ExitCodes.PartialFailure;
        }));
        return command;
    }

    private static async Task<int> WatchAsync(IServiceProvider services, CliEnvironment env, string folder, CancellationToken token)
    {
        if (!Directory.Exists(folder))
        {
            await env.Error.WriteLineAsync($"error: no such folder: {folder}");
            return ExitCodes.BadInput;
        }
        var index = services.GetRequiredService<IArticleIndex>();
        var dataDir = services.GetRequiredService<IOptions<DataOptions>>().Value.ResolvedDirectory;
        await services.GetRequiredService<DropFolderIngest>().WatchAsync(folder,
            async file =>
            {
                var report = file.Report;
                var counts = report is null ? "" : $"ingested {report.Ingested} (replaced {report.Replaced}), skipped {report.Skipped} unchanged, " +
                    $"{report.Duplicates} duplicates, failed {report.Failed}; ";
                await env.Out.WriteLineAsync($"{file.FileName}: {counts}{(file.Failed ? "moved to" : "done →")} {file.MovedTo}");
                if (file.Failed) await env.Error.WriteLineAsync($"failed: {file.FileName}: {file.Problem!.Split(Environment.NewLine)[0]} (see {file.MovedTo}{DropFolderIngest.ErrorNoteExtension})");
            },
            () => env.Error.WriteLineAsync($"Watching {Path.GetFullPath(folder)} for article files (into the {index.BackendName} index at {dataDir}); Ctrl-C to stop."),
            token);
        return ExitCodes.Success; // not reached: the watch ends with Ctrl-C
    }
}
