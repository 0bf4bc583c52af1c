using System.Diagnostics;
using System.Text;

namespace QABot.Cli.Tests;

/// <summary>
/// A `qabot` process started from the built CLI (qabot.dll beside the tests) and left running, for tests about what
/// happens between processes: two writers at once, a kill -9 in the middle of an ingest. Its output is collected as it
/// comes, so a test can wait for a line before acting.
/// </summary>
public sealed class RunningQabot : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _error = new();

    private RunningQabot(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_out) _out.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_error) _error.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static RunningQabot Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <param name="environment">Configuration for the process as environment variables (<c>Web__ApiKeys__0</c>).</param>
    public static RunningQabot Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = QabotProcess.StartInfo(args);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var process = Process.Start(start)!;
        process.StandardInput.Close();
        return new RunningQabot(process);
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Out { get { lock (_out) return _out.ToString(); } }

    public string Error { get { lock (_error) return _error.ToString(); } }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try { await _process.WaitForExitAsync(deadline.Token); }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"qabot (pid {Id}) did not exit within {timeout}; stderr so far: {Error}");
        }
        _process.WaitForExit(); // flushes the redirected output
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no handler runs, nothing is flushed or rolled back.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM, as `kill PID`, systemd and docker stop send it: the process is asked to stop and may clean up.</summary>
    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { RedirectStandardError = true })!;
        kill.WaitForExit();
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill -TERM {Id} failed: {kill.StandardError.ReadToEnd()}");
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}

/// <summary>Waits for a condition by polling it; the test fails with <paramref name="what"/> when the timeout passes first.</summary>
public static class Poll
{
    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > timeout) throw new TimeoutException($"timed out after {timeout} waiting until {what}");
            await Task.Delay(25);
        }
    }
}
