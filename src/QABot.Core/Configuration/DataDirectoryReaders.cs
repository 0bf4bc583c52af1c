using System.Globalization;

namespace QABot.Core.Configuration;

/// <summary>
/// Who has a data directory's index open. Every process that opens the index (ask, serve, stats, ingest, snapshot)
/// holds a shared OS lock on <c>{data}/readers.lock</c> for as long as it keeps the index open; <c>index restore</c>
/// replaces the whole index folder, so it takes that lock exclusively and refuses while anyone reads
/// (<see cref="IndexInUseException"/> names them). Shared locks never conflict with each other or with
/// <see cref="DataDirectoryWriterLock"/>, so readers still never block an ingest.
/// </summary>
/// <remarks>
/// The lock is a <c>flock</c> the OS drops when the process dies (a killed <c>serve</c> leaves nothing that blocks a
/// restore). It cannot say who holds it, so each reading process also leaves its pid in <c>{data}/readers/</c>; a
/// refusal names the pids still alive there. A reader that opens while a restore runs waits for the swap to end.
/// </remarks>
public sealed class DataDirectoryReaders : IDisposable
{
    public const string FileName = "readers.lock";

    /// <summary>One empty file per reading process, named by its pid.</summary>
    public const string RegistryFolderName = "readers";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly Dictionary<string, Registration> RegisteredByThisProcess = new(StringComparer.Ordinal);

    private readonly string _directory;
    private readonly FileStream? _exclusive;
    private bool _released;

    private DataDirectoryReaders(string directory, FileStream? exclusive)
    {
        _directory = directory;
        _exclusive = exclusive;
    }

    /// <summary>
    /// Registers this process as a reader of <paramref name="dataDirectory"/> until disposed. Waits while a restore
    /// holds the directory (<paramref name="waiting"/> is called once before the first wait).
    /// </summary>
    public static DataDirectoryReaders Register(string dataDirectory, Action? waiting = null)
    {
        var directory = Path.GetFullPath(dataDirectory);
        var announced = false;
        while (true)
        {
            lock (RegisteredByThisProcess)
            {
                if (RegisteredByThisProcess.TryGetValue(directory, out var registered))
                {
                    registered.Count++;
                    return new DataDirectoryReaders(directory, exclusive: null);
                }
                if (TryOpenShared(directory) is { } stream)
                {
                    RegisteredByThisProcess[directory] = new Registration(stream);
                    WritePid(directory);
                    return new DataDirectoryReaders(directory, exclusive: null);
                }
            }
            if (!announced)
            {
                waiting?.Invoke();
                announced = true;
            }
            Thread.Sleep(PollInterval);
        }
    }

    /// <summary>
    /// Takes the directory for a whole-index replacement: no process may have the index open. Throws
    /// <see cref="IndexInUseException"/> naming the readers otherwise; the returned handle keeps new readers waiting until disposed.
    /// </summary>
    public static DataDirectoryReaders AcquireExclusive(string dataDirectory)
    {
        var directory = Path.GetFullPath(dataDirectory);
        lock (RegisteredByThisProcess)
        {
            if (RegisteredByThisProcess.ContainsKey(directory)) throw new IndexInUseException(directory, [Environment.ProcessId]);
            System.IO.Directory.CreateDirectory(directory);
            try
            {
                return new DataDirectoryReaders(directory,
                    new FileStream(Path.Combine(directory, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (File.Exists(Path.Combine(directory, FileName)))
            {
                throw new IndexInUseException(directory, LiveReaders(directory));
            }
        }
    }

    /// <summary>The pids registered as readers whose process still runs (a killed reader's file is stale and skipped).</summary>
    public static IReadOnlyList<int> LiveReaders(string dataDirectory)
    {
        var folder = Path.Combine(Path.GetFullPath(dataDirectory), RegistryFolderName);
        if (!System.IO.Directory.Exists(folder)) return [];
        var pids = new List<int>();
        foreach (var file in System.IO.Directory.EnumerateFiles(folder))
        {
            if (int.TryParse(Path.GetFileName(file), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && IsRunning(pid))
                pids.Add(pid);
        }
        pids.Sort();
        return pids;
    }

    public void Dispose()
    {
        if (_exclusive is not null)
        {
            _exclusive.Dispose();
            return;
        }
        lock (RegisteredByThisProcess)
        {
            if (_released) return;
            _released = true;
            if (!RegisteredByThisProcess.TryGetValue(_directory, out var registered) || --registered.Count > 0) return;
            RegisteredByThisProcess.Remove(_directory);
            try { File.Delete(PidFile(_directory, Environment.ProcessId)); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
            registered.Stream.Dispose();
        }
    }

    /// <summary>A shared lock: read-only access with sharing allowed is a <c>LOCK_SH</c> flock on Unix.</summary>
    private static FileStream? TryOpenShared(string directory)
    {
        var path = Path.Combine(directory, FileName);
        System.IO.Directory.CreateDirectory(directory);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try { return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite); }
            catch (FileNotFoundException)
            {
                try { new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite).Dispose(); }
                catch (IOException) when (File.Exists(path)) { }
            }
            catch (IOException) when (File.Exists(path)) { return null; }
        }
        return null;
    }

    private static void WritePid(string directory)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Path.Combine(directory, RegistryFolderName));
            File.WriteAllText(PidFile(directory, Environment.ProcessId), "");
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static string PidFile(string directory, int pid) =>
        Path.Combine(directory, RegistryFolderName, pid.ToString(CultureInfo.InvariantCulture));

    private static bool IsRunning(int pid)
    {
        if (OperatingSystem.IsLinux()) return System.IO.Directory.Exists($"/proc/{pid}");
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    private sealed class Registration(FileStream stream)
    {
        public FileStream Stream { get; } = stream;
        public int Count { get; set; } = 1;
    }
}

/// <summary>A command that replaces the whole index found other processes reading it (restore: exit code 5).</summary>
public sealed class IndexInUseException(string dataDirectory, IReadOnlyList<int> readers) : Exception(
    $"the index in {dataDirectory} is open in {Describe(readers)}; stop it first (a running reader must not have its files replaced under it), " +
    "then run the restore again and start it after")
{
    public IReadOnlyList<int> Readers { get; } = readers;

    private static string Describe(IReadOnlyList<int> readers) => readers.Count switch
    {
        0 => "another process (pid unknown)",
        1 => $"another process (pid {readers[0]}: serve, ask or another command)",
        _ => $"other processes (pids {string.Join(", ", readers)}: serve, ask or other commands)",
    };
}
