using System.Diagnostics;
using QABot.Testing;

namespace QABot.Cli.Tests;

/// <summary>
/// Runs the built `qabot` executable (copied beside the tests) as its own process, for what only a real process shows:
/// everything it writes to stderr, logging included, and its exit code.
/// </summary>
public static class QabotProcess
{
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(TimeSpan timeout, params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try { await process.WaitForExitAsync(deadline.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"qabot {string.Join(' ', args)} did not exit within {timeout}; stderr so far: {await error}");
        }
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The built CLI with the repository as its root, and none of the machine's data directory, bot token or endpoints.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "qabot.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["QABOT_ROOT"] = RepoPaths.Root;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment.Remove("QABOT_DATA_DIR");
        start.Environment.Remove("TELEGRAM_BOT_TOKEN");
        return start;
    }
}
