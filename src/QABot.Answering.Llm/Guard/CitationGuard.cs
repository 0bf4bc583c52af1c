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
/// <item>a sentence carrying a link, e-mail address or phone number that the cited text does not hold is removed;</item>
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
        var text = (reply ?? "").Trim();
        if (text.Length == 0) return new GuardResult(GuardVerdict.Empty, text, [], ["empty reply"]);
        if (Precheck(text, questionLanguage) is { } early) return early;

        var session = new GuardSession(sources);
        foreach (var sentence in SplitSentences(text)) session.Add(sentence);
        return session.Complete();
    }

    /// <summary>The checks that need only the start of a reply: the refusal marker and the language. Null when both pass.</summary>
    public static GuardResult? Precheck(string text, string questionLanguage)
    {
        if (text.Contains(RefusalMarker, StringComparison.OrdinalIgnoreCase))
            return new GuardResult(GuardVerdict.Refused, text, [], ["refusal marker"]);
        var language = LanguageDetector.Detect(Marker().Replace(text, " "));
        return language == questionLanguage ? null
            : new GuardResult(GuardVerdict.WrongLanguage, text, [], [$"reply in \"{language}\", question in \"{questionLanguage}\""]);
    }

    /// <summary>
    /// Guards a reply sentence by sentence, so a streamed reply can be passed on already guarded: each sentence comes
    /// out with markers renumbered, or not at all. Dates in a sentence without markers are checked against the
    /// articles cited so far.
    /// </summary>
    public sealed class GuardSession(SourceContext sources)
    {
        private readonly List<string> _actions = [];
        private readonly Dictionary<string, int> _numberOfArticle = new(StringComparer.Ordinal);
        private readonly List<NumberedSource> _firstSourceOfArticle = [];
        private readonly List<int> _citedSoFar = [];
        private readonly StringBuilder _output = new();

        /// <summary>Returns the sentence as it may be shown (whitespace folded), or "" when it is removed.</summary>
        public string Add(string sentence)
        {
            var numbers = Marker().Matches(sentence).SelectMany(MarkerNumbers).ToList();
            var valid = numbers.Where(n => sources.Find(n) is not null).Distinct().ToList();
            foreach (var bad in numbers.Where(n => sources.Find(n) is null).Distinct())
                _actions.Add($"dropped marker [{bad}]: no source {bad} among the {sources.Sources.Count} retrieved");
            if (numbers.Count > 0 && valid.Count == 0)
            {
                _actions.Add($"removed sentence citing no retrieved source: \"{Clip(sentence)}\"");
                return "";
            }
            var cited = valid.Count > 0 ? valid : _citedSoFar;
            if (!DatesSupported(sentence, cited, sources, _actions) || !ContactsSupported(sentence, cited, sources, _actions)) return "";
            _citedSoFar.AddRange(valid.Except(_citedSoFar));

            var rewritten = Marker().Replace(sentence, m => string.Concat(Renumber(m).Select(x => $"[{x}]")));
            var shown = Whitespace().Replace(RepeatedMarker().Replace(rewritten, "$1"), " ");
            if (_output.Length == 0) shown = shown.TrimStart();
            _output.Append(shown);
            return shown;
        }

        public GuardResult Complete()
        {
            var text = _output.ToString().Trim();
            var actions = _actions.Distinct().ToList();
            if (_numberOfArticle.Count == 0 || text.Length == 0)
                return new GuardResult(GuardVerdict.NoValidCitation, text, [], [.. actions, "no valid citation left"]);
            var citations = _firstSourceOfArticle.Select((s, i) => new Citation(
                i + 1, s.Metadata.ArticleId, s.Metadata.Title, s.Metadata.Source, s.Metadata.Published,
                Quote(s.Chunk.Text), s.Chunk.ChunkId, s.Metadata.Url)).ToList();
            return new GuardResult(GuardVerdict.Accepted, text, citations, actions);
        }

        /// <summary>One number per article, given in order of first use; the chunk first cited supplies id and quote.</summary>
        private List<int> Renumber(Match marker)
        {
            var numbers = new List<int>();
            foreach (var n in MarkerNumbers(marker))
            {
                if (sources.Find(n) is not { } source) continue;
                if (!_numberOfArticle.TryGetValue(source.Metadata.ArticleId, out var articleNumber))
                {
                    articleNumber = _numberOfArticle.Count + 1;
                    _numberOfArticle[source.Metadata.ArticleId] = articleNumber;
                    _firstSourceOfArticle.Add(source);
                }
                if (!numbers.Contains(articleNumber)) numbers.Add(articleNumber);
                if (articleNumber != n) _actions.Add($"renumbered [{n}] -> [{articleNumber}] ({source.Metadata.ArticleId})");
            }
            return numbers;
        }
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
        var textDates = CitedArticleTexts(cited, sources).SelectMany(DateMention.FindAll).ToList();
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

    /// <summary>
    /// A link, e-mail address or phone number in the answer must be written in the text of a cited article (title or a
    /// retrieved passage). One that is not came from the model or from an instruction hidden in some article.
    /// </summary>
    private static bool ContactsSupported(string sentence, IReadOnlyList<int> cited, SourceContext sources, List<string> actions)
    {
        var mentions = ContactMention.FindAll(Marker().Replace(sentence, " "));
        if (mentions.Count == 0) return true;
        var citedContacts = CitedArticleTexts(cited, sources).SelectMany(ContactMention.FindAll).ToList();
        foreach (var mention in mentions)
        {
            if (citedContacts.Any(mention.IsBackedBy)) continue;
            actions.Add($"removed sentence with {mention.Kind.ToString().ToLowerInvariant()} \"{mention.Text}\" absent from the cited text: \"{Clip(sentence)}\"");
            return false;
        }
        return true;
    }

    /// <summary>Every retrieved passage of the articles the numbers point to, with each article's title once.</summary>
    private static IEnumerable<string> CitedArticleTexts(IReadOnlyList<int> cited, SourceContext sources)
    {
        var citedArticles = cited.Select(sources.Find).OfType<NumberedSource>().Select(s => s.Metadata.ArticleId).ToHashSet(StringComparer.Ordinal);
        var passages = sources.Sources.Where(s => citedArticles.Contains(s.Metadata.ArticleId)).ToList();
        return passages.Select(s => s.Chunk.Text).Concat(passages.DistinctBy(s => s.Metadata.ArticleId).Select(s => s.Metadata.Title));
    }

    /// <summary>
    /// Sentences with their trailing markers ("… 2023. [1]" stays one sentence) and their leading whitespace; the pieces
    /// concatenate back to the text (paragraph breaks come out as pieces of their own).
    /// </summary>
    public static IReadOnlyList<string> SplitSentences(string text) =>
        SentencePattern().Matches(text).Select(m => m.Value).Where(s => s.Length > 0).ToList();

    /// <summary>Whether a piece has words in it, not only whitespace, punctuation and markers.</summary>
    public static bool HasWords(string piece) => Marker().Replace(piece, "").Any(char.IsLetterOrDigit);

    private static IEnumerable<int> MarkerNumbers(Match marker) =>
        marker.Groups["n"].Value.Split([',', '،', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(part => int.TryParse(ArabicNormalizer.Normalize(part), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1)
            .Where(n => n >= 0);

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

    // A stop followed by a letter or digit is inside a link, an address or a decimal, not at a sentence's end.
    [GeneratedRegex(@"(?:[^.!?؟\n]|[.!?؟](?=[\p{L}\p{N}]))*(?:[.!?؟]+|\n+|$)(?:[ \t]*\[[^\]\n]{1,20}\])*[.!?؟]?")]
    private static partial Regex SentencePattern();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Whitespace();
}
