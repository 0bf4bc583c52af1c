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

    /// <summary>English answers quote the Arabic evidence verbatim inside an English frame rather than pretending to translate.</summary>
    public static string EnglishQuoteFrame => "From the Arabic sources (quoted):";
}
