using System.Text.RegularExpressions;
using QABot.Core.Domain;
using QABot.Text;

namespace QABot.Answering.Extractive;

/// <summary>Questions about when something was published or happened get the cited article's date up front.</summary>
public static partial class WhenQuestion
{
    public static bool AsksWhen(string question, string language)
    {
        var text = ArabicNormalizer.Normalize(question).ToLowerInvariant();
        return language == Languages.English ? EnglishWhen().IsMatch(text) : ArabicWhen().IsMatch(text);
    }

    [GeneratedRegex(@"\bwhen\b|\bwhat (date|day|year|month)\b|\bwhich (date|day|year|month)\b|\bpublished\b")]
    private static partial Regex EnglishWhen();

    [GeneratedRegex(@"(^|\s|و)متي(\s|$|[؟?])|تاريخ|في اي (يوم|شهر|عام|سنه)")]
    private static partial Regex ArabicWhen();
}
