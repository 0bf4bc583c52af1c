using QABot.Cli.Composition;
using QABot.Testing;

namespace QABot.Cli.Tests;

/// <summary>
/// `qabot serve --no-web` with a token, composed for production (sample corpus, Lucene, extractive answerer), talking to
/// <see cref="TelegramBotApiStandIn"/> (a loopback imitation of the Bot API, NOT Telegram) through Telegram:BaseUrl.
/// </summary>
[Trait("Category", "Telegram")]
public sealed class ServeTelegramTests
{
    [Fact]
    public async Task A_private_chat_question_is_answered_from_the_real_index_with_outlet_and_date()
    {
        await using var api = await TelegramBotApiStandIn.StartAsync();
        await using var serve = await RunningServeHost.StartAsync(new Dictionary<string, string?>
        {
            ["Web:Enabled"] = "false",
            ["Telegram:Enabled"] = "true",
            ["Telegram:Token"] = "123456:stand-in-token",
            ["Telegram:BaseUrl"] = api.BaseUrl.ToString().TrimEnd('/'),
            ["Telegram:PollingTimeoutSeconds"] = "1",
        });
        Assert.Equal(new ServePlan(Web: false, Telegram: true, TelegramWebhook: false), serve.Plan);
        Assert.Null(serve.Address);

        api.EnqueueText(chatId: 4242, "ماذا أهدى بوتين لكيم جونغ أون؟");
        var reply = await api.WaitForMessageAsync(4242, text => text.Contains("بندقية"));

        Assert.Contains("قناة اليمن اليوم", reply.Text);
        Assert.Contains("2023-09-14", reply.Text);
    }
}
