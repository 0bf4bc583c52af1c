using System.Text.RegularExpressions;
using QABot.Answering.Formatting;
using QABot.Core.Domain;

namespace QABot.Cli.Terminal;

/// <summary>The human-readable, RTL-safe rendering of an answer used by `ask` and `chat`.</summary>
public static partial class AnswerConsoleWriter
{
    /// <summary>
    /// The verdict of a claim first, then the short answer when the text does not already open with it, then the text
    /// (or, for a list answer, its rows with outlet display names), the sources and, on request, the retrieved chunks.
    /// A listing's short answer is its count, which the listing's own heading already states in either language.
    /// </summary>
    public static void Write(TextWriter output, Answer answer, bool showRetrieved = false, IOutletNames? outlets = null)
    {
        var language = answer.Language;
        if (answer.Verdict is { } verdict)
            output.WriteLine(RtlText.Line($"{VerdictTexts.Mark(verdict)} {VerdictTexts.Heading(language)}: {VerdictTexts.Label(verdict, language)}", language));
        if (answer.Listing is null && answer.ShortAnswer is { Length: > 0 } shortAnswer && !answer.Text.TrimStart().StartsWith(shortAnswer, StringComparison.Ordinal))
            output.WriteLine(RtlText.Line($"» {shortAnswer}", language));
        if (answer.Listing is { } listing && outlets is not null)
        {
            output.WriteLine(ListingConsoleWriter.Heading(listing, language));
            foreach (var article in listing.Articles) output.WriteLine(ListingConsoleWriter.Row(article, outlets, language));
        }
        else output.WriteLine(RtlText.Line(IsolateMarkers(answer.Text), language));
        if (answer.Citations.Count > 0)
        {
            output.WriteLine();
            output.WriteLine(answer.Language == Languages.English ? "Sources:" : RtlText.Line("المصادر:"));
            foreach (var c in answer.Citations) output.WriteLine(FormatCitation(c, answer.Language, outlets));
        }
        if (showRetrieved && answer.Retrieved.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Retrieved:");
            foreach (var (r, i) in answer.Retrieved.Select((r, i) => (r, i)))
                output.WriteLine($"  {i + 1,2}. {r.ChunkId}  {r.Score:0.000}");
        }
    }

    /// <summary>"[n] title — outlet — date — id: X", with the Latin parts isolated so an Arabic title cannot reorder them.</summary>
    public static string FormatCitation(Citation c, string language, IOutletNames? outlets = null)
    {
        var date = AnswerTexts.DateOrNotStated(c.Published, language);
        var source = c.Source is { } stored ? outlets?.DisplayName(stored, language) ?? stored
            : language == Languages.English ? "outlet not stated" : "المصدر غير مذكور";
        var idLabel = language == Languages.English ? "id" : "المعرّف";
        var line = $"{RtlText.Isolate($"[{c.Number}]")} {c.Title} — {source} — {(c.Published is null ? date : RtlText.Isolate(date))} — {idLabel}: {RtlText.Isolate(c.ArticleId)}";
        return RtlText.Line(line, language);
    }

    private static string IsolateMarkers(string text) => CitationMarker().Replace(text, m => RtlText.Isolate(m.Value));

    [GeneratedRegex(@"\[\d+\]|\d{4}-\d{2}-\d{2}")]
    private static partial Regex CitationMarker();
}
