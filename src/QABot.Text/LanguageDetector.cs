using QABot.Core.Domain;

namespace QABot.Text;

/// <summary>Tells Arabic from English text by counting letters of each script.</summary>
public static class LanguageDetector
{
    public static string Detect(string text)
    {
        int arabic = 0, latin = 0;
        foreach (var c in text)
        {
            if (ArabicNormalizer.IsArabicLetter(c)) arabic++;
            else if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z') latin++;
        }
        // Arabic questions often carry a Latin acronym (NATO, RT); English ones rarely carry Arabic words.
        return arabic > 0 && arabic >= latin / 3 ? Languages.Arabic : latin > 0 ? Languages.English : Languages.Arabic;
    }
}
