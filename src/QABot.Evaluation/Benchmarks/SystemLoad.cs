using System.Globalization;

namespace QABot.Evaluation.Benchmarks;

/// <summary>
/// The 1-minute load average when a measurement starts (Linux /proc/loadavg), recorded with timings because on a
/// shared machine other work moves them more than any code change.
/// </summary>
public static class SystemLoad
{
    public static double? OneMinuteAverage()
    {
        try
        {
            var text = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg") : null;
            var first = text?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
