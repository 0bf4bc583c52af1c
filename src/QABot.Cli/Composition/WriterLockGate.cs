using QABot.Core.Configuration;

namespace QABot.Cli.Composition;

/// <summary>
/// How a command that writes takes the data directory's <see cref="DataDirectoryWriterLock"/>: when another process
/// holds it, it says who and waits (Ctrl-C stops the wait), or with --no-wait gives up with <see cref="ExitCodes.Busy"/>.
/// </summary>
public static class WriterLockGate
{
    public static async Task<DataDirectoryWriterLock> AcquireAsync(string dataDirectory, CliEnvironment env, bool noWait, CancellationToken cancellationToken)
    {
        if (noWait)
            return DataDirectoryWriterLock.TryAcquire(dataDirectory, out var holder)
                ?? throw new DataDirectoryBusyException($"{Holder(holder)} is writing to {dataDirectory}; nothing was done (--no-wait). Run again when it has finished");
        return await DataDirectoryWriterLock.AcquireAsync(dataDirectory,
            holder => env.Error.WriteLine($"{Holder(holder)} is writing to {dataDirectory}; waiting… Ctrl-C to stop"), cancellationToken);
    }

    private static string Holder(int? processId) => processId is { } pid ? $"another ingest (pid {pid})" : "another ingest";
}

/// <summary>Another process holds the data directory's writer lock and the command was told not to wait (exit code 4).</summary>
public sealed class DataDirectoryBusyException(string message) : Exception(message);
