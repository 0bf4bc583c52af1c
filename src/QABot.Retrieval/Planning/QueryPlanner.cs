using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Text;

namespace QABot.Retrieval.Planning;

/// <summary>
/// Detects the question's language; for English, merges the Arabic alternatives of every registered
/// <see cref="IQueryExpander"/> (the same Arabic text from two expanders keeps the higher weight); adds the question
/// embedding when an embedder is configured.
/// </summary>
public sealed class QueryPlanner(IEnumerable<IQueryExpander> expanders, ILogger<QueryPlanner>? logger = null, ITextEmbedder? embedder = null)
    : IQueryPlanner
{
    /// <summary>Keeps the Lucene boolean query (and a Qdrant sparse vector) a sane size.</summary>
    public const int MaxExpansions = 120;

    /// <summary>
    /// The most distinct words of a text the expanders translate: a normal question has far fewer, and a 1,000-character
    /// one of 150 words would otherwise be translated word by word into the expansion cap every time.
    /// </summary>
    public const int MaxExpandedWords = 24;

    private readonly IReadOnlyList<IQueryExpander> _expanders = expanders.ToList();
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    public async Task<SearchRequest> PlanAsync(string question, int top, DateRange? publishedRange = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        var language = LanguageDetector.Detect(question);
        var expansions = language == Languages.English ? await ExpandAsync(question, language, cancellationToken).ConfigureAwait(false) : [];
        return new SearchRequest
        {
            Text = question,
            Language = language,
            Expansions = expansions,
            Top = top,
            PublishedRange = publishedRange,
            Embedding = await EmbedAsync(question, cancellationToken).ConfigureAwait(false),
        };
    }

    public async Task<IReadOnlyList<WeightedPhrase>> ExpandAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var language = LanguageDetector.Detect(text);
        return language == Languages.English ? await ExpandAsync(text, language, cancellationToken).ConfigureAwait(false) : [];
    }

    private async Task<IReadOnlyList<WeightedPhrase>> ExpandAsync(string question, string language, CancellationToken cancellationToken)
    {
        question = FirstDistinctWords(question, MaxExpandedWords);
        var results = await Task.WhenAll(_expanders.Select(async expander =>
        {
            try { return await expander.ExpandAsync(question, language, cancellationToken).ConfigureAwait(false); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One failing source (an LLM endpoint down) must not cost the others' expansions.
                _logger.LogWarning(e, "Query expander {Expander} failed; continuing without it.", expander.Name);
                return (IReadOnlyList<WeightedPhrase>)[];
            }
        })).ConfigureAwait(false);
        return Merge(results.SelectMany(r => r));
    }

    /// <summary>
    /// The text up to where its (<paramref name="max"/> + 1)-th distinct word would begin: the whole text when it has no more,
    /// and otherwise a prefix, so names and phrases in it stay whole for the expanders.
    /// </summary>
    internal static string FirstDistinctWords(string text, int max)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match word in Regex.Matches(text, @"[\p{L}\p{N}]+"))
            if (seen.Add(word.Value) && seen.Count > max) return text[..word.Index].TrimEnd();
        return text;
    }

    /// <summary>Deduplicates by normalized Arabic text, keeping the highest weight, strongest first.</summary>
    public static IReadOnlyList<WeightedPhrase> Merge(IEnumerable<WeightedPhrase> phrases)
    {
        var best = new Dictionary<string, WeightedPhrase>(StringComparer.Ordinal);
        foreach (var phrase in phrases)
        {
            if (string.IsNullOrWhiteSpace(phrase.Text) || phrase.Weight <= 0) continue;
            var key = string.Join(' ', ArabicNormalizer.Normalize(phrase.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (!best.TryGetValue(key, out var existing) || existing.Weight < phrase.Weight) best[key] = phrase;
        }
        return best.Values.OrderByDescending(p => p.Weight).Take(MaxExpansions).ToList();
    }

    private async Task<ReadOnlyMemory<float>?> EmbedAsync(string question, CancellationToken cancellationToken)
    {
        if (embedder is null) return null;
        try
        {
            var vectors = await embedder.EmbedAsync([question], cancellationToken).ConfigureAwait(false);
            return vectors.Count > 0 ? vectors[0] : null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogWarning(e, "Embedding the question failed; searching with terms only.");
            return null;
        }
    }
}
