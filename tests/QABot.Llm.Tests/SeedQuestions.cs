namespace QABot.Llm.Tests;

/// <summary>
/// The seed QA set over the bundled sample corpus, with the sources the sample-corpus index double numbers for each
/// (Top = 3, rank order), so scripted model replies can cite real and invented numbers.
/// </summary>
public static class SeedQuestions
{
    /// <summary>[1] 004:0 and [2] 004:1 (gifts article, 2023-09-14, قناة اليمن اليوم); [3] 001:11 (undated).</summary>
    public const string Gifts = "ماذا أهدى بوتين لكيم جونغ أون؟";

    /// <summary>[1] 003:0, the undated treaty article.</summary>
    public const string Treaty = "متى وقع بوتين وكيم اتفاقية الشراكة الاستراتيجية الشاملة؟";

    /// <summary>[1] 002:0, Kim's letter (2023-09-18, سكاي نيوز عربية).</summary>
    public const string Letter = "ما هي رسالة كيم إلى بوتين بعد مغادرة روسيا؟";

    /// <summary>English, answered over Arabic text through the "llm" expander's Arabic terms (scripted as <see cref="GiftsTerms"/>).</summary>
    public const string GiftsEnglish = "What did Putin give Kim Jong Un?";

    public const string GiftsTerms = "بوتين\nكيم جونغ أون\nأهدى\nبندقية";
}
