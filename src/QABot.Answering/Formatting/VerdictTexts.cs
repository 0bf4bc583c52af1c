using QABot.Core.Domain;

namespace QABot.Answering.Formatting;

/// <summary>The verdict of a checked claim as a short label in the question's language, for every host's badge or line.</summary>
public static class VerdictTexts
{
    public static string Label(ClaimVerdict verdict, string language) => (verdict, language == Languages.English) switch
    {
        (ClaimVerdict.Supported, true) => "Supported by the sources",
        (ClaimVerdict.Contradicted, true) => "Contradicted by the sources",
        (ClaimVerdict.NotFound, true) => "Not found in the corpus",
        (ClaimVerdict.Supported, false) => "تؤيده المصادر",
        (ClaimVerdict.Contradicted, false) => "تخالفه المصادر",
        _ => "غير موجود في المقالات المتاحة",
    };

    /// <summary>A one-character mark that reads the same in both directions: ✔ supported, ✘ contradicted, ? not found.</summary>
    public static string Mark(ClaimVerdict verdict) => verdict switch
    {
        ClaimVerdict.Supported => "✔",
        ClaimVerdict.Contradicted => "✘",
        _ => "?",
    };

    public static string Heading(string language) => language == Languages.English ? "Verdict" : "الحكم";
}
