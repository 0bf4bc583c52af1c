using QABot.Core.Domain;
using QABot.Testing;

namespace QABot.Hosts.Tests.Doubles;

/// <summary>Two real sample-corpus articles (bodies read from corpus/sample) with their known metadata, for host tests.</summary>
public static class SampleArticles
{
    public const string GiftsId = "004_ed7c3fead92d0ce9";
    public const string GiftsTitle = "بنادق وقفازات نادرة.. بوتين وكيم يعززان العلاقات بـ\"الهدايا\"";
    public static readonly DateTimeOffset GiftsPublished = new(2023, 9, 14, 0, 0, 0, TimeSpan.Zero);

    public const string UndatedId = "003_f183bc64d6ca35ea";
    public const string UndatedTitle = "بوتين وكيم جونغ أون يوقعان اتفاقية الشراكة الاستراتيجية الشاملة... فيديو";

    public const string GiftsQuote = "أفاد الناطق باسم الكرملين دميترى بيسكوف بأن بوتين \"أعطى كيم بندقية من إنتاجنا تعد من أفضل نوعية\"";

    public static Article Gifts => new()
    {
        Id = GiftsId, Title = GiftsTitle, Published = GiftsPublished, Source = "اليوم السابع",
        Body = File.ReadAllText(Path.Combine(RepoPaths.SampleCorpus, GiftsId + ".txt")),
    };

    public static Article Undated => new()
    {
        Id = UndatedId, Title = UndatedTitle, Published = null, Source = null,
        Body = File.ReadAllText(Path.Combine(RepoPaths.SampleCorpus, UndatedId + ".txt")),
    };

    public static Citation GiftsCitation(int number = 1) =>
        new(number, GiftsId, GiftsTitle, "اليوم السابع", GiftsPublished, GiftsQuote, GiftsId + ":0");

    public static Citation UndatedCitation(int number = 2) =>
        new(number, UndatedId, UndatedTitle, null, null, "وقّع الروسي فلاديمير بوتين، ورئيس كوريا الديمقراطية الشعبية، كيم جونغ أون", UndatedId + ":0");

    /// <summary>The answer the extractive answerer is expected to give to «ماذا أهدى بوتين لكيم جونغ أون؟».</summary>
    public static Answer GiftsAnswer(string question) => ScriptedAnswerer.Make(question,
        "أهدى بوتين كيم جونغ أون بندقية من إنتاج روسي تعد من أفضل نوعية، وتلقى في المقابل بندقية كورية.",
        GiftsCitation(), UndatedCitation());
}
