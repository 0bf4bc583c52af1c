using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QABot.Cli.Composition;
using QABot.Core.Configuration;
using QABot.Core.Json;
using QABot.Core.Retrieval;
using QABot.Retrieval.Lucene;
using QABot.Retrieval.Qdrant.Index;
using QABot.Retrieval.Qdrant.Options;

namespace QABot.Cli.Commands;

/// <summary>`qabot index check|repair|snapshot|restore`: the embedded Lucene index's health and backups.</summary>
public static class IndexCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("index", """
            Check, repair, back up and restore the embedded Lucene index of a data directory.

            The routine:
              qabot index snapshot /backups/qabot-$(date +%F)   hot copy of the last commit; `serve` and questions go on
              qabot index check                                  every segment's state; exit 1 when something is broken
              qabot index restore /backups/qabot-2026-01-31      put a snapshot back (the current index is kept as a backup)
              qabot index repair --yes                           last resort: drop unreadable segments (after a backup copy)
            """);
        command.Add(CreateCheck(globals));
        command.Add(CreateRepair(globals));
        command.Add(CreateSnapshot(globals));
        command.Add(CreateRestore(globals));
        return command;
    }

    private static Command CreateCheck(GlobalOptions globals)
    {
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("check", """
            Run Lucene's CheckIndex over the last commit: open every segment and verify its postings, stored fields and
            doc values. Prints each segment's documents, deletions, size and state. Only reads: safe beside `serve` and
            ingest.

            Exit codes: 0 healthy (or no index yet); 1 broken (a segment cannot be read, or the commit file is missing).

            Examples:
              qabot index check
              qabot --data-dir /srv/qabot index check --json
            """) { json };
        command.SetAction((parse, ct) => globals.RunAsync(parse, ct, async (services, token) =>
        {
            var env = globals.EnvironmentFor(parse);
            var maintenance = Maintenance(services);
            var report = await Task.Run(maintenance.Check, token);
            if (parse.GetValue(json)) await env.Out.WriteLineAsync(JsonSerializer.Serialize(report, AnswerJson.IndentedSerializerOptions));
            else await PrintAsync(env.Out, report);
            return report.Healthy ? ExitCodes.Success : ExitCodes.Failure;
        }));
        return command;
    }

    private static Command CreateRepair(GlobalOptions globals)
    {
        var yes = new Option<bool>("--yes") { Description = "Do it: repair removes the broken segments' articles from the index." };
        var noWait = NoWaitOption();
        var command = new Command("repair", """
            Drop the segments CheckIndex cannot read and commit the rest, so the index opens again. The articles in the
            dropped segments are lost from the index (ingest their files again to get them back), so the whole index
            folder is first copied beside it (lucene.before-repair-TIME) and the report says what was dropped.
            A missing commit file (segments_N) cannot be repaired: restore a snapshot instead.
            Waits for a running ingest to finish (--no-wait: exit 4 instead).

            Exit codes: 0 repaired or nothing to repair; 1 cannot repair (no commit) or failed; 2 without --yes;
            4 another process is writing and --no-wait was given.

            Examples:
              qabot index check && echo healthy || qabot index repair --yes
            """) { yes, noWait };
        command.SetAction((parse, ct) => globals.RunAsync(parse, ct, async (services, token) =>
        {
            var env = globals.EnvironmentFor(parse);
            if (!parse.GetValue(yes))
                throw new BadInputException("repair drops the segments it cannot read; run `qabot index check` to see them, then `qabot index repair --yes` (a backup copy is made first)");
            var maintenance = Maintenance(services);
            using var writerLock = await WriterLockGate.AcquireAsync(maintenance.DataDirectory, env, parse.GetValue(noWait), token);
            var report = await Task.Run(() => maintenance.Repair(maintenance.BackupPath("repair", DateTimeOffset.UtcNow)), token);
            if (report.After is null)
            {
                if (report.Before.Healthy)
                {
                    await env.Out.WriteLineAsync($"nothing to repair: {Summary(report.Before)}");
                    return ExitCodes.Success;
                }
                await env.Error.WriteLineAsync($"error: cannot repair {report.Before.Path}: {report.Before.Problem}; nothing was changed. " +
                                               "Restore a snapshot: qabot index restore DIR");
                return ExitCodes.Failure;
            }
            var dropped = report.Before.Segments.Where(s => !s.Readable).ToList();
            await env.Out.WriteLineAsync($"backup of the index before repair: {report.BackupPath}");
            foreach (var segment in dropped)
                await env.Out.WriteLineAsync($"dropped segment {segment.Name}: {segment.Documents} documents ({segment.Error})");
            await env.Out.WriteLineAsync($"lost {report.Before.LostDocuments} documents (articles with their chunks) in {dropped.Count} of {report.Before.Segments.Count} segments; " +
                                         $"now: {Summary(report.After)}. Ingest the affected files again to get their articles back");
            return report.After.Healthy ? ExitCodes.Success : ExitCodes.Failure;
        }));
        return command;
    }

    private static Command CreateSnapshot(GlobalOptions globals)
    {
        var target = new Argument<string>("dir") { Description = "A new or empty folder for the snapshot (outside the index folder)." };
        var command = new Command("snapshot", """
            Copy the last commit of the index into DIR, with a manifest (qabot-snapshot.json: commit, articles, each file's
            size and SHA-256). Hot and consistent: it reads only committed files, so `serve` keeps answering and an ingest
            keeps writing; if that ingest commits meanwhile, the copy starts over from the newer commit.
            On the Qdrant backend: a Qdrant snapshot of the collection behind the alias (gRPC), downloaded into DIR
            through Qdrant's REST port (Retrieval:Qdrant:RestUrl, default the gRPC host on port 6333) with its manifest.

            Exit codes: 0 written; 1 failed (no index, DIR not empty, disk full, Qdrant unreachable).

            Examples:
              qabot index snapshot /backups/qabot-$(date +%F)
              qabot index restore /backups/qabot-2026-01-31     # to put it back
            """) { target };
        command.SetAction((parse, ct) => globals.RunAsync(parse, ct, async (services, token) =>
        {
            var env = globals.EnvironmentFor(parse);
            var folder = Path.GetFullPath(parse.GetValue(target)!);
            var watch = Stopwatch.StartNew();
            if (QdrantTransfer(services) is { } qdrant)
            {
                var taken = await qdrant.SnapshotAsync(folder, token);
                await env.Out.WriteLineAsync($"Qdrant snapshot {taken.SnapshotFile} of collection {taken.Collection} (alias {taken.Alias}): {taken.Points} points, " +
                                             $"{taken.Bytes / 1_048_576.0:0.0} MB, downloaded to {folder} in {watch.Elapsed.TotalSeconds:0.0} s. " +
                                             $"Restore with: qabot index restore {folder}");
                return ExitCodes.Success;
            }
            var maintenance = Maintenance(services);
            var manifest = await Task.Run(() => maintenance.Snapshot(folder), token);
            await env.Out.WriteLineAsync($"snapshot of commit {manifest.SegmentsFile}: {manifest.Articles} articles, {manifest.Files.Count} files, " +
                                         $"{manifest.Files.Sum(f => f.Bytes) / 1_048_576.0:0.0} MB, written to {folder} in {watch.Elapsed.TotalSeconds:0.0} s. " +
                                         $"Restore with: qabot index restore {folder}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command CreateRestore(GlobalOptions globals)
    {
        var source = new Argument<string>("dir") { Description = "A folder written by `qabot index snapshot`." };
        var noWait = NoWaitOption();
        var command = new Command("restore", """
            Put a snapshot back as the index. The snapshot is validated first (manifest, every file's size and SHA-256,
            CheckIndex); the current index folder is kept beside it (lucene.before-restore-TIME), never deleted. Waits
            for a running ingest to finish (--no-wait: exit 4 instead). Refuses (exit 5, naming the pids) while any
            process has the index open (`serve`, `ask`, `stats`, a snapshot): the restored segments carry the same names
            as the replaced ones, and a running reader must not mix the two. Stop `serve`, restore, start it again.
            On the Qdrant backend: the snapshot file is uploaded as a new collection version, its point count checked,
            and the alias moved to it (the replaced collection is kept); a running `serve` follows the alias at once.

            Exit codes: 0 restored; 1 failed (nothing was changed); 2 DIR does not exist; 4 another process is writing
            and --no-wait was given; 5 another process has the index open (nothing was changed).

            Examples:
              qabot index restore /backups/qabot-2026-01-31
            """) { source, noWait };
        command.SetAction((parse, ct) => globals.RunAsync(parse, ct, async (services, token) =>
        {
            var env = globals.EnvironmentFor(parse);
            var folder = Path.GetFullPath(parse.GetValue(source)!);
            if (!Directory.Exists(folder)) throw new BadInputException($"no such snapshot folder: {folder}");
            if (QdrantTransfer(services) is { } qdrant)
            {
                var restored = await qdrant.RestoreAsync(folder, token);
                await env.Out.WriteLineAsync($"restored Qdrant snapshot {restored.Manifest.SnapshotFile} ({restored.Manifest.Points} points, taken {restored.Manifest.Created:yyyy-MM-dd HH:mm} UTC) " +
                                             $"into collection {restored.Collection}; alias {restored.Manifest.Alias} now points to it" +
                                             (restored.Replaced is { } replaced ? $"; the previous collection {replaced} is kept (delete it when the restored one is checked)" : ""));
                return ExitCodes.Success;
            }
            var maintenance = Maintenance(services);
            using var writerLock = await WriterLockGate.AcquireAsync(maintenance.DataDirectory, env, parse.GetValue(noWait), token);
            var hadIndex = Directory.Exists(maintenance.IndexPath);
            var backup = maintenance.BackupPath("restore", DateTimeOffset.UtcNow);
            var manifest = await Task.Run(() => maintenance.Restore(folder, backup), token);
            await env.Out.WriteLineAsync($"restored commit {manifest.SegmentsFile} ({manifest.Articles} articles, snapshot of {manifest.Created:yyyy-MM-dd HH:mm} UTC) into {maintenance.IndexPath}" +
                                         (hadIndex ? $"; the previous index is kept at {backup}" : ""));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Option<bool> NoWaitOption() =>
        new("--no-wait") { Description = "If another process is writing to the data directory, exit with code 4 instead of waiting." };

    /// <summary>On the Qdrant backend, snapshot and restore move Qdrant collection snapshots; null on the embedded index.</summary>
    private static QdrantSnapshotTransfer? QdrantTransfer(IServiceProvider services) =>
        services.GetRequiredService<IArticleIndex>() is QdrantArticleIndex qdrant
            ? new QdrantSnapshotTransfer(qdrant, services.GetRequiredService<IOptions<QdrantOptions>>())
            : null;

    private static LuceneIndexMaintenance Maintenance(IServiceProvider services)
    {
        if (services.GetRequiredService<IArticleIndex>().BackendName != "lucene")
            throw new BadInputException("`qabot index check` and `repair` work on the embedded Lucene index; on the Qdrant backend use `qabot qdrant status` " +
                                        "(snapshot and restore work on both)");
        var dataDirectory = services.GetRequiredService<IOptions<DataOptions>>().Value.ResolvedDirectory;
        return new LuceneIndexMaintenance(Path.Combine(dataDirectory, LuceneArticleIndex.DirectoryName));
    }

    private static async Task PrintAsync(TextWriter output, IndexCheckReport report)
    {
        await output.WriteLineAsync($"index:    {report.Path}");
        await output.WriteLineAsync($"commit:   {report.SegmentsFile ?? "none"}");
        foreach (var segment in report.Segments)
            await output.WriteLineAsync($"  {segment.Name,-8} {segment.Documents,9} docs {segment.Deleted,8} deleted {segment.SizeMB,9:0.0} MB  " +
                                        (segment.Readable ? "ok" : $"BROKEN: {segment.Error}"));
        await output.WriteLineAsync($"state:    {Summary(report)}" +
                                    (report.Healthy ? "" : report.SegmentsFile is null
                                        ? ". Restore a snapshot: qabot index restore DIR"
                                        : ". Repair: qabot index repair --yes (a backup copy is made first), or restore a snapshot"));
    }

    private static string Summary(IndexCheckReport report) =>
        report.Problem is { } problem ? $"broken: {problem}"
        : report.SegmentsFile is null ? "no index yet"
        : $"healthy: {report.Segments.Count} segments, {report.Segments.Sum(s => s.Documents - s.Deleted)} documents";
}
