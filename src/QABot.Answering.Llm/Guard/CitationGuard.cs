using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using QABot.Answering.Llm.Context;
using QABot.Core.Domain;
using QABot.Text;

namespace QABot.Answering.Llm.Guard;

/// <summary>
/// Checks a model reply against the sources it was given, after generation and before anyone sees it:
/// <list type="bullet">
/// <item>[n] markers that point to no source are dropped, and a sentence citing only such markers is removed (its claim has no source);</item>
/// <item>several chunks of one article become one citation; numbers are renumbered 1..k in order of first use;</item>
/// <item>citation metadata (title, outlet, date, id) is taken from the index, never from the reply;</item>
/// <item>a sentence printing a date that neither a cited article's date nor its cited text supports is removed, so an undated article never gets an invented date;</item>
/// <item>empty replies, the refusal marker, a reply in the wrong language and a reply with no valid citation left are reported for the answerer to act on.</item>
/// </list>
/// </summary>
public static partial class CitationGuard
{
    /// <summary>The fixed reply the answer prompt asks for when the sources do not hold the answer.</summary>
    public const string RefusalMarker = "NOT_IN_CORPUS";

    private const int QuoteChars = 280;

    public static GuardResult Check(string? reply, SourceContext sources, string questionLanguage)
    {
        var actions = new List<string>();
        var text = (reply ?? "").Trim();
        if (text.Length == 0) return Verdict(GuardVerdict.Empty, "empty reply");
        if (text.Contains(RefusalMarker, StringComparison.OrdinalIgnoreCase)) return Verdict(GuardVerdict.Refused, "refusal marker");

        var language = LanguageDetector.Detect(Marker().Replace(text, " "));
        if (language != questionLanguage) return Verdict(GuardVerdict.WrongLanguage, $"reply in \"{language}\", question in \"{questionLanguage}\"");

        // Pass 1: decide which sentences survive, by their markers and their dates.
        var kept = new List<(string Text, List<int> Sources)>();
        foreach (var sentence in SplitSentences(text))
        {
            var numbers = Marker().Matches(sentence).SelectMany(MarkerNumbers).ToList();
            var valid = numbers.Where(n => sources.Find(n) is not null).Distinct().ToList();
            foreach (var bad in numbers.Where(n => sources.Find(n) is null).Distinct())
                actions.Add($"dropped marker [{bad}]: no source {bad} among the {sources.Sources.Count} retrieved");
            if (numbers.Count > 0 && valid.Count == 0)
            {
                actions.Add($"removed sentence citing no retrieved source: \"{Clip(sentence)}\"");
                continue;
            }
            kept.Add((sentence, valid));
        }

        var citedAnywhere = kept.SelectMany(k => k.Sources).Distinct().ToList();
        kept = kept.Where(k => DatesSupported(k.Text, k.Sources.Count > 0 ? k.Sources : citedAnywhere, sources, actions)).ToList();

        // Pass 2: one number per article, in order of first use; markers rewritten.
        var numberOfArticle = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstSourceOfArticle = new List<NumberedSource>();
        var output = new StringBuilder();
        foreach (var (sentence, _) in kept)
        {
            var rewritten = Marker().Replace(sentence, m =>
            {
                var numbers = new List<int>();
                foreach (var n in MarkerNumbers(m))
                {
                    if (sources.Find(n) is not { } source) continue;
                    if (!numberOfArticle.TryGetValue(source.Metadata.ArticleId, out var articleNumber))
                    {
                        articleNumber = numberOfArticle.Count + 1;
                        numberOfArticle[source.Metadata.ArticleId] = articleNumber;
                        firstSourceOfArticle.Add(source);
                    }
                    if (!numbers.Contains(articleNumber)) numbers.Add(articleNumber);
                    if (articleNumber != n) actions.Add($"renumbered [{n}] -> [{articleNumber}] ({source.Metadata.ArticleId})");
                }
                return string.Concat(numbers.Select(x => $"[{x}]"));
            });
            output.Append(CollapseRepeats(rewritten));
        }

        var finalText = Whitespace().Replace(output.ToString(), " ").Trim();
        if (numberOfArticle.Count == 0 || finalText.Length == 0)
            return new GuardResult(GuardVerdict.NoValidCitation, finalText, [], [.. actions.Distinct(), "no valid citation left"]);

        var citations = firstSourceOfArticle.Select((s, i) => new Citation(
            i + 1, s.Metadata.ArticleId, s.Metadata.Title, s.Metadata.Source, s.Metadata.Published,
            Quote(s.Chunk.Text), s.Chunk.ChunkId, s.Metadata.Url)).ToList();
        return new GuardResult(GuardVerdict.Accepted, finalText, citations, actions.Distinct().ToList());

        GuardResult Verdict(GuardVerdict verdict, string why) => new(verdict, text, [], [why]);
    }

    /// <summary>
    /// A printed date must agree with a cited article's publication date or with a date written in the cited text
    /// (an event date the article reports). Anything else is an invented date.
    /// </summary>
    private static bool DatesSupported(string sentence, IReadOnlyList<int> cited, SourceContext sources, List<string> actions)
    {
        var mentions = DateMention.FindAll(Marker().Replace(sentence, " "));
        if (mentions.Count == 0) return true;
        var citedSources = cited.Select(sources.Find).OfType<NumberedSource>().ToList();
        var citedArticles = citedSources.Select(s => s.Metadata.ArticleId).ToHashSet(StringComparer.Ordinal);
        var textDates = sources.Sources.Where(s => citedArticles.Contains(s.Metadata.ArticleId))
            .SelectMany(s => DateMention.FindAll(s.Chunk.Text)).ToList();
        foreach (var mention in mentions)
        {
            var supported = citedSources.Any(s => s.Metadata.Published is { } p && mention.MatchesDate(p))
                            || textDates.Any(mention.AgreesWith);
            if (supported) continue;
            var stated = citedSources.Select(s => s.Metadata.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "no date").Distinct();
            actions.Add($"removed sentence with date \"{mention.Text}\" (cited: {string.Join(", ", stated)}): \"{Clip(sentence)}\"");
            return false;
        }
        return true;
    }

    /// <summary>Sentences with their trailing markers ("… 2023. [1]" stays one sentence) and their leading whitespace.</summary>
    public static IReadOnlyList<string> SplitSentences(string text) =>
        SentencePattern().Matches(text).Select(m => m.Value).Where(s => s.Trim().Length > 0).ToList();

    private static IEnumerable<int> MarkerNumbers(Match marker) =>
        marker.Groups["n"].Value.Split([',', '،', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(part => int.TryParse(ArabicNormalizer.Normalize(part), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1)
            .Where(n => n >= 0);

    private static string CollapseRepeats(string sentence) => RepeatedMarker().Replace(sentence, "$1");

    private static string Quote(string chunkText)
    {
        var t = Whitespace().Replace(chunkText, " ").Trim();
        if (t.Length <= QuoteChars) return t;
        var cut = t.LastIndexOf(' ', QuoteChars);
        return t[..(cut > QuoteChars / 2 ? cut : QuoteChars)] + " …";
    }

    private static string Clip(string s)
    {
        var t = s.Trim();
        return t.Length <= 80 ? t : t[..80] + "…";
    }

    [GeneratedRegex(@"\[\s*(?<n>[0-9٠-٩]+(?:\s*[,،]\s*[0-9٠-٩]+)*)\s*\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"(\[\d+\])(?:\s*\1)+")]
    private static partial Regex RepeatedMarker();

    [GeneratedRegex(@"[^.!?؟\n]*(?:[.!?؟]+|\n+|$)(?:[ \t]*\[[^\]\n]{1,20}\])*[.!?؟]?")]
    private static partial Regex SentencePattern();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Whitespace();
}
