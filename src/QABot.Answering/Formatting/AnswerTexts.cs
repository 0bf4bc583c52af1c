using QABot.Core.Domain;

namespace QABot.Answering.Formatting;

/// <summary>The fixed wording of answers, in both languages. Shared by every answerer so refusals read the same everywhere.</summary>
public static class AnswerTexts
{
    public const string DateNotStatedEn = "date not stated";
    public const string DateNotStatedAr = "التاريخ غير مذكور";

    public static string DateOrNotStated(DateTimeOffset? published, string language) =>
        published is { } p ? p.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : language == Languages.English ? DateNotStatedEn : DateNotStatedAr;

    public static string NotFound(string language) => language == Languages.English
        ? "Not found in the corpus: none of the indexed articles answers this question."
        : "غير موجود في المقالات المتاحة: لم أجد في أي مقال مفهرس ما يجيب عن هذا السؤال.";

    public static string NotFoundInPeriod(string language, string period) => language == Languages.English
        ? $"Not found in the corpus: no indexed article published in the period asked about ({period}) answers this question."
        : $"غير موجود في المقالات المتاحة: لا يوجد مقال منشور في الفترة المطلوبة ({period}) يجيب عن هذا السؤال.";

    /// <summary>
    /// A list answer: the count (of the period, when one was asked), then one line per shown article: local date,
    /// outlet, title, id.
    /// </summary>
    public static string Listing(string language, ArticleListing listing, string? period, IOutletNames? outlets)
    {
        var english = language == Languages.English;
        var scope = period is null ? "" : english ? $" published {period}" : $" منشورة في الفترة {period}";
        var heading = listing.Total == 0
            ? english ? $"No indexed article{scope} matches." : $"لا توجد مقالات مفهرسة{scope} مطابقة."
            : english
                ? $"{listing.Total} article(s){scope}, newest first{(listing.Total > listing.Articles.Count ? $"; the first {listing.Articles.Count}" : "")}:"
                : $"عدد المقالات{scope}: {listing.Total}، الأحدث أولاً{(listing.Total > listing.Articles.Count ? $"؛ أول {listing.Articles.Count} منها" : "")}:";
        var rows = listing.Articles.Select(a =>
            $"{DateOrNotStated(a.Published, language)} — {(a.Source is { } source ? outlets?.DisplayName(source, language) ?? source : "-")} — {a.Title} ({a.ArticleId})");
        return string.Join("\n", rows.Prepend(heading));
    }

    /// <summary>Leads an answer to a "when" question with the publication date of the first cited article.</summary>
    public static string PublishedLead(string language, int number, string? source, DateTimeOffset? published)
    {
        var outlet = source ?? (language == Languages.English ? "the source" : "المصدر");
        if (published is null)
            return language == Languages.English
                ? $"The article [{number}] ({outlet}) does not state its publication date."
                : $"المقال [{number}] ({outlet}) لا يذكر تاريخ نشره.";
        var date = DateOrNotStated(published, language);
        return language == Languages.English
            ? $"Published on {date} by {outlet} [{number}]."
            : $"نُشر بتاريخ {date} في {outlet} [{number}].";
    }

    /// <summary>
    /// Leads an answer to "when was that?" about a quote that dates nothing: says so, and gives the article's
    /// publication date for what it is.
    /// </summary>
    public static string UndatedEventLead(string language, int number, string? source, DateTimeOffset? published)
    {
        var outlet = source ?? (language == Languages.English ? "the source" : "المصدر");
        var date = DateOrNotStated(published, language);
        return language == Languages.English
            ? $"The source does not say when; the article [{number}] was published by {outlet} on {date}."
            : $"لا يذكر المصدر متى كان ذلك؛ نُشر المقال [{number}] في {outlet} بتاريخ {date}.";
    }

    /// <summary>
    /// Opens an English answer that has no short answer of its own (a what-question answered by a whole sentence):
    /// says where the quote below comes from, so the reader is not met by Arabic text alone.
    /// </summary>
    public static string SourcesLead(string articleLanguage, int number) =>
        articleLanguage == Languages.English ? $"From the sources [{number}]:"
            : $"The source [{number}] answers this in Arabic only, and no short English wording of its answer is reliable offline; its text is quoted below.";

    /// <summary>
    /// An English answer whose Arabic phrase has no rendering to trust: said in English, with the phrase as written,
    /// rather than a word-by-word guess.
    /// </summary>
    public static string UnrenderedPhrase(string arabic) => $"No reliable English wording is available offline; in the source's words: «{arabic}»";

    /// <summary>English answers quote the evidence verbatim after the English short answer, labelled as the original text.</summary>
    public static string OriginalTextLabel(string articleLanguage) =>
        articleLanguage == Languages.English ? "Source text:" : "Original text (Arabic):";

    /// <summary>The verdict on a claim (or the yes/no answer to a question), leading the quote that bears it.</summary>
    /// <param name="stated">What the source states instead, for a contradiction (a number, date, name), in the question's language.</param>
    /// <param name="claimed">What the claim stated there.</param>
    /// <param name="statedByPublication">
    /// <paramref name="stated"/> is the date the source was published (its sentence tells the event undated): said so, as
    /// the quote that follows holds no such date.
    /// </param>
    public static string Verdict(string language, ClaimVerdict verdict, bool yesNo, string? stated, string? claimed, bool statedByPublication = false)
    {
        var english = language == Languages.English;
        if (verdict == ClaimVerdict.Supported)
            return english ? (yesNo ? "Yes, according to the source" : "Supported: the source states this")
                : (yesNo ? "نعم، بحسب المصدر" : "صحيح: يؤكد المصدر ذلك");
        if (verdict == ClaimVerdict.NotFound) return ClaimNotFound(language, yesNo);
        var instead = stated is null ? null
            : statedByPublication ? (english ? $"the source reports it on {stated}{(claimed is null ? "" : $", not {claimed}")}"
                : $"نشر المصدر الخبر في {stated}{(claimed is null ? "" : $" وليس {claimed}")}")
            : english ? $"the source says {stated}{(claimed is null ? "" : $", not {claimed}")}"
            : $"يذكر المصدر {stated}{(claimed is null ? "" : $" وليس {claimed}")}";
        return english
            ? (yesNo ? "No" : "Contradicted") + (instead is null ? ": the source says otherwise" : ": " + instead)
            : (yesNo ? "لا" : "غير صحيح") + (instead is null ? "، فالمصدر يقول خلاف ذلك" : "، " + instead);
    }

    public static string ClaimNotFound(string language, bool yesNo) => language == Languages.English
        ? (yesNo ? "Not found in the corpus: no indexed article says whether this is so." : "Not found in the corpus: no indexed article confirms or contradicts this claim.")
        : (yesNo ? "غير موجود في المقالات المتاحة: لم أجد في أي مقال مفهرس ما يبيّن ذلك." : "غير موجود في المقالات المتاحة: لم أجد في أي مقال مفهرس ما يؤكد هذا الادعاء أو ينفيه.");
}
