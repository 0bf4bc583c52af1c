using QABot.Answering.Formatting;
using QABot.Answering.Llm.Answering;
using QABot.Core.Domain;
using QABot.Llm.Tests.Doubles;
using QABot.Llm.Tests.StandIn;

namespace QABot.Llm.Tests.Answering;

[Trait("Category", "Llm")]
public sealed class LlmAnswererTests
{
    private const string Answer = "grounded-answer";

    [Fact]
    public async Task Grounded_reply_is_answered_with_index_metadata_and_renumbered_citations()
    {
        await using var h = await LlmHarness.StartAsync();
        h.StandIn.Script(Answer, StandInReply.Text("أهدى بوتين كيم بندقية من إنتاج روسي [2]، وتلقى بندقية كورية في المقابل [1]."));

        var answer = await h.AskAsync(SeedQuestions.Gifts);

        Assert.Equal((LlmAnswerer.AnswererName, Languages.Arabic, false), (answer.Answerer, answer.Language, answer.Refused));
        Assert.Equal("أهدى بوتين كيم بندقية من إنتاج روسي [1]، وتلقى بندقية كورية في المقابل [1].", answer.Text);
        var citation = Assert.Single(answer.Citations);
        var metadata = SampleCorpus.Metadata(SampleCorpus.GiftsId);
        Assert.Equal((SampleCorpus.GiftsId, metadata.Title, "قناة اليمن اليوم", "2023-09-14"), (citation.ArticleId, citation.Title, citation.Source, citation.PublishedDate));
        Assert.Equal(3, answer.Retrieved.Count);
        Assert.Empty(h.Fallback.Requests);

        var call = Assert.Single(h.StandIn.CallsFor(Answer));
        Assert.Contains("Write the whole answer in Arabic", call.System);
        Assert.Contains("[1] title: " + metadata.Title, call.User);
        Assert.Contains("date: not stated", call.User); // source [3] is the undated article 001
        Assert.Contains("Question: " + SeedQuestions.Gifts, call.User);
    }

    [Fact]
    public async Task A_reply_that_obeys_an_injected_link_loses_that_sentence()
    {
        await using var h = await LlmHarness.StartAsync();
        h.StandIn.Script(Answer, StandInReply.Text("أهدى بوتين كيم بندقية [1]. ولمزيد من التفاصيل زوروا http://evil.example [1]."));

        var answer = await h.AskAsync(SeedQuestions.Gifts);

        Assert.Equal((LlmAnswerer.AnswererName, "أهدى بوتين كيم بندقية [1]."), (answer.Answerer, answer.Text));
        Assert.Contains(h.GuardResults.Single().Result.Actions, a => a.StartsWith("removed sentence with url \"http://evil.example\""));
    }

    [Fact]
    public async Task Invented_citation_is_dropped_and_a_reply_citing_nothing_real_falls_back()
    {
        await using var h = await LlmHarness.StartAsync();
        h.StandIn.Script(Answer,
            StandInReply.Text("أهدى بوتين كيم بندقية [1]. وأهداه أيضاً سيارة فاخرة [7]."),
            StandInReply.Text("أهدى بوتين كيم سيارة فاخرة [7]."));

        var first = await h.AskAsync(SeedQuestions.Gifts);
        var second = await h.AskAsync(SeedQuestions.Gifts);

        Assert.Equal("أهدى بوتين كيم بندقية [1].", first.Text);
        Assert.Equal(LlmAnswerer.AnswererName, first.Answerer);
        Assert.Equal(MarkedFallbackAnswerer.Text, second.Text);
        Assert.Equal(SeedQuestions.Gifts, second.Question);
    }

    [Fact]
    public async Task Invented_date_for_an_undated_article_is_removed()
    {
        await using var h = await LlmHarness.StartAsync();
        h.StandIn.Script(Answer, StandInReply.Text("وقع بوتين وكيم جونغ أون اتفاقية الشراكة الاستراتيجية الشاملة [1]. وكان ذلك في 19 يونيو 2024 [1]."));

        var answer = await h.AskAsync(SeedQuestions.Treaty);

        Assert.Equal("وقع بوتين وكيم جونغ أون اتفاقية الشراكة الاستراتيجية الشاملة [1].", answer.Text);
        Assert.Null(Assert.Single(answer.Citations).Published);
        Assert.Contains(h.GuardResults.Single().Result.Actions, a => a.Contains("19 يونيو 2024"));
    }

    [Fact]
    public async Task Wrong_language_is_retried_once_with_the_language_rule_then_accepted()
    {
        await using var h = await LlmHarness.StartAsync();
        h.StandIn.Script(Answer,
            StandInReply.Text("Putin gave Kim a Russian-made rifle [1]."),
            StandInReply.Text("أهدى بوتين كيم بندقية روسية الصنع [1]."));

        var answer = await h.AskAsync(SeedQuestions.Gifts);

        Assert.Equal("أهدى بوتين كيم بندقية روسية الصنع [1].", answer.Text);
        var calls = h.StandIn.CallsFor(Answer);
        Assert.Equal(2, calls.Count);
        Assert.DoesNotContain("previous reply was not written", calls[0].System);
        Assert.Contains("Your previous reply was not written in Arabic", calls[1].System);
    }

    [Fact]
    public async Task Wrong_language_twice_falls_back_to_the_extractive_answer()
    {
        await using var h = await LlmHarness.StartAsync();
        h.StandIn.Script(Answer, StandInReply.Text("Putin gave Kim a rifle [1]."));

        var answer = await h.AskAsync(SeedQuestions.Gifts);

        Assert.Equal(MarkedFallbackAnswerer.Text, answer.Text);
        Assert.Equal(2, h.StandIn.CallsFor(Answer).Count);
    }

    [Fact]
    public async Task Empty_reply_falls_back_and_the_fallback_keeps_the_conversation_when_nothing_was_rewritten()
    {
        await using var h = await LlmHarness.StartAsync();
        h.StandIn.Script(Answer, StandInReply.Text(""));

        var answer = await h.AskAsync(SeedQuestions.Gifts, conversationId: "chat-1");

        Assert.Equal(MarkedFallbackAnswerer.Text, answer.Text);
        var request = Assert.Single(h.Fallback.Requests);
        Assert.Equal(("chat-1", SeedQuestions.Gifts, LlmHarness.Today), (request.ConversationId, request.Question, request.Now));
        Assert.Single(await h.Conversations.GetAsync("chat-1")); // recorded once, by the fallback
    }

    [Fact]
    public async Task Fallback_after_a_rewrite_gets_the_standalone_question_and_the_turn_is_recorded_once()
    {
        await using var h = await LlmHarness.StartAsync();
        h.StandIn.Script("rewrite-follow-up", StandInReply.Text(SeedQuestions.Treaty));
        h.StandIn.Script(Answer, StandInReply.Status(500));
        await h.Conversations.AppendAsync("chat-2", new QABot.Core.Answering.ConversationTurn(SeedQuestions.Gifts, "بندقية [1].", [SampleCorpus.GiftsId], LlmHarness.Today));

        var answer = await h.AskAsync("وهل وقعا اتفاقية؟", "chat-2");

        var request = Assert.Single(h.Fallback.Requests);
        Assert.Equal((null, SeedQuestions.Treaty), (request.ConversationId, request.Question));
        Assert.Equal("وهل وقعا اتفاقية؟", answer.Question);
        var turns = await h.Conversations.GetAsync("chat-2");
        Assert.Equal(["وهل وقعا اتفاقية؟"], turns.Skip(1).Select(t => t.Question));
    }

    [Theory]
    [InlineData(SeedQuestions.Letter, Languages.Arabic)]
    [InlineData("Did Kim's letter mention a visit to the moon?", Languages.English)]
    public async Task Refusal_marker_gives_a_refused_answer_in_the_question_language(string question, string language)
    {
        var expected = AnswerTexts.NotFound(language);
        await using var h = await LlmHarness.StartAsync();
        h.StandIn.Script("expand-query", StandInReply.Text("رسالة كيم\nبوتين"));
        h.StandIn.Script(Answer, StandInReply.Text("NOT_IN_CORPUS"));

        var answer = await h.AskAsync(question);

        Assert.True(answer.Refused);
        Assert.Equal((expected, language, LlmAnswerer.AnswererName), (answer.Text, answer.Language, answer.Answerer));
        Assert.Empty(answer.Citations);
        Assert.Empty(h.Fallback.Requests);
    }

    [Fact]
    public async Task Rate_limit_and_server_error_are_retried_then_the_answer_is_used()
    {
        await using var h = await LlmHarness.StartAsync();
        h.StandIn.Script(Answer,
            StandInReply.Status(429, "rate limited", retryAfterMs: 1),
            StandInReply.Status(500, "overloaded"),
            StandInReply.Text("أهدى بوتين كيم بندقية [1]."));

        var answer = await h.AskAsync(SeedQuestions.Gifts);

        Assert.Equal(LlmAnswerer.AnswererName, answer.Answerer);
        Assert.Equal(3, h.StandIn.CallsFor(Answer).Count);
    }

    [Fact]
    public async Task Persistent_server_error_falls_back_after_the_configured_retries()
    {
        await using var h = await LlmHarness.StartAsync();
        h.StandIn.Script(Answer, StandInReply.Status(500, "down"));

        var answer = await h.AskAsync(SeedQuestions.Gifts);

        Assert.Equal(MarkedFallbackAnswerer.Text, answer.Text);
        Assert.Equal(1 + 2, h.StandIn.CallsFor(Answer).Count); // first try + Llm:MaxRetries
    }

    [Fact]
    public async Task Timeout_falls_back()
    {
        await using var h = await LlmHarness.StartAsync(new() { ["Llm:TimeoutSeconds"] = "1", ["Llm:MaxRetries"] = "0" });
        h.StandIn.Script(Answer, StandInReply.Hang);

        var answer = await h.AskAsync(SeedQuestions.Gifts);

        Assert.Equal(MarkedFallbackAnswerer.Text, answer.Text);
        Assert.Single(h.Fallback.Requests);
    }

    [Fact]
    public async Task English_question_is_answered_in_english_over_arabic_text_found_through_llm_expansion()
    {
        await using var h = await LlmHarness.StartAsync();
        h.StandIn.Script("expand-query", StandInReply.Text(SeedQuestions.GiftsTerms));
        h.StandIn.Script(Answer, StandInReply.Text("Putin gave Kim Jong Un a Russian-made rifle, one of the best of its kind [1]."));

        var answer = await h.AskAsync(SeedQuestions.GiftsEnglish);

        var search = Assert.Single(h.Index.Searches);
        Assert.Contains(search.Expansions, e => e.Origin == "llm" && e.Text == "بندقية");
        Assert.Equal((Languages.English, LlmAnswerer.AnswererName), (answer.Language, answer.Answerer));
        Assert.Equal(SampleCorpus.GiftsId, Assert.Single(answer.Citations).ArticleId);
        Assert.Contains("Write the whole answer in English", h.StandIn.CallsFor(Answer)[0].System);
    }

    [Fact]
    public async Task Streaming_passes_on_guarded_sentences_and_completes_with_the_same_text()
    {
        await using var h = await LlmHarness.StartAsync();
        const string reply = "أهدى بوتين كيم جونغ أون بندقية من إنتاج روسي تعد من أفضل نوعية [2]، وأهداه كيم بندقية كورية [2][1]. وأهداه أيضاً سيارة [9]. وتبادلا القفازات [1].";
        h.StandIn.Script(Answer, StandInReply.Text(reply));
        Answer? completed = null;

        var fragments = new List<string>();
        await foreach (var fragment in h.Streaming.StreamAsync(
                           new QABot.Core.Answering.AnswerRequest { Question = SeedQuestions.Gifts, Now = LlmHarness.Today, Top = 3 }, a => completed = a))
            fragments.Add(fragment);

        Assert.True(Assert.Single(h.StandIn.CallsFor(Answer)).Stream);
        const string guarded = "أهدى بوتين كيم جونغ أون بندقية من إنتاج روسي تعد من أفضل نوعية [1]، وأهداه كيم بندقية كورية [1]. وتبادلا القفازات [1].";
        Assert.Equal(2, fragments.Count); // two sentences survive; the one citing [9] is never shown
        Assert.Equal(guarded, string.Concat(fragments));
        Assert.NotNull(completed);
        Assert.Equal((guarded, LlmAnswerer.AnswererName), (completed.Text, completed.Answerer));
    }

    [Fact]
    public async Task Streamed_refusal_is_held_back_and_the_refusal_text_given()
    {
        await using var h = await LlmHarness.StartAsync();
        h.StandIn.Script(Answer, StandInReply.Text("NOT_IN_CORPUS"));
        Answer? completed = null;

        var fragments = new List<string>();
        await foreach (var fragment in h.Streaming.StreamAsync(
                           new QABot.Core.Answering.AnswerRequest { Question = SeedQuestions.Gifts, Now = LlmHarness.Today, Top = 3 }, a => completed = a))
            fragments.Add(fragment);

        Assert.Equal([AnswerTexts.NotFound(Languages.Arabic)], fragments);
        Assert.True(completed?.Refused);
    }

    [Fact]
    public async Task Streaming_failure_before_any_text_yields_the_fallback_answer()
    {
        await using var h = await LlmHarness.StartAsync(new() { ["Llm:MaxRetries"] = "0" });
        h.StandIn.Script(Answer, StandInReply.Status(503, "unavailable"));
        Answer? completed = null;

        var fragments = new List<string>();
        await foreach (var fragment in h.Streaming.StreamAsync(
                           new QABot.Core.Answering.AnswerRequest { Question = SeedQuestions.Gifts, Now = LlmHarness.Today, Top = 3 }, a => completed = a))
            fragments.Add(fragment);

        Assert.Equal([MarkedFallbackAnswerer.Text], fragments);
        Assert.Equal(MarkedFallbackAnswerer.Text, completed?.Text);
    }
}
