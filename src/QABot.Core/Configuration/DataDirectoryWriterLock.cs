using System.Globalization;

namespace QABot.Core.Configuration;

/// <summary>
/// The one-writer-per-data-directory rule, across processes: an exclusive OS lock on <c>{data}/writer.lock</c> held for a
/// whole write session (ingest, first-run sample ingest, repair, restore). Opening the file with
/// <see cref="FileShare.None"/> takes an exclusive <c>flock</c> on Unix (a share-denying handle on Windows), which the
/// OS drops when the process dies, so a killed ingest never leaves a stale lock. Readers never take it.
/// </summary>
/// <remarks>
/// Lucene.Net's own <c>write.lock</c> is not enough: its native lock on Linux is a shared flock, so two processes both
/// "hold" it and interleave commits. Within one process the lock is re-entrant (a second flock on another handle would
/// conflict with the first); writers inside one process are serialized by the backend itself.
/// The lock file is never deleted: a waiter polling an unlinked file would acquire a lock nobody else sees.
/// </remarks>
public sealed class DataDirectoryWriterLock : IDisposable
{
    public const string FileName = "writer.lock";

    /// <summary>Who holds the lock, written after acquiring it: the lock file itself cannot be read while locked.</summary>
    public const string OwnerFileName = "writer.pid";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly Dictionary<string, Held> HeldByThisProcess = new(StringComparer.Ordinal);

    private readonly string _directory;
    private bool _released;

    private DataDirectoryWriterLock(string directory) => _directory = directory;

    public string Directory => _directory;

    /// <summary>Takes the lock now, or returns null with the holder's process id when known.</summary>
    public static DataDirectoryWriterLock? TryAcquire(string dataDirectory, out int? holderProcessId)
    {
        var directory = Path.GetFullPath(dataDirectory);
        holderProcessId = null;
        lock (HeldByThisProcess)
        {
            if (HeldByThisProcess.TryGetValue(directory, out var held))
            {
                held.Count++;
                return new DataDirectoryWriterLock(directory);
            }
            System.IO.Directory.CreateDirectory(directory);
            FileStream stream;
            try
            {
                stream = new FileStream(Path.Combine(directory, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (File.Exists(Path.Combine(directory, FileName)))
            {
                holderProcessId = ReadOwner(directory);
                return null;
            }
            HeldByThisProcess[directory] = new Held(stream);
            WriteOwner(directory);
            return new DataDirectoryWriterLock(directory);
        }
    }

    /// <summary>
    /// Takes the lock, waiting while another process holds it; <paramref name="waiting"/> is called once, with the
    /// holder's process id when known, before the first wait.
    /// </summary>
    public static async Task<DataDirectoryWriterLock> AcquireAsync(string dataDirectory, Action<int?>? waiting, CancellationToken cancellationToken)
    {
        var announced = false;
        while (true)
        {
            if (TryAcquire(dataDirectory, out var holder) is { } acquired) return acquired;
            if (!announced)
            {
                waiting?.Invoke(holder);
                announced = true;
            }
            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        lock (HeldByThisProcess)
        {
            if (_released) return;
            _released = true;
            if (!HeldByThisProcess.TryGetValue(_directory, out var held) || --held.Count > 0) return;
            HeldByThisProcess.Remove(_directory);
            try { File.Delete(Path.Combine(_directory, OwnerFileName)); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
            held.Stream.Dispose();
        }
    }

    private static void WriteOwner(string directory)
    {
        try { File.WriteAllText(Path.Combine(directory, OwnerFileName), Environment.ProcessId.ToString(CultureInfo.InvariantCulture)); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static int? ReadOwner(string directory)
    {
        try
        {
            return int.TryParse(File.ReadAllText(Path.Combine(directory, OwnerFileName)).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                ? pid : null;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    private sealed class Held(FileStream stream)
    {
        public FileStream Stream { get; } = stream;
        public int Count { get; set; } = 1;
    }
}
