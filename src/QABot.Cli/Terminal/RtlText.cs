using QABot.Text;

namespace QABot.Cli.Terminal;

/// <summary>
/// Makes mixed Arabic/Latin text survive terminals that apply the Unicode bidi algorithm per line: Arabic lines start
/// with a right-to-left mark, and Latin fragments inside them (ids, ISO dates, [n] markers) are isolated so they keep
/// their own order instead of being flipped around their Arabic neighbours.
/// </summary>
public static class RtlText
{
    public const char RightToLeftMark = '\u200F';
    public const char LeftToRightIsolate = '\u2066';
    public const char PopDirectionalIsolate = '\u2069';

    public static string Isolate(string leftToRight) => $"{LeftToRightIsolate}{leftToRight}{PopDirectionalIsolate}";

    /// <summary>Prefixes a right-to-left mark when the line is mainly Arabic.</summary>
    public static string Line(string text) => Line(text, LanguageDetector.Detect(text));

    /// <summary>Prefixes a right-to-left mark when the line belongs to an Arabic answer (English answers quoting Arabic stay left-to-right).</summary>
    public static string Line(string text, string language) => language == "ar" ? RightToLeftMark + text : text;
}
