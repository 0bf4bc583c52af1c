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
        await using var chat = await ChatPage.OpenAsync(serve.Address!);

        var answer = await chat.AskAsync("ماذا أهدى بوتين لكيم جونغ أون؟");
        var card = answer.Locator("article.card").First;
        Assert.Contains("بندقية", await answer.Locator(".answer").InnerTextAsync());
        Assert.Equal("rtl", await answer.Locator(".answer").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        Assert.Equal("2023-09-14", await card.Locator("time").GetAttributeAsync("datetime"));
        Assert.Contains("قناة اليمن اليوم", await card.InnerTextAsync());

        var refusal = await chat.AskAsync("What is the capital of Australia?", expectNotFound: true);
        Assert.Equal(0, await refusal.Locator("article.card").CountAsync());

        await chat.ScreenshotAsync(ScreenshotPath);
    }
}
