using QABot.Core.Domain;
using QABot.Testing;

namespace QABot.Hosts.Tests.Doubles;

/// <summary>
/// Two sample-corpus articles for host tests. Ids, titles, outlets, dates and quotes are the corpus's own (as
/// `qabot ingest corpus/sample` reads them; the quotes are verbatim passages of the files); the body is the whole file.
/// <see cref="GiftsAnswer"/> is made up: a scripted answer citing both articles, so hosts show a dated and an undated source.
/// </summary>
public static class SampleArticles
{
    public const string GiftsId = "004_ed7c3fead92d0ce9";
    public const string GiftsSource = "قناة اليمن اليوم";
    public const string GiftsTitle = "بنادق وقفازات نادرة.. بوتين وكيم يعززان العلاقات بـ\"الهدايا\"";
    public static readonly DateTimeOffset GiftsPublished = new(2023, 9, 14, 0, 0, 0, TimeSpan.Zero);

    public const string UndatedId = "003_f183bc64d6ca35ea";
    public const string UndatedTitle = "بوتين وكيم جونغ أون يوقعان اتفاقية الشراكة الاستراتيجية الشاملة... فيديو";
    public const string UndatedSource = "Sputnik";

    public const string GiftsQuote = "أفاد الناطق باسم الكرملين دميترى بيسكوف بأن بوتين \"أعطى كيم بندقية من إنتاجنا تعد من أفضل نوعية، تلقى في المقابل، بندقية مصنوعة في كوريا الشمالية\"";

    public static Article Gifts => new()
    {
        Id = GiftsId, Title = GiftsTitle, Published = GiftsPublished, Source = GiftsSource,
        Body = File.ReadAllText(Path.Combine(RepoPaths.SampleCorpus, GiftsId + ".txt")),
    };

    public static Article Undated => new()
    {
        Id = UndatedId, Title = UndatedTitle, Published = null, Source = UndatedSource,
        Body = File.ReadAllText(Path.Combine(RepoPaths.SampleCorpus, UndatedId + ".txt")),
    };

    public static Citation GiftsCitation(int number = 1) =>
        new(number, GiftsId, GiftsTitle, GiftsSource, GiftsPublished, GiftsQuote, GiftsId + ":0");

    public static Citation UndatedCitation(int number = 2) =>
        new(number, UndatedId, UndatedTitle, UndatedSource, null, "وقّع الروسي فلاديمير بوتين، ورئيس كوريا الديمقراطية الشعبية، كيم جونغ أون", UndatedId + ":0");

    /// <summary>
    /// A made-up answer to «ماذا أهدى بوتين لكيم جونغ أون؟» (not the extractive answerer's, which cites 004 alone):
    /// its text paraphrases <see cref="GiftsQuote"/> and it cites the dated and the undated article.
    /// </summary>
    public static Answer GiftsAnswer(string question) => ScriptedAnswerer.Make(question,
        "أهدى بوتين كيم جونغ أون بندقية من إنتاج روسي تعد من أفضل نوعية، وتلقى في المقابل بندقية كورية.",
        GiftsCitation(), UndatedCitation());
}
