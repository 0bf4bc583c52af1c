using QABot.Text;

namespace QABot.Cli.Terminal;

/// <summary>
/// Makes mixed Arabic/Latin text survive terminals that apply the Unicode bidi algorithm per line: Arabic lines start
/// with a right-to-left mark, and Latin fragments inside them (ids, ISO dates, [n] markers) are isolated so they keep
/// their own order instead of being flipped around their Arabic neighbours.
/// The marks are for a terminal only: a command's output that goes to a pipe or file, or any output with `--plain`,
/// gets the text as it is (ids copied from it paste cleanly). <see cref="QABotCli.RunAsync"/> decides once per
/// invocation with <see cref="UseMarks"/>, so every printer, present or added later, follows the same rule.
/// </summary>
public static class RtlText
{
    public const char RightToLeftMark = '\u200F';
    public const char LeftToRightIsolate = '\u2066';
    public const char PopDirectionalIsolate = '\u2069';

    private static readonly AsyncLocal<bool> MarksEnabled = new();

    /// <summary>Whether this invocation's output gets bidi marks (a terminal, without --plain). Off by default.</summary>
    public static bool Marks => MarksEnabled.Value;

    /// <summary>Turns the marks on or off for the current invocation (and the work it starts); restored on dispose.</summary>
    public static IDisposable UseMarks(bool enabled)
    {
        var previous = MarksEnabled.Value;
        MarksEnabled.Value = enabled;
        return new Restore(() => MarksEnabled.Value = previous);
    }

    public static string Isolate(string leftToRight) => Marks ? $"{LeftToRightIsolate}{leftToRight}{PopDirectionalIsolate}" : leftToRight;

    /// <summary>Prefixes a right-to-left mark when the line is mainly Arabic.</summary>
    public static string Line(string text) => Line(text, LanguageDetector.Detect(text));

    /// <summary>Prefixes a right-to-left mark when the line belongs to an Arabic answer (English answers quoting Arabic stay left-to-right).</summary>
    public static string Line(string text, string language) => Marks && language == "ar" ? RightToLeftMark + text : text;

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
