using QABot.Hosts.Telegram.Polling;

namespace QABot.Hosts.Tests.Telegram;

/// <summary>Starting the bot: the token is checked with getMe before anything says the bot runs.</summary>
[Trait("Category", "Telegram")]
public sealed class TelegramStartTests
{
    [Theory]
    [InlineData(401)]
    [InlineData(404)]
    public async Task A_token_telegram_rejects_stops_the_start_with_one_clear_message(int status)
    {
        var start = TelegramBotHarness.StartAsync(beforeStart: api => api.FailNext("getMe", status));

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => start);

        Assert.StartsWith($"Telegram rejected the bot token ({status} ", failure.Message);
        Assert.Contains("TELEGRAM_BOT_TOKEN", failure.Message);
        Assert.DoesNotContain(TelegramBotHarness.Token, failure.Message);
    }

    [Fact]
    public async Task An_accepted_token_is_checked_once_before_polling()
    {
        await using var bot = await TelegramBotHarness.StartAsync();

        var getMe = await bot.Api.WaitForAsync("getMe");
        Assert.Equal(TelegramBotHarness.Token, getMe.Token);
        Assert.Contains(bot.Logs.Lines, l => l.Contains("Telegram accepted the token of @"));
    }

    [Fact]
    public void A_failure_is_described_with_its_reason_and_never_the_token()
    {
        var refused = new global::Telegram.Bot.Exceptions.RequestException("Exception during making request",
            new HttpRequestException($"Connection refused (api.telegram.org:443) for /bot{TelegramBotHarness.Token}/getUpdates"));

        var described = TelegramPollingService.Describe(refused);

        Assert.Contains("Connection refused (api.telegram.org:443)", described);
        Assert.DoesNotContain(TelegramBotHarness.Token, described);
        Assert.DoesNotContain("AAH-secret", described);
    }
}
