using System.Diagnostics;

namespace QABot.Testing;

/// <summary>
/// Polls for an effect that becomes visible "within N seconds" (another process's commit, a dropped file): the test
/// asserts that it happened before the deadline, never how long it took.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    /// <returns>True as soon as <paramref name="condition"/> holds; false when <paramref name="timeout"/> passed first.</returns>
    public static async Task<bool> TrueWithinAsync(TimeSpan timeout, Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await condition()) return true;
            if (clock.Elapsed > timeout) return false;
            await Task.Delay(PollEvery);
        }
    }
}
