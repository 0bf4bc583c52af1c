using QABot.Testing;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using QABot.Core.Domain;
using QABot.Hosts.Telegram.Formatting;
using QABot.Hosts.Tests.Doubles;

namespace QABot.Hosts.Tests.Telegram;

[Trait("Category", "Telegram")]
public sealed class TelegramBotTests
{
    private const long ChatId = 4242;

    [Fact]
    public async Task Start_and_help_reply_in_both_languages()
    {
        await using var bot = await TelegramBotHarness.StartAsync();
        bot.Api.EnqueueText(ChatId, "/start");
        var welcome = await bot.Api.WaitForMessageAsync(ChatId);
        bot.Api.EnqueueText(ChatId, "/help");
        var help = await bot.Api.WaitForMessageAsync(ChatId, t => t.Contains("/sources"));

        foreach (var reply in new[] { welcome, help })
        {
            Assert.Equal("html", reply.Parameters["parse_mode"]?.ToString().ToLowerInvariant()); // the Bot API reads parse_mode case-insensitively
            Assert.Matches("[A-Za-z]{4,}", reply.Text!);
            Assert.Matches("[\u0600-\u06FF]{4,}", reply.Text!);
        }
        Assert.Contains("/new", help.Text);
        Assert.Empty(bot.Answerer.Requests);
    }

    [Fact]
    public async Task A_question_shows_typing_then_an_html_answer_with_dated_and_undated_citations_and_buttons()
    {
        await using var bot = await TelegramBotHarness.StartAsync();
        bot.Api.EnqueueText(ChatId, "ماذا أهدى بوتين لكيم جونغ أون؟");

        var answer = await bot.Api.WaitForMessageAsync(ChatId);
        var typing = await bot.Api.WaitForAsync("sendChatAction", c => c.ChatId == ChatId);
        Assert.Equal("typing", typing.Parameters["action"]?.ToString());
        Assert.True(IndexOf(bot, typing) < IndexOf(bot, answer), "typing… must be shown before the answer arrives");

        Assert.Equal("html", answer.Parameters["parse_mode"]?.ToString().ToLowerInvariant()); // the Bot API reads parse_mode case-insensitively
        Assert.Contains("بندقية", answer.Text);
        Assert.Contains(SampleArticles.GiftsTitle.Replace("\"", "\""), answer.Text);
        Assert.Contains(SampleArticles.GiftsSource, answer.Text);
        Assert.Contains("2023-09-14", answer.Text);
        Assert.Contains("التاريخ غير مذكور", answer.Text);

        var request = Assert.Single(bot.Answerer.Requests);
        Assert.Equal($"tg:{ChatId}", request.ConversationId);

        var buttons = Buttons(answer);
        Assert.Equal(2, buttons.Count);
        Assert.All(buttons, b => Assert.True(Encoding.UTF8.GetByteCount(b.Data) <= 64, $"callback data too long: {b.Data}"));
        Assert.StartsWith("[1]", buttons[0].Text);
    }

    [Fact]
    public async Task A_citation_button_opens_the_article_excerpt()
    {
        await using var bot = await TelegramBotHarness.StartAsync();
        bot.Api.EnqueueText(ChatId, "ماذا أهدى بوتين لكيم جونغ أون؟");
        var answer = await bot.Api.WaitForMessageAsync(ChatId);
        var first = Buttons(answer)[0];

        bot.Api.EnqueueCallback(ChatId, ChatId, first.Data);
        await bot.Api.WaitForAsync("answerCallbackQuery");
        var excerpt = await bot.Api.WaitForMessageAsync(ChatId, t => t.Contains("<blockquote>"));

        Assert.Contains(SampleArticles.GiftsId, excerpt.Text);
        Assert.Contains("2023-09-14", excerpt.Text);
        Assert.Contains("قفازات", excerpt.Text); // from the article body, not from the answer
    }

    [Fact]
    public async Task An_expired_button_is_answered_with_an_alert_instead_of_an_excerpt()
    {
        await using var bot = await TelegramBotHarness.StartAsync();
        bot.Api.EnqueueCallback(ChatId, ChatId, "src:nope:1");
        var reply = await bot.Api.WaitForAsync("answerCallbackQuery");
        Assert.Equal("true", reply.Parameters["show_alert"]?.ToString().ToLowerInvariant());
        Assert.Empty(bot.Api.Calls("sendMessage"));
    }

    [Fact]
    public async Task Sources_lists_full_citations_of_the_last_answer_and_new_forgets_the_conversation()
    {
        await using var bot = await TelegramBotHarness.StartAsync();
        bot.Api.EnqueueText(ChatId, "ماذا أهدى بوتين لكيم جونغ أون؟");
        await bot.Api.WaitForMessageAsync(ChatId);

        bot.Api.EnqueueText(ChatId, "/sources");
        var sources = await bot.Api.WaitForMessageAsync(ChatId, t => t.Contains("<blockquote>"));
        Assert.Contains(SampleArticles.GiftsId, sources.Text);
        Assert.Contains(SampleArticles.UndatedId, sources.Text);
        Assert.Contains("دميترى بيسكوف", sources.Text);

        bot.Api.EnqueueText(ChatId, "/new");
        await bot.Api.WaitForMessageAsync(ChatId, t => t.Contains("New conversation"));
        Assert.Contains($"tg:{ChatId}", bot.Conversations.Cleared);

        bot.Api.EnqueueText(ChatId, "/sources");
        var none = await bot.Api.WaitForMessageAsync(ChatId, t => t.Contains("no previous answer", StringComparison.OrdinalIgnoreCase) || t.Contains("لا توجد إجابة"));
        Assert.DoesNotContain(SampleArticles.GiftsId, none.Text);
    }

    [Fact]
    public async Task Hostile_text_is_escaped_for_html_parse_mode()
    {
        var hostileCitation = new Citation(1, "x-1", "<b>Breaking</b> & <i>more</i>", "Tom & Jerry <News>", null, "q");
        await using var bot = await TelegramBotHarness.StartAsync(r =>
            ScriptedAnswerer.Make(r.Question, "<script>alert('x')</script> Tom & Jerry said 1 < 2 && 3 > 2", hostileCitation));
        bot.Api.EnqueueText(ChatId, "tell me <script>");

        var text = (await bot.Api.WaitForMessageAsync(ChatId)).Text!;
        Assert.DoesNotContain("<script>", text);
        Assert.Contains("&lt;script&gt;alert('x')&lt;/script&gt;", text);
        Assert.Contains("Tom &amp; Jerry said 1 &lt; 2 &amp;&amp; 3 &gt; 2", text);
        Assert.Contains("&lt;b&gt;Breaking&lt;/b&gt; &amp; &lt;i&gt;more&lt;/i&gt;", text);
        Assert.Contains("Tom &amp; Jerry &lt;News&gt;", text);
        Assert.Contains("date not stated", text);
        AssertWellFormedTelegramHtml(text);
    }

    [Fact]
    public async Task A_long_answer_is_split_at_sentence_boundaries_under_4096_characters()
    {
        var sentences = Enumerable.Range(1, 160).Select(i => $"Sentence {i} says that A & B < C and keeps going for a while to be long enough.");
        var longText = string.Join(" ", sentences);
        await using var bot = await TelegramBotHarness.StartAsync(r => ScriptedAnswerer.Make(r.Question, longText, SampleArticles.GiftsCitation()));
        bot.Api.EnqueueText(ChatId, "a question with a long answer");

        var last = await bot.Api.WaitForMessageAsync(ChatId, t => t.Contains("2023-09-14"));
        var parts = bot.Api.Calls("sendMessage").Where(c => c.ChatId == ChatId && c.Status == 200).Select(c => c.Text!).ToList();

        Assert.True(parts.Count >= 3, $"expected several parts, got {parts.Count}");
        Assert.All(parts, p => Assert.InRange(p.Length, 1, 4096));
        Assert.All(parts, AssertWellFormedTelegramHtml);
        Assert.All(parts[..^1], p => Assert.EndsWith(".", p));
        Assert.Equal(last.Text, parts[^1]);
        Assert.NotNull(last.Parameters["reply_markup"]);
        Assert.All(bot.Api.Calls("sendMessage").SkipLast(1), c => Assert.Null(c.Parameters["reply_markup"]));
        var rejoined = WebUtility.HtmlDecode(string.Join(" ", parts));
        Assert.Contains(longText, Regex.Replace(rejoined, @"\s+", " "));
    }

    [Fact]
    public async Task The_allow_list_keeps_other_chats_out()
    {
        await using var bot = await TelegramBotHarness.StartAsync(settings: new Dictionary<string, string?> { ["Telegram:AllowedChatIds:0"] = ChatId.ToString() });
        const long stranger = 999;
        bot.Api.EnqueueText(stranger, "ماذا أهدى بوتين لكيم؟");
        bot.Api.EnqueueText(ChatId, "ماذا أهدى بوتين لكيم؟");

        await bot.Api.WaitForMessageAsync(ChatId, t => t.Contains("بندقية"));
        var refusal = await bot.Api.WaitForMessageAsync(stranger);
        Assert.Contains("private", refusal.Text);
        Assert.DoesNotContain("بندقية", refusal.Text);
        Assert.All(bot.Answerer.Requests, r => Assert.Equal($"tg:{ChatId}", r.ConversationId));
        Assert.Single(bot.Answerer.Requests);
    }

    [Fact]
    public async Task Questions_beyond_the_per_user_rate_limit_get_a_kind_notice()
    {
        await using var bot = await TelegramBotHarness.StartAsync(settings: new Dictionary<string, string?> { ["Telegram:RateLimitPerMinute"] = "2" });
        bot.Api.EnqueueText(ChatId, "question one");
        bot.Api.EnqueueText(ChatId, "question two");
        bot.Api.EnqueueText(ChatId, "question three");
        bot.Api.EnqueueText(ChatId, "/help"); // commands are not rate limited

        var notice = await bot.Api.WaitForMessageAsync(ChatId, t => t.Contains("Too many questions"));
        await bot.Api.WaitForMessageAsync(ChatId, t => t.Contains("/sources"));
        Assert.Equal(["question one", "question two"], bot.Answerer.Requests.Select(r => r.Question));
        Assert.DoesNotContain("بندقية", notice.Text);
    }

    [Fact]
    public async Task In_groups_the_bot_answers_only_when_mentioned_or_replied_to()
    {
        const long group = -100123;
        await using var bot = await TelegramBotHarness.StartAsync();
        bot.Api.EnqueueText(group, "people chatting about Putin", "supergroup", fromId: 1);
        bot.Api.EnqueueText(group, $"@{TelegramBotApiStandIn.BotUsername} what did Putin give Kim?", "supergroup", fromId: 2);
        bot.Api.EnqueueText(group, "and what did Kim give back?", "supergroup", fromId: 3, replyTo: TelegramBotApiStandIn.MessageFromBot(group, "supergroup"));
        bot.Api.EnqueueText(group, "/help", "supergroup", fromId: 4);

        await bot.Api.WaitForMessageAsync(group, t => t.Contains("/sources"));
        Assert.Equal(["what did Putin give Kim?", "and what did Kim give back?"], bot.Answerer.Requests.Select(r => r.Question));
        var replies = bot.Api.Calls("sendMessage").Where(c => c.ChatId == group && c.Text!.Contains("بندقية")).ToList();
        Assert.Equal(2, replies.Count);
        Assert.All(replies, r => Assert.NotNull(r.Parameters["reply_parameters"]));
    }

    [Fact]
    public async Task A_malformed_update_is_skipped_and_the_next_one_answered()
    {
        await using var bot = await TelegramBotHarness.StartAsync(beforeStart: api =>
        {
            api.EnqueueRaw("""{"message": "this is not a message object"}""");
            api.EnqueueText(ChatId, "ماذا أهدى بوتين لكيم جونغ أون؟");
        });
        var answer = await bot.Api.WaitForMessageAsync(ChatId);
        Assert.Contains("بندقية", answer.Text);
        Assert.Contains(bot.Logs.Lines, l => l.Contains("Skipping malformed update 1000"));

        bot.Api.EnqueueText(ChatId, "/help");
        await bot.Api.WaitForMessageAsync(ChatId, t => t.Contains("/sources"));
    }

    [Fact]
    public async Task A_failing_answerer_gets_a_kind_reply_and_the_bot_keeps_going()
    {
        await using var bot = await TelegramBotHarness.StartAsync(r =>
            r.Question.Contains("boom") ? throw new InvalidOperationException("index exploded") : SampleArticles.GiftsAnswer(r.Question));
        bot.Api.EnqueueText(ChatId, "boom question");
        bot.Api.EnqueueText(ChatId, "ماذا أهدى بوتين لكيم جونغ أون؟");

        var sorry = await bot.Api.WaitForMessageAsync(ChatId, t => t.Contains("Sorry"));
        Assert.DoesNotContain("index exploded", sorry.Text);
        await bot.Api.WaitForMessageAsync(ChatId, t => t.Contains("بندقية"));
        Assert.Contains(bot.Logs.Lines, l => l.StartsWith("Error") && l.Contains("index exploded"));
    }

    [Fact]
    public async Task Bot_api_429_is_retried_after_retry_after_and_500s_do_not_stop_the_bot()
    {
        await using var bot = await TelegramBotHarness.StartAsync(beforeStart: api =>
        {
            api.FailNext("getUpdates", 500);
            api.FailNext("sendMessage", 429, retryAfterSeconds: 1);
        });
        bot.Api.EnqueueText(ChatId, "ماذا أهدى بوتين لكيم جونغ أون؟");
        var delivered = await bot.Api.WaitForMessageAsync(ChatId, t => t.Contains("بندقية"));
        var attempts = bot.Api.Calls("sendMessage").Where(c => c.ChatId == ChatId).ToList();
        Assert.Equal([429, 200], attempts.Select(c => c.Status));
        Assert.Equal(attempts[0].Text, delivered.Text);
        Assert.Contains(bot.Api.Calls("getUpdates"), c => c.Status == 500);

        bot.Api.FailNext("sendMessage", 500);
        bot.Api.EnqueueText(ChatId, "/help");
        await bot.Api.WaitForMessageAsync(ChatId, t => t.Contains("/sources"));
        Assert.Contains(bot.Api.Calls("sendMessage"), c => c.Status == 500);
    }

    [Fact]
    public async Task The_token_never_appears_in_logs_even_when_requests_fail()
    {
        await using var bot = await TelegramBotHarness.StartAsync(
            r => r.Question.Contains("boom") ? throw new HttpRequestException("upstream failed") : SampleArticles.GiftsAnswer(r.Question),
            beforeStart: api =>
            {
                api.FailNext("getUpdates", 500);
                api.EnqueueRaw("""{"message": 42}""");
            });
        bot.Api.FailNext("sendMessage", 500);
        bot.Api.EnqueueText(ChatId, "boom");
        bot.Api.EnqueueText(ChatId, "ماذا أهدى بوتين لكيم جونغ أون؟");
        await bot.Api.WaitForMessageAsync(ChatId, t => t.Contains("بندقية"));

        Assert.All(bot.Api.Calls(), c => Assert.Equal(TelegramBotHarness.Token, c.Token)); // the token was really in every URI
        Assert.True(bot.Logs.Lines.Count > 5, "logging must have been captured for this test to mean anything");
        Assert.Contains(bot.Logs.Lines, l => l.Contains("Telegram polling failed"));
        var secretPart = TelegramBotHarness.Token.Split(':')[1];
        Assert.DoesNotContain(secretPart, bot.Logs.AllText);
    }

    private static int IndexOf(TelegramBotHarness bot, TelegramBotApiStandIn.RecordedCall call) =>
        bot.Api.Calls().ToList().IndexOf(call);

    private static List<(string Text, string Data)> Buttons(TelegramBotApiStandIn.RecordedCall message) =>
        message.Parameters["reply_markup"]!["inline_keyboard"]!.AsArray()
            .SelectMany(row => row!.AsArray())
            .Select(b => (b!["text"]!.GetValue<string>(), b["callback_data"]!.GetValue<string>()))
            .ToList();

    /// <summary>Every '&' starts an entity and the tags Telegram allows are balanced.</summary>
    internal static void AssertWellFormedTelegramHtml(string html) => TelegramHtmlValidator.AssertValid(html);
}
