using System.Diagnostics;

namespace QABot.Core.Diagnostics;

/// <summary>
/// Marks on stderr when QABOT_STARTUP_TRACE=1: wall time since the process started and the CPU it has used, at the
/// steps of a cold command. Cold-start work is spread over host, index and answerer; these marks show which step pays
/// for it without a profiler (a profiler's own start-up cost distorts a 0.3 s process). Off, a mark costs one branch.
/// </summary>
public static class StartupTrace
{
    public static readonly bool Enabled = Environment.GetEnvironmentVariable("QABOT_STARTUP_TRACE") == "1";

    private static readonly HashSet<string> Marked = [];

    /// <summary>Prints the first time a step is reached in this process; later questions are warm and not start-up.</summary>
    public static void Mark(string step)
    {
        if (!Enabled) return;
        lock (Marked)
            if (!Marked.Add(step)) return;
        using var process = Process.GetCurrentProcess();
        var wall = DateTime.Now - process.StartTime;
        Console.Error.WriteLine($"[startup] {wall.TotalMilliseconds,7:0.0} ms wall {process.TotalProcessorTime.TotalMilliseconds,7:0.0} ms cpu  {step}");
    }
}
