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
        await using var chat = await ChatPage.OpenAsync(web.BaseAddress);
        var page = chat.Page;

        var answer = await chat.AskAsync("ماذا أهدى بوتين لكيم جونغ أون؟");
        var card = answer.Locator("article.card").First;

        Assert.Contains("بندقية", await answer.Locator(".answer").InnerTextAsync());
        Assert.True(await answer.Locator(".answer").EvaluateAsync<bool>("e => e.matches(':dir(rtl)')"), "the Arabic answer must render right-to-left");
        Assert.Equal("rtl", await answer.Locator(".answer").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        Assert.Equal("2023-09-14", await card.Locator("time").GetAttributeAsync("datetime"));
        Assert.Contains(SampleArticles.GiftsTitle, await card.Locator("h3").InnerTextAsync());
        Assert.Contains(SampleArticles.GiftsSource, await card.InnerTextAsync());
        Assert.Contains("التاريخ غير مذكور", await answer.Locator("article.card").Nth(1).InnerTextAsync());
        Assert.Equal(0, await answer.Locator(".not-found").CountAsync());

        await chat.ScreenshotAsync(ScreenshotPath);
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
        await using var chat = await ChatPage.OpenAsync(web.BaseAddress);
        var page = chat.Page;

        var first = await chat.AskAsync("Who won the 1950 football world cup?", expectNotFound: true, pressEnter: true);
        Assert.Contains("Not found in the corpus", await first.Locator(".not-found").InnerTextAsync());
        Assert.Equal("ltr", await first.Locator(".answer").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        Assert.Equal(0, await first.Locator("article.card").CountAsync());

        await chat.AskAsync("What did Putin give Kim?", pressEnter: true);

        var stored = await page.EvaluateAsync<string>("() => sessionStorage.getItem('qabot.conversationId')");
        Assert.Equal(2, web.Answerer.Requests.Count);
        Assert.All(web.Answerer.Requests, r => Assert.Equal("web:" + stored, r.ConversationId));
        Assert.Equal("polite", await page.Locator("#messages").GetAttributeAsync("aria-live"));
    }

    [Fact]
    public async Task A_refusal_says_not_found_once_and_an_arabic_quote_in_an_english_answer_keeps_its_own_direction()
    {
        const string quote = "نحن نثق بانتصار روسيا";
        var englishAnswer = $"Kim told Putin «{quote}» [1], and they exchanged rifles [1].";
        await using var web = await WebHostHarness.StartAsync(respond: r => r.Question.Contains("Putin")
            ? SampleArticles.GiftsAnswer(r.Question) with { Text = englishAnswer }
            // The extractive answerer's own refusal text, which opens with what the banner says.
            : ScriptedAnswerer.Make(r.Question, "Not found in the corpus: none of the indexed articles answers this question."));
        await using var chat = await ChatPage.OpenAsync(web.BaseAddress);

        var refusal = await chat.AskAsync("Who won the 1950 football world cup?", expectNotFound: true);
        var refusalText = await refusal.InnerTextAsync();
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(refusalText, "Not found in the corpus"));
        Assert.Equal("none of the indexed articles answers this question.", await refusal.Locator(".answer").InnerTextAsync());

        var answer = await chat.AskAsync("What did Putin tell Kim?");
        var isolated = answer.Locator(".answer bdi");
        Assert.Equal(englishAnswer, await answer.Locator(".answer").InnerTextAsync());
        Assert.Equal(quote, await isolated.InnerTextAsync());
        Assert.Equal("rtl", await isolated.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        Assert.Equal("ltr", await answer.Locator(".answer").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        await chat.ScreenshotAsync(Path.Combine(RepoPaths.Root, "tests", "QABot.Hosts.Tests", "TestResults", "web-chat-mixed.png"));
    }

    [Fact]
    public async Task At_400_pixels_the_header_button_keeps_its_label_on_one_line()
    {
        await using var web = await WebHostHarness.StartAsync();
        await using var chat = await ChatPage.OpenAsync(web.BaseAddress);
        await chat.Page.SetViewportSizeAsync(400, 800);

        var button = chat.Page.Locator("#new-conversation");
        var lines = await button.EvaluateAsync<double>(
            "e => { const s = getComputedStyle(e); return (e.clientHeight - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom)) / parseFloat(s.lineHeight); }");
        Assert.True(lines < 1.5, $"the button label takes {lines:0.0} lines");
        Assert.True(await chat.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 400"), "the page scrolls sideways at 400 px");
        await chat.ScreenshotAsync(Path.Combine(RepoPaths.Root, "tests", "QABot.Hosts.Tests", "TestResults", "web-chat-400px.png"));
    }
}
