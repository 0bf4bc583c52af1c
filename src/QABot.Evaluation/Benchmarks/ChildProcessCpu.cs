using System.Globalization;
using System.Runtime.InteropServices;

namespace QABot.Evaluation.Benchmarks;

/// <summary>
/// CPU time (user + system) of child processes, from the OS rather than the wall clock: on a shared machine a cold
/// start's wall time moves with everyone else's work, its CPU time much less. Linux only; null elsewhere.
/// </summary>
public static class ChildProcessCpu
{
    private const int RusageChildren = -1;

    /// <summary>CPU time of every child this process has started and waited for so far (getrusage RUSAGE_CHILDREN).</summary>
    public static TimeSpan? WaitedChildren()
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            return GetRusage(RusageChildren, out var usage) == 0 ? usage.UserTime.ToTimeSpan() + usage.SystemTime.ToTimeSpan() : null;
        }
        catch (DllNotFoundException) { return null; }
        catch (EntryPointNotFoundException) { return null; }
    }

    /// <summary>CPU time of a running process and of the children it has waited for (/proc/PID/stat utime..cstime).</summary>
    public static TimeSpan? Running(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After the name: state is field 3, so utime (14) .. cstime (17) are at 11..14 here.
            var ticks = 0L;
            for (var i = 11; i <= 14; i++) ticks += long.Parse(fields[i], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / (double)ClockTicksPerSecond);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>USER_HZ, which /proc reports times in: 100 on every Linux architecture .NET runs on.</summary>
    private const int ClockTicksPerSecond = 100;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeValue
    {
        public long Seconds;
        public long Microseconds;
        public readonly TimeSpan ToTimeSpan() => TimeSpan.FromSeconds(Seconds) + TimeSpan.FromMicroseconds(Microseconds);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public TimeValue UserTime;
        public TimeValue SystemTime;
        // maxrss … nivcsw: 14 longs the benchmark does not read.
        public long MaxRss, IxRss, IdRss, IsRss, MinFlt, MajFlt, NSwap, InBlock, OuBlock, MsgSnd, MsgRcv, NSignals, NvCsw, NivCsw;
    }

    // A blittable out-struct needs no marshalling code, so the plain import is enough (LibraryImport would need unsafe code).
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRusage(int who, out ResourceUsage usage);
#pragma warning restore SYSLIB1054
}
