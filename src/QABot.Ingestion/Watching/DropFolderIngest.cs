using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using QABot.Ingestion.Reading;

namespace QABot.Ingestion.Watching;

/// <summary>What became of one file dropped into the watched folder.</summary>
/// <param name="MovedTo">Where the file is now: under done/ or failed/.</param>
/// <param name="Report">The ingest run of the file; null when it was not an article file.</param>
/// <param name="Problem">Why it went to failed/ (also written to the .error note beside it); null when done.</param>
public sealed record DropFileResult(string FileName, string MovedTo, IngestReport? Report, string? Problem)
{
    public bool Failed => Problem is not null;
}

/// <summary>
/// `qabot ingest --watch DIR`: ingests every article file that appears in a drop folder, one file per commit, in the
/// order they arrive. A writer makes a file appear complete by renaming it into the folder (or moving it in from the
/// same file system): names a writer uses while it is still writing (dotfiles, *.tmp, *.part, *~) are left alone. A
/// processed file is moved to done/, or to failed/ with a <c>.error</c> note when any of it could not be ingested
/// (whatever did parse is committed). The folder itself is the queue, so the watch survives restarts: files already
/// there at start, or left there by an interrupted run (nothing of theirs was committed), are processed first.
/// </summary>
public sealed class DropFolderIngest(IngestionPipeline pipeline, ILogger<DropFolderIngest> logger)
{
    public const string DoneFolder = "done";
    public const string FailedFolder = "failed";
    public const string ErrorNoteExtension = ".error";

    private static readonly string[] TemporarySuffixes = [".tmp", ".temp", ".part", ".partial", ".crdownload", ".swp", "~"];

    /// <summary>A name a writer uses while the file is incomplete; such files wait for their rename.</summary>
    public static bool IsTemporaryName(string fileName) =>
        fileName.StartsWith('.') || TemporarySuffixes.Any(s => fileName.EndsWith(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled (then throws <see cref="OperationCanceledException"/>).</summary>
    /// <param name="onFile">Called after each file is committed and moved.</param>
    /// <param name="onWatching">Called once the files present at start are done and the folder is being watched.</param>
    public async Task WatchAsync(string folder, Func<DropFileResult, Task> onFile, Func<Task>? onWatching, CancellationToken cancellationToken)
    {
        folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(Path.Combine(folder, DoneFolder));
        Directory.CreateDirectory(Path.Combine(folder, FailedFolder));

        var arrivals = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        using var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = false, NotifyFilter = NotifyFilters.FileName };
        // A move into the folder from elsewhere is reported as Created, a rename inside it as Renamed.
        watcher.Created += (_, e) => arrivals.Writer.TryWrite(e.FullPath);
        watcher.Renamed += (_, e) => arrivals.Writer.TryWrite(e.FullPath);
        // Events were lost (the kernel queue overflowed): the folder is scanned again, so no file waits forever.
        watcher.Error += (_, e) =>
        {
            logger.LogWarning("Watching {Folder} lost events ({Message}); scanning it again", folder, e.GetException().Message);
            EnqueueExisting(folder, arrivals.Writer);
        };
        watcher.EnableRaisingEvents = true;
        // Scanned after the watcher starts, so a file arriving in between is seen by one or the other (or both: a
        // file already moved away is skipped).
        EnqueueExisting(folder, arrivals.Writer);

        var announced = onWatching is null;
        while (true)
        {
            if (!announced && !arrivals.Reader.TryPeek(out _))
            {
                announced = true;
                await onWatching!();
            }
            var path = await arrivals.Reader.ReadAsync(cancellationToken);
            var name = Path.GetFileName(path);
            if (IsTemporaryName(name) || !File.Exists(path) || Path.GetDirectoryName(path) != folder) continue;
            await onFile(await ProcessAsync(folder, path, cancellationToken));
        }
    }

    private static void EnqueueExisting(string folder, ChannelWriter<string> arrivals)
    {
        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal)) arrivals.TryWrite(file);
    }

    private async Task<DropFileResult> ProcessAsync(string folder, string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        if (!InputFiles.TryGetFormat(path, out _))
            return MoveToFailed(folder, path, null, "not an article file: expected .txt, .jsonl, .jsonl.gz, .ndjson or .json");

        // An index failure or Ctrl-C propagates with the file left in place: nothing of it was committed, and the
        // next run processes it again.
        var report = await pipeline.IngestPathsAsync([path], progress: null, cancellationToken);
        if (report.Failed == 0) return new DropFileResult(name, Move(path, Path.Combine(folder, DoneFolder)), report, null);
        var committed = report.Ingested + report.Replaced + report.Skipped + report.Duplicates;
        var problem = string.Join(Environment.NewLine, report.Errors.Select(e => e.Line is { } line ? $"line {line}: {e.Message}" : e.Message)
            .Prepend($"{report.Failed} problem(s); {committed} article(s) of this file were committed (dropping it again after a fix skips them as unchanged)."));
        return MoveToFailed(folder, path, report, problem);
    }

    private DropFileResult MoveToFailed(string folder, string path, IngestReport? report, string problem)
    {
        var moved = Move(path, Path.Combine(folder, FailedFolder));
        File.WriteAllText(moved + ErrorNoteExtension, problem + Environment.NewLine);
        logger.LogDebug("Dropped file {File} failed: {Problem}", path, problem);
        return new DropFileResult(Path.GetFileName(path), moved, report, problem);
    }

    /// <summary>Moves into <paramref name="target"/>, never over an earlier file of the same name (a timestamp goes in front).</summary>
    private static string Move(string path, string target)
    {
        var name = Path.GetFileName(path);
        var destination = Path.Combine(target, name);
        if (File.Exists(destination))
            destination = Path.Combine(target, DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + "-" + name);
        File.Move(path, destination);
        return destination;
    }
}
