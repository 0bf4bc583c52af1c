using System.Globalization;
using QABot.Core.Domain;

namespace QABot.Hosts.Telegram.Formatting;

/// <summary>The bot's fixed replies, in Arabic and English. HTML-ready (already escaped where needed).</summary>
public static class BotTexts
{
    public const string Welcome =
        "👋 <b>QABot</b> answers questions about Arabic news articles, always citing the article, outlet and date.\n" +
        "Ask in Arabic or English. Type /help for commands.\n\n" +
        "👋 <b>QABot</b> يجيب عن أسئلتك حول الأخبار العربية ويذكر دائماً المقال والمصدر والتاريخ.\n" +
        "اسأل بالعربية أو بالإنجليزية. اكتب /help لعرض الأوامر.";

    public const string Help =
        "<b>Commands</b>\n" +
        "/check &lt;claim&gt; – fact-check a claim against the articles\n" +
        "/sources – full citations of the last answer\n" +
        "/new – start a new conversation (forget follow-up context)\n" +
        "/help – this message\n" +
        "Just type a question to ask it. In groups, mention me or reply to my message.\n\n" +
        "<b>الأوامر</b>\n" +
        "/check &lt;ادعاء&gt; – التحقق من ادعاء في المقالات\n" +
        "/sources – المصادر الكاملة لآخر إجابة\n" +
        "/new – بدء محادثة جديدة (نسيان السياق السابق)\n" +
        "/help – هذه الرسالة\n" +
        "اكتب سؤالك مباشرة. في المجموعات، اذكرني بالاسم أو رُدّ على رسالتي.";

    public const string CheckUsage =
        "Write the claim after the command: <code>/check Putin gave Kim Jong Un a rifle</code>\n" +
        "اكتب الادعاء بعد الأمر: <code>/check أهدى بوتين كيم جونغ أون بندقية</code>";

    public const string NewConversation = "🆕 New conversation started.\n🆕 بدأت محادثة جديدة.";
    public const string NotAllowed = "This bot is private.\nهذا البوت خاص.";
    public const string AnswerExpired = "This answer is too old; please ask again. / هذه الإجابة قديمة، يرجى إعادة السؤال.";
    public const string UnknownCommand = "Unknown command. Type /help.\nأمر غير معروف. اكتب /help.";

    public static string NoAnswerYet(string language) => language == Languages.Arabic
        ? "لا توجد إجابة سابقة بعد. اطرح سؤالاً أولاً."
        : "There is no previous answer yet. Ask a question first.";

    public static string TextOnly(string language) => language == Languages.Arabic
        ? "أفهم الأسئلة النصية فقط."
        : "I only understand text questions.";

    public static string RateLimited(string language) => language == Languages.Arabic
        ? "⏳ أسئلة كثيرة خلال وقت قصير. يرجى الانتظار دقيقة ثم المحاولة مجدداً."
        : "⏳ Too many questions in a short time. Please wait a minute and try again.";

    public static string Failure(string language) => language == Languages.Arabic
        ? "عذراً، حدث خطأ أثناء معالجة سؤالك. يرجى المحاولة مرة أخرى."
        : "Sorry, something went wrong while answering. Please try again.";

    public static string SourcesHeading(string language) => language == Languages.Arabic ? "المصادر" : "Sources";

    public static string DateLabel(DateTimeOffset? published, string language) =>
        published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        ?? (language == Languages.Arabic ? "التاريخ غير مذكور" : "date not stated");

    public static string UnknownOutlet(string language) => language == Languages.Arabic ? "مصدر غير معروف" : "unknown outlet";

    /// <summary>The language of the user's Telegram client, for replies that have no text of theirs to follow.</summary>
    public static string LanguageOfUser(global::Telegram.Bot.Types.User? user) =>
        user?.LanguageCode?.StartsWith("ar", StringComparison.OrdinalIgnoreCase) == true ? Languages.Arabic : Languages.English;

    /// <summary>The language to reply in when there is no answer to follow: Arabic if the user wrote any Arabic letter.</summary>
    public static string LanguageOf(string? text) =>
        text is not null && text.Any(c => c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F')
            ? Languages.Arabic
            : Languages.English;
}
