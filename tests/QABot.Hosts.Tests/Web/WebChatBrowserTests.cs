using Microsoft.Playwright;
using QABot.Hosts.Tests.Doubles;
using QABot.Testing;

namespace QABot.Hosts.Tests.Web;

/// <summary>The chat page in real headless Chromium against the real web host.</summary>
[Trait("Category", "Web")]
[Trait("Speed", "Slow")]
public sealed class WebChatBrowserTests
{
    private static readonly string ScreenshotPath = Path.Combine(RepoPaths.Root, "tests", "QABot.Hosts.Tests", "TestResults", "web-chat.png");

    [Fact]
    public async Task An_arabic_question_gets_a_right_to_left_answer_with_a_dated_citation_card_that_opens_the_article()
    {
        await using var web = await WebHostHarness.StartAsync(streaming: true);
        var (playwright, browser) = await HeadlessChromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 900 } });
        await page.GotoAsync(web.BaseAddress.ToString());

        await page.GetByLabel("Your question").FillAsync("ماذا أهدى بوتين لكيم جونغ أون؟");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask" }).ClickAsync();

        var answer = page.Locator("li.msg.bot").Last;
        var card = answer.Locator("article.card").First;
        await card.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

        Assert.Contains("بندقية", await answer.Locator(".answer").InnerTextAsync());
        Assert.True(await answer.Locator(".answer").EvaluateAsync<bool>("e => e.matches(':dir(rtl)')"), "the Arabic answer must render right-to-left");
        Assert.Equal("rtl", await answer.Locator(".answer").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        Assert.Equal("2023-09-14", await card.Locator("time").GetAttributeAsync("datetime"));
        Assert.Contains(SampleArticles.GiftsTitle, await card.Locator("h3").InnerTextAsync());
        Assert.Contains("اليوم السابع", await card.InnerTextAsync());
        Assert.Contains("التاريخ غير مذكور", await answer.Locator("article.card").Nth(1).InnerTextAsync());
        Assert.Equal(0, await answer.Locator(".not-found").CountAsync());

        Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath, FullPage = true });
        Assert.True(new FileInfo(ScreenshotPath).Length > 10_000);

        await card.Locator("h3 a").ClickAsync();
        await page.WaitForURLAsync("**/articles/004_ed7c3fead92d0ce9");
        await page.Locator("#article:not([hidden])").WaitForAsync();
        Assert.Equal(SampleArticles.GiftsTitle, await page.Locator("#title").InnerTextAsync());
        Assert.Contains("2023-09-14", await page.Locator("#meta").InnerTextAsync());
        Assert.Contains("قفازات", await page.Locator("#body").InnerTextAsync());
    }

    [Fact]
    public async Task An_unanswerable_english_question_shows_the_not_found_state_and_follow_ups_keep_the_conversation()
    {
        await using var web = await WebHostHarness.StartAsync();
        var (playwright, browser) = await HeadlessChromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        await page.GotoAsync(web.BaseAddress.ToString());

        var question = page.GetByLabel("Your question");
        await question.FillAsync("Who won the 1950 football world cup?");
        await question.PressAsync("Enter");
        var first = page.Locator("li.msg.bot").Nth(0);
        await first.Locator(".not-found").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.Contains("Not found in the corpus", await first.Locator(".not-found").InnerTextAsync());
        Assert.Equal("ltr", await first.Locator(".answer").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        Assert.Equal(0, await first.Locator("article.card").CountAsync());

        await question.FillAsync("What did Putin give Kim?");
        await question.PressAsync("Enter");
        await page.Locator("li.msg.bot").Nth(1).Locator("article.card").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

        var stored = await page.EvaluateAsync<string>("() => sessionStorage.getItem('qabot.conversationId')");
        Assert.Equal(2, web.Answerer.Requests.Count);
        Assert.All(web.Answerer.Requests, r => Assert.Equal("web:" + stored, r.ConversationId));
        Assert.Equal("polite", await page.Locator("#messages").GetAttributeAsync("aria-live"));
    }
}
