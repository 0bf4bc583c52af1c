using Microsoft.Extensions.Logging;
using QABot.Core.Answering;
using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Hosts.Telegram.Conversations;
using QABot.Hosts.Telegram.Formatting;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace QABot.Hosts.Telegram.Handling;

/// <summary>
/// Handles one update (scoped: one instance per update). Messages become commands or questions; citation buttons
/// open an excerpt. Any failure is logged and answered kindly so the chat is never left without a reply.
/// </summary>
public sealed class UpdateHandler(
    ITelegramBotClient bot,
    IAnswerer answerer,
    IArticleIndex index,
    IConversationStore conversations,
    RecentAnswers recentAnswers,
    ChatGate gate,
    BotIdentity identity,
    ILogger<UpdateHandler> logger,
    IOutletNames? outlets = null)
{
    private const int ButtonTitleChars = 40;
    private static readonly TimeSpan TypingRefresh = TimeSpan.FromSeconds(4);

    public static string ConversationIdFor(long chatId) => $"tg:{chatId}";

    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        switch (update)
        {
            case { Message: { } message }:
                await HandleMessageAsync(message, cancellationToken);
                break;
            case { CallbackQuery: { } query }:
                await HandleCallbackAsync(query, cancellationToken);
                break;
            default:
                logger.LogDebug("Ignoring update {UpdateId} of type {UpdateType}", update.Id, update.Type);
                break;
        }
    }

    private async Task HandleMessageAsync(Message message, CancellationToken cancellationToken)
    {
        var chatId = message.Chat.Id;
        var isGroup = message.Chat.Type is ChatType.Group or ChatType.Supergroup;
        var text = message.Text;
        try
        {
            if (message.Chat.Type == ChatType.Channel) return;
            if (!gate.IsAllowed(chatId, message.From?.Id))
            {
                logger.LogInformation("Refused chat {ChatId}: not in Telegram:AllowedChatIds", chatId);
                if (!isGroup) await SendHtmlAsync(chatId, BotTexts.NotAllowed, null, null, cancellationToken);
                return;
            }
            if (string.IsNullOrWhiteSpace(text))
            {
                if (!isGroup) await SendHtmlAsync(chatId, BotTexts.TextOnly(BotTexts.LanguageOf(message.Caption)), null, null, cancellationToken);
                return;
            }

            var me = await identity.GetAsync(cancellationToken);
            if (BotCommand.TryParse(text, me.Username, out var command))
            {
                await HandleCommandAsync(command, message, cancellationToken);
                return;
            }
            if (isGroup && !IsAddressedToBot(message, me)) return;

            var question = StripMention(text, me.Username);
            if (question.Length == 0) { await SendHtmlAsync(chatId, BotTexts.Help, null, null, cancellationToken); return; }

            var language = BotTexts.LanguageOf(question);
            if (!gate.TryTakeQuestion(message.From?.Id ?? chatId))
            {
                logger.LogInformation("Rate limit reached for chat {ChatId}", chatId);
                await SendHtmlAsync(chatId, BotTexts.RateLimited(language), ReplyTo(message, isGroup), null, cancellationToken);
                return;
            }
            await AnswerQuestionAsync(message, question, isGroup, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // The question text is user data: it is not logged, only where it came from.
            logger.LogError(ex, "Failed to handle message {MessageId} in chat {ChatId}", message.Id, chatId);
            await TrySendFailureAsync(chatId, BotTexts.LanguageOf(text), cancellationToken);
        }
    }

    private async Task HandleCommandAsync(BotCommand command, Message message, CancellationToken cancellationToken)
    {
        var chatId = message.Chat.Id;
        switch (command.Name)
        {
            case "start":
                await SendHtmlAsync(chatId, BotTexts.Welcome, null, null, cancellationToken);
                break;
            case "help":
                await SendHtmlAsync(chatId, BotTexts.Help, null, null, cancellationToken);
                break;
            case "sources":
                var last = recentAnswers.LastFor(chatId);
                if (last is null || last.Citations.Count == 0)
                    await SendHtmlAsync(chatId, BotTexts.NoAnswerYet(last?.Language ?? BotTexts.LanguageOfUser(message.From)), null, null, cancellationToken);
                else
                    await SendPartsAsync(chatId, AnswerMessageFormatter.FormatSources(last, outlets), null, null, cancellationToken);
                break;
            case "check":
                var isGroup = message.Chat.Type is ChatType.Group or ChatType.Supergroup;
                if (command.Arguments.Length == 0)
                {
                    await SendHtmlAsync(chatId, BotTexts.CheckUsage, ReplyTo(message, isGroup), null, cancellationToken);
                    break;
                }
                if (!gate.TryTakeQuestion(message.From?.Id ?? chatId))
                {
                    await SendHtmlAsync(chatId, BotTexts.RateLimited(BotTexts.LanguageOf(command.Arguments)), ReplyTo(message, isGroup), null, cancellationToken);
                    break;
                }
                await AnswerQuestionAsync(message, command.Arguments, isGroup, cancellationToken, isClaim: true);
                break;
            case "new":
                await conversations.ClearAsync(ConversationIdFor(chatId), cancellationToken);
                recentAnswers.ForgetChat(chatId);
                await SendHtmlAsync(chatId, BotTexts.NewConversation, null, null, cancellationToken);
                break;
            default:
                await SendHtmlAsync(chatId, BotTexts.UnknownCommand, null, null, cancellationToken);
                break;
        }
    }

    private async Task AnswerQuestionAsync(Message message, string question, bool isGroup, CancellationToken cancellationToken, bool isClaim = false)
    {
        var chatId = message.Chat.Id;
        // The first "typing…" runs alongside the answerer but is always completed before the answer is sent, so users see
        // it even for instant answers; the refresh loop only matters for slow ones.
        var firstTyping = TrySendTypingAsync(chatId, cancellationToken);
        Answer answer;
        using (var typing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var refreshLoop = RefreshTypingAsync(chatId, typing.Token);
            try
            {
                answer = await answerer.AnswerAsync(
                    new AnswerRequest { Question = question, ConversationId = ConversationIdFor(chatId), IsClaim = isClaim }, cancellationToken);
            }
            finally
            {
                await typing.CancelAsync();
                await refreshLoop;
                await firstTyping;
            }
        }

        var key = recentAnswers.Remember(chatId, answer);
        var buttons = answer.Citations.Count == 0
            ? null
            : new InlineKeyboardMarkup(answer.Citations.Select(c => new[]
            {
                InlineKeyboardButton.WithCallbackData(ButtonLabel(c), new CitationCallback(key, c.Number).Encode()),
            }));
        await SendPartsAsync(chatId, AnswerMessageFormatter.FormatAnswer(answer, outlets), ReplyTo(message, isGroup), buttons, cancellationToken);
    }

    private async Task HandleCallbackAsync(CallbackQuery query, CancellationToken cancellationToken)
    {
        var chatId = query.Message?.Chat.Id ?? query.From.Id;
        try
        {
            if (!gate.IsAllowed(chatId, query.From.Id))
            {
                await bot.AnswerCallbackQuery(query.Id, BotTexts.NotAllowed, cancellationToken: cancellationToken);
                return;
            }
            var answer = CitationCallback.TryParse(query.Data, out var callback) ? recentAnswers.Find(callback.AnswerKey) : null;
            var citation = answer?.Citations.FirstOrDefault(c => c.Number == callback.CitationNumber);
            if (answer is null || citation is null)
            {
                await bot.AnswerCallbackQuery(query.Id, BotTexts.AnswerExpired, showAlert: true, cancellationToken: cancellationToken);
                return;
            }
            await bot.AnswerCallbackQuery(query.Id, cancellationToken: cancellationToken);
            var stored = await index.GetArticleAsync(citation.ArticleId, cancellationToken);
            await SendPartsAsync(chatId, AnswerMessageFormatter.FormatExcerpt(citation, stored, answer.Language, outlets), null, null, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Failed to handle callback query in chat {ChatId}", chatId);
            await TrySendFailureAsync(chatId, Languages.English, cancellationToken);
        }
    }

    /// <summary>Telegram shows "typing…" for about 5 seconds per action, so it is renewed while the answer is computed.</summary>
    private async Task RefreshTypingAsync(long chatId, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TypingRefresh, cancellationToken);
                await TrySendTypingAsync(chatId, cancellationToken);
            }
        }
        catch (OperationCanceledException) { }
    }

    private async Task TrySendTypingAsync(long chatId, CancellationToken cancellationToken)
    {
        try { await bot.SendChatAction(chatId, ChatAction.Typing, cancellationToken: cancellationToken); }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogDebug("Chat action failed for chat {ChatId}: {Error}", chatId, ex.GetType().Name);
        }
        catch (OperationCanceledException) { }
    }

    private async Task SendPartsAsync(long chatId, string html, ReplyParameters? replyTo, InlineKeyboardMarkup? buttons, CancellationToken cancellationToken)
    {
        var parts = HtmlMessageSplitter.Split(html);
        for (var i = 0; i < parts.Count; i++)
        {
            var isLast = i == parts.Count - 1;
            await SendHtmlAsync(chatId, parts[i], i == 0 ? replyTo : null, isLast ? buttons : null, cancellationToken);
        }
    }

    /// <summary>Sends one HTML message; a server error (5xx) is retried once. 429s are retried by the client itself.</summary>
    private async Task SendHtmlAsync(long chatId, string html, ReplyParameters? replyTo, InlineKeyboardMarkup? buttons, CancellationToken cancellationToken)
    {
        try
        {
            await SendOnceAsync();
        }
        catch (ApiRequestException ex) when (ex.ErrorCode >= 500)
        {
            logger.LogWarning("Bot API error {ErrorCode} on sendMessage to chat {ChatId}; retrying once", ex.ErrorCode, chatId);
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            await SendOnceAsync();
        }

        Task SendOnceAsync() => bot.SendMessage(chatId, html, ParseMode.Html, replyParameters: replyTo, replyMarkup: buttons,
            linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true }, cancellationToken: cancellationToken);
    }

    private async Task TrySendFailureAsync(long chatId, string language, CancellationToken cancellationToken)
    {
        try { await SendHtmlAsync(chatId, BotTexts.Failure(language), null, null, cancellationToken); }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not tell chat {ChatId} about a failure", chatId);
        }
    }

    private static ReplyParameters? ReplyTo(Message message, bool isGroup) =>
        isGroup ? new ReplyParameters { MessageId = message.Id, AllowSendingWithoutReply = true } : null;

    private static bool IsAddressedToBot(Message message, User me) =>
        message.ReplyToMessage?.From?.Id == me.Id ||
        (me.Username is { } name && message.Text!.Contains("@" + name, StringComparison.OrdinalIgnoreCase));

    private static string StripMention(string text, string? username) =>
        (username is null ? text : text.Replace("@" + username, " ", StringComparison.OrdinalIgnoreCase)).Trim();

    private static string ButtonLabel(Citation citation)
    {
        var title = citation.Title.Trim();
        if (title.Length > ButtonTitleChars) title = title[..ButtonTitleChars].TrimEnd() + "…";
        return $"[{citation.Number}] {title}";
    }
}
