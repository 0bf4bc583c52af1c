using QABot.Answering.Formatting;
using QABot.Answering.Llm.Context;
using QABot.Answering.Llm.Planning;
using QABot.Core.Answering;
using QABot.Llm.Tests.Doubles;
using QABot.Llm.Tests.StandIn;

namespace QABot.Llm.Tests.Answering;

[Trait("Category", "Llm")]
public sealed class ConversationAndTimeScopeTests
{
    [Fact]
    public async Task Follow_up_is_rewritten_from_the_conversation_and_searched_standalone()
    {
        await using var h = await LlmHarness.StartAsync();
        h.StandIn.Script("grounded-answer",
            StandInReply.Text("أهدى بوتين كيم بندقية [1]."),
            StandInReply.Text("وقع بوتين وكيم اتفاقية الشراكة الاستراتيجية الشاملة [1]."));
        h.StandIn.Script("rewrite-follow-up", StandInReply.Text(SeedQuestions.Treaty));

        await h.AskAsync(SeedQuestions.Gifts, "chat-7");
        var followUp = await h.AskAsync("وهل وقعا اتفاقية؟", "chat-7");

        var rewrite = Assert.Single(h.StandIn.CallsFor("rewrite-follow-up"));
        Assert.Contains("Q: " + SeedQuestions.Gifts, rewrite.User);
        Assert.Contains("A: أهدى بوتين كيم بندقية [1].", rewrite.User);
        Assert.Equal(SeedQuestions.Treaty, h.Index.Searches[^1].Text);
        Assert.Equal(SampleCorpus.UndatedId, Assert.Single(followUp.Citations).ArticleId);
        Assert.Equal("وهل وقعا اتفاقية؟", followUp.Question);
        var turns = await h.Conversations.GetAsync("chat-7");
        Assert.Equal([SeedQuestions.Gifts, "وهل وقعا اتفاقية؟"], turns.Select(t => t.Question));
        Assert.Equal([SampleCorpus.UndatedId], turns[1].CitedArticleIds);
    }

    [Fact]
    public async Task History_given_to_the_model_is_bounded_by_turns()
    {
        await using var h = await LlmHarness.StartAsync(new() { ["Llm:MaxHistoryTurns"] = "1" });
        h.StandIn.Script("grounded-answer", StandInReply.Text("أهدى بوتين كيم بندقية [1]."));
        h.StandIn.Script("rewrite-follow-up", StandInReply.Text(SeedQuestions.Gifts));
        foreach (var q in new[] { "السؤال الأول عن بوتين؟", "السؤال الثاني عن كيم؟", "السؤال الثالث عن الهدايا؟" })
            await h.Conversations.AppendAsync("chat-9", new ConversationTurn(q, "جواب", [], LlmHarness.Today));

        await h.AskAsync("وماذا أيضاً؟", "chat-9");

        var history = h.StandIn.CallsFor("rewrite-follow-up")[0].User;
        Assert.Contains("السؤال الثالث", history);
        Assert.DoesNotContain("السؤال الثاني", history);
        Assert.DoesNotContain("السؤال الأول", history);
    }

    [Fact]
    public void Conversation_window_keeps_the_most_recent_turns_within_the_token_cap()
    {
        var turns = Enumerable.Range(1, 5).Select(i => new ConversationTurn($"question {i} " + new string('x', 200), "answer", [], LlmHarness.Today)).ToList();

        var window = ConversationWindow.Bound(turns, maxTurns: 10, maxTokens: 130);

        Assert.Equal(["question 4", "question 5"], window.Turns.Select(t => t.Question[..10]));
    }

    [Fact]
    public async Task Time_scope_the_rules_read_is_applied_without_asking_the_model()
    {
        await using var h = await LlmHarness.StartAsync();
        h.StandIn.Script("grounded-answer", StandInReply.Text("أهدى بوتين كيم بندقية [1]."));

        await h.AskAsync("ماذا أهدى بوتين لكيم جونغ أون الشهر الماضي؟"); // today is 2023-10-20: September 2023

        Assert.Empty(h.StandIn.CallsFor("time-scope"));
        var range = h.Index.Searches[^1].PublishedRange;
        Assert.Equal(("2023-09-01", "2023-09-30"), (range?.From?.ToString("yyyy-MM-dd"), range?.To?.ToString("yyyy-MM-dd")));
    }

    [Fact]
    public async Task Time_scope_the_rules_cannot_read_is_asked_of_the_model_with_today_and_the_corpus_span()
    {
        await using var h = await LlmHarness.StartAsync();
        h.StandIn.Script("expand-query", StandInReply.Text("بوتين\nالاتفاقيات\nكوريا الشمالية"));
        h.StandIn.Script("time-scope", StandInReply.Text("""The range is {"from": "2023-10-01", "to": "2023-10-31"}"""));
        h.StandIn.Script("grounded-answer", StandInReply.Text("NOT_IN_CORPUS"));

        var answer = await h.AskAsync("What did Putin say about the agreements with North Korea in the weeks after the summit?");

        var scopeCall = Assert.Single(h.StandIn.CallsFor("time-scope"));
        Assert.Contains("Today is 2023-10-20", scopeCall.System);
        Assert.Contains("dated from 2023-09-14 to 2023-10-12", scopeCall.System);
        var range = h.Index.Searches[^1].PublishedRange;
        Assert.NotNull(range);
        Assert.Equal(new DateTimeOffset(2023, 10, 1, 0, 0, 0, TimeSpan.Zero), range.From);
        Assert.Equal(new DateTime(2023, 10, 31), range.To!.Value.Date);
        Assert.All(answer.Retrieved, r => Assert.Equal(SampleCorpus.SummitCongratsId, r.ArticleId)); // the only October article
        Assert.Equal(AnswerTexts.NotFoundInPeriod(QABot.Core.Domain.Languages.English, "2023-10-01 – 2023-10-31"), answer.Text);
    }

    [Fact]
    public async Task Question_without_a_time_word_costs_no_time_scope_call()
    {
        await using var h = await LlmHarness.StartAsync();
        h.StandIn.Script("grounded-answer", StandInReply.Text("أهدى بوتين كيم بندقية [1]."));

        await h.AskAsync(SeedQuestions.Gifts);

        Assert.Empty(h.StandIn.CallsFor("time-scope"));
        Assert.Null(h.Index.Searches[^1].PublishedRange);
    }

    [Theory]
    [InlineData("""{"from": "2023-09-01", "to": "2023-09-30"}""", "2023-09-01", "2023-09-30")]
    [InlineData("""{"from": "2022-01-01", "to": null}""", "2022-01-01", null)]
    [InlineData("""{"from": null, "to": null}""", null, null)]
    [InlineData("""{"from": "2023-09-30", "to": "2023-09-01"}""", null, null)]
    [InlineData("""{"from": "last week"}""", null, null)]
    [InlineData("no idea", null, null)]
    public void Time_scope_reply_is_validated(string reply, string? from, string? to)
    {
        var range = LlmTimeScopeExtractor.ParseRange(reply);
        Assert.Equal(from, range?.From?.ToString("yyyy-MM-dd"));
        Assert.Equal(to, range?.To?.ToString("yyyy-MM-dd"));
    }

    [Theory]
    [InlineData("What happened last week?", true)]
    [InlineData("ماذا حدث في أيلول 2023؟", true)]
    [InlineData("ماذا قال بوتين الشهر الماضي؟", true)]
    [InlineData("Who is Kim Jong Un?", false)]
    [InlineData("ماذا أهدى بوتين لكيم؟", false)]
    public void Time_words_are_recognised_in_both_languages(string question, bool expected) =>
        Assert.Equal(expected, LlmTimeScopeExtractor.MentionsTime(question));
}
