using System.Text.RegularExpressions;
using QABot.Core.Domain;
using QABot.Hosts.Web.Options;

namespace QABot.Hosts.Web.Api;

/// <summary>Body of POST /api/ask and POST /api/check.</summary>
/// <param name="ConversationId">Chosen by the client (the chat page keeps one per browser tab); follow-ups share it.</param>
/// <param name="Claim">For /api/check, the claim may be given as "claim" instead of "question".</param>
public sealed partial record AskRequest(string? Question, string? ConversationId, int? Top, string? Claim = null)
{
    public const int MaxTop = 20;

    /// <summary>The text to answer or check.</summary>
    public string? Text => string.IsNullOrWhiteSpace(Question) ? Claim : Question;

    /// <summary>A message for the client when the request cannot be answered, else null.</summary>
    public string? Validate(WebOptions options)
    {
        if (InvisibleMarks.IsBlank(Text))
            return Claim is null ? "\"question\" is required and must have visible text (not only spaces or invisible marks)." : "\"claim\" must have visible text (not only spaces or invisible marks).";
        if (Text.Length > options.MaxQuestionChars) return $"The text is longer than {options.MaxQuestionChars} characters.";
        if (Top is < 1 or > MaxTop) return $"\"top\" must be between 1 and {MaxTop}.";
        if (ConversationId is not null && !ConversationIdPattern().IsMatch(ConversationId))
            return "\"conversationId\" must be 1-64 characters of letters, digits, '-', '_' or '.'.";
        return null;
    }

    /// <summary>Web conversations get their own namespace so a client cannot continue, say, a Telegram chat ("tg:...").</summary>
    public string? ScopedConversationId => ConversationId is null ? null : "web:" + ConversationId;

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex ConversationIdPattern();
}
