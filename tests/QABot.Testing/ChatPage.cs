using Microsoft.Playwright;

namespace QABot.Testing;

/// <summary>The help-desk chat page as a test drives it: open it in Chromium, ask, and wait for the bot's reply.</summary>
public sealed class ChatPage : IAsyncDisposable
{
    private static readonly LocatorWaitForOptions ReplyWait = new() { Timeout = 30_000 };
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ChatPage(IPlaywright playwright, IBrowser browser, IPage page) => (_playwright, _browser, Page) = (playwright, browser, page);

    public IPage Page { get; }

    public static async Task<ChatPage> OpenAsync(Uri address)
    {
        var (playwright, browser) = await HeadlessChromium.LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 900 } });
        await page.GotoAsync(address.ToString());
        return new ChatPage(playwright, browser, page);
    }

    /// <summary>The bot's reply bubble for the n-th question (0-based).</summary>
    public ILocator Reply(int n) => Page.Locator("li.msg.bot").Nth(n);

    /// <summary>Types the question, submits it, and returns the reply once it shows a citation card (or, with <paramref name="expectNotFound"/>, the not-found state).</summary>
    public async Task<ILocator> AskAsync(string question, bool expectNotFound = false, bool pressEnter = false)
    {
        var replies = await Page.Locator("li.msg.bot").CountAsync();
        var box = Page.GetByLabel("Your question");
        await box.FillAsync(question);
        if (pressEnter) await box.PressAsync("Enter");
        else await Page.GetByRole(AriaRole.Button, new() { Name = "Ask" }).ClickAsync();
        var reply = Reply(replies);
        await (expectNotFound ? reply.Locator(".not-found") : reply.Locator("article.card").First).WaitForAsync(ReplyWait);
        return reply;
    }

    public async Task ScreenshotAsync(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
