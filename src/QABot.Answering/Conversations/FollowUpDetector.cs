using System.Text.RegularExpressions;
using QABot.Core.Domain;
using QABot.Text;

namespace QABot.Answering.Conversations;

/// <summary>
/// Decides whether a question leans on the previous turn ("and when was that?", «ومتى حدث ذلك؟»): short, and either
/// pointing back with a pronoun or demonstrative or opening with "and". Such questions are searched together with the
/// previous question, and the previously cited articles are preferred.
/// </summary>
public static partial class FollowUpDetector
{
    public static bool IsFollowUp(string question, string language)
    {
        var text = ArabicNormalizer.Normalize(question).Trim().ToLowerInvariant();
        var words = Words().Matches(text).Count;
        if (words == 0 || words > 8) return false;
        return language == Languages.English ? EnglishCue().IsMatch(text) : ArabicCue().IsMatch(text);
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();

    [GeneratedRegex(@"^(and|but|so|also)\b|\b(that|this|it|its|he|she|him|her|they|them|their|there|then|those|these)\b|^what about\b")]
    private static partial Regex EnglishCue();

    // Arabic attaches "and" (و) and pronoun suffixes to words, so cues are matched as prefixes and whole demonstratives.
    [GeneratedRegex(@"^و|(^|\s)(ذلك|تلك|هذا|هذه|هناك|حينها|عندها|هو|هي|هم|له|لها|لهم)(\s|$|[؟?.!،])")]
    private static partial Regex ArabicCue();
}
