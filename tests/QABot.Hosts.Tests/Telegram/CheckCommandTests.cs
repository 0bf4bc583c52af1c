using QABot.Core.Domain;
using QABot.Hosts.Telegram.Formatting;
using QABot.Hosts.Tests.Doubles;
using QABot.Text.Outlets;

namespace QABot.Hosts.Tests.Telegram;

[Trait("Category", "Telegram")]
public sealed class CheckCommandTests
{
    private const long ChatId = 5151;

    [Fact]
    public async Task Check_sends_the_claim_and_replies_with_the_verdict_first_and_the_cited_evidence()
    {
        await using var bot = await TelegramBotHarness.StartAsync(r => SampleArticles.GiftsAnswer(r.Question) with
        {
            Kind = QuestionKind.Claim, Verdict = r.IsClaim ? ClaimVerdict.Contradicted : null,
        });
        bot.Api.EnqueueText(ChatId, "/check أهدى بوتين كيم جونغ أون سيارة");

        var reply = await bot.Api.WaitForMessageAsync(ChatId);

        var request = Assert.Single(bot.Answerer.Requests);
        Assert.True(request.IsClaim);
        Assert.Equal("أهدى بوتين كيم جونغ أون سيارة", request.Question);
        Assert.StartsWith("<b>✘ الحكم: تخالفه المصادر</b>", reply.Text);
        Assert.Contains("2023-09-14", reply.Text);
    }

    [Fact]
    public async Task Check_without_a_claim_explains_itself_and_asks_nothing()
    {
        await using var bot = await TelegramBotHarness.StartAsync();
        bot.Api.EnqueueText(ChatId, "/check");

        var reply = await bot.Api.WaitForMessageAsync(ChatId);

        Assert.Contains("/check", reply.Text);
        Assert.Matches("[\u0600-\u06FF]{4,}", reply.Text!);
        Assert.Empty(bot.Answerer.Requests);
    }

    [Fact]
    public void A_list_answer_shows_its_rows_with_outlet_display_names_and_local_dates()
    {
        var answer = new Answer
        {
            Question = "What did Sky News publish in September 2023?", Language = Languages.English, Kind = QuestionKind.List,
            Text = "1 article published by Sky News Arabia in September 2023.", Refused = false,
            Listing = new ArticleListing(1, [new ListedArticle("002", "غادر روسيا سعيدا", "skynews", new DateTimeOffset(2023, 9, 18, 1, 30, 0, TimeSpan.FromHours(4)))]),
        };

        var html = AnswerMessageFormatter.FormatAnswer(answer, OutletTable.Default);

        Assert.Contains("• 2023-09-18 — Sky News Arabia — غادر روسيا سعيدا", html);
    }

    [Fact]
    public void Citations_name_the_outlet_by_its_display_name_in_the_answers_language()
    {
        var answer = ScriptedAnswerer.Make("ماذا قالت سكاي نيوز؟", "نص [1]",
            new Citation(1, "a", "عنوان", "skynews", new DateTimeOffset(2018, 3, 1, 2, 28, 9, TimeSpan.FromHours(4)), "اقتباس"));

        var html = AnswerMessageFormatter.FormatAnswer(answer, OutletTable.Default);

        Assert.Contains("سكاي نيوز عربية, 2018-03-01", html);
    }
}
