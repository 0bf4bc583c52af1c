using Microsoft.Playwright;
using QABot.Testing;

namespace QABot.Cli.Tests;

/// <summary>
/// The chat page of `qabot serve` in headless Chromium over the production pipeline (sample corpus ingested, Lucene,
/// extractive answerer): what a help-desk user sees. Its screenshot is the one in the README.
/// </summary>
[Trait("Category", "Web")]
[Trait("Speed", "Slow")]
public sealed class ServeBrowserTests
{
    private static readonly string ScreenshotPath = Path.Combine(RepoPaths.Root, "tests", "QABot.Cli.Tests", "TestResults", "web-chat-real.png");

    [Fact]
    public async Task Arabic_question_in_the_chat_page_gets_the_real_answer_with_its_dated_citation_card()
    {
        await using var serve = await RunningServeHost.StartAsync();
        var (playwright, browser) = await HeadlessChromium.LaunchAsync();
        using var _playwright = playwright;
        await using var _browser = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 900 } });
        await page.GotoAsync(serve.Address.ToString());

        await page.GetByLabel("Your question").FillAsync("ماذا أهدى بوتين لكيم جونغ أون؟");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask" }).ClickAsync();
        var answer = page.Locator("li.msg.bot").Last;
        var card = answer.Locator("article.card").First;
        await card.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

        Assert.Contains("بندقية", await answer.Locator(".answer").InnerTextAsync());
        Assert.Equal("rtl", await answer.Locator(".answer").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        Assert.Equal("2023-09-14", await card.Locator("time").GetAttributeAsync("datetime"));
        Assert.Contains("قناة اليمن اليوم", await card.InnerTextAsync());

        await page.GetByLabel("Your question").FillAsync("What is the capital of Australia?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask" }).ClickAsync();
        await page.Locator("li.msg.bot").Nth(1).Locator(".not-found").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

        Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath, FullPage = true });
    }
}
