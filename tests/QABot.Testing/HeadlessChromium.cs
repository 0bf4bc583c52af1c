using Microsoft.Playwright;
using Xunit;

namespace QABot.Testing;

/// <summary>
/// The system Chromium driven by Playwright (Playwright's own browser download does not work here). Missing Chromium
/// is a test failure with instructions, never a silent pass.
/// </summary>
public static class HeadlessChromium
{
    public static string ExecutablePath => Environment.GetEnvironmentVariable("QABOT_CHROMIUM") is { Length: > 0 } custom ? custom : "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Assert.True(File.Exists(ExecutablePath),
            $"Chromium not found at {ExecutablePath}. Install it (apt-get install chromium, done by the project's dependency script) " +
            "or point QABOT_CHROMIUM at a Chromium binary. The browser end-to-end tests cannot run without it.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
            Timeout = 60_000,
        });
        return (playwright, browser);
    }
}
