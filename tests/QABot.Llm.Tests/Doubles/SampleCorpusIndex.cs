using System.Text.RegularExpressions;
using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Text;

namespace QABot.Llm.Tests.Doubles;

/// <summary>
/// Test double of <see cref="IArticleIndex"/> over <see cref="SampleCorpus"/>: scores a chunk by the idf-weighted
/// normalized query and expansion words it contains (a leading و/ل/ب/ال stripped), honours the date filter, and
/// records every search it is asked for.
/// Not BM25 — ranking quality is the retrieval project's business; here only the flow into the answerer matters.
/// </summary>
public sealed partial class SampleCorpusIndex : IArticleIndex
{
    private readonly List<SearchRequest> _searches = [];

    public string BackendName => "sample-corpus-test-double";

    public IReadOnlyList<SearchRequest> Searches => _searches;

    public Task<IReadOnlyList<ScoredChunk>> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        lock (_searches) _searches.Add(request);
        var terms = Words(request.Text).Concat(request.Expansions.SelectMany(e => Words(e.Text))).ToHashSet();
        IReadOnlyList<ScoredChunk> hits = SampleCorpus.Chunks
            .Where(c => request.PublishedRange is null || request.PublishedRange.Contains(c.Metadata.Published))
            .Select(c => new ScoredChunk(c, Math.Round(Words(c.Text).Intersect(terms).Sum(Idf), 3)))
            .Where(h => h.Score > 0)
            .OrderByDescending(h => h.Score).ThenBy(h => h.Chunk.ChunkId, StringComparer.Ordinal)
            .Take(request.Top)
            .ToList();
        return Task.FromResult(hits);
    }

    public Task<IndexStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        var dated = SampleCorpus.Chunks.Select(c => c.Metadata).DistinctBy(m => m.ArticleId).ToList();
        var dates = dated.Where(m => m.Published is not null).Select(m => m.Published!.Value).ToList();
        return Task.FromResult(new IndexStats(BackendName, dated.Count, SampleCorpus.Chunks.Count, dates.Count, dates.Min(), dates.Max(),
            new Dictionary<string, int>(), null));
    }

    private static readonly Lazy<Dictionary<string, int>> DocumentFrequency = new(() =>
        SampleCorpus.Chunks.SelectMany(c => Words(c.Text).Distinct()).GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count()));

    private static double Idf(string word) =>
        Math.Log(1 + SampleCorpus.Chunks.Count / (double)DocumentFrequency.Value.GetValueOrDefault(word, 1));

    private static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(ArabicNormalizer.Normalize(text).ToLowerInvariant()).Select(m => StripPrefix(m.Value)).Where(w => w.Length >= 3);

    private static string StripPrefix(string word)
    {
        foreach (var prefix in new[] { "وال", "بال", "لل", "ال", "و", "ل", "ب" })
            if (word.Length - prefix.Length >= 3 && word.StartsWith(prefix, StringComparison.Ordinal)) return word[prefix.Length..];
        return word;
    }

    [GeneratedRegex(@"[\p{L}\d]+")]
    private static partial Regex WordPattern();

    public Task<IReadOnlyList<ManifestEntry>> ReadManifestAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<IIndexWriteSession> BeginWriteAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    /// <summary>The double keeps passages, not articles: the extractive fallback reads only the passages it retrieved.</summary>
    public Task<StoredArticle?> GetArticleAsync(string articleId, CancellationToken cancellationToken = default) => Task.FromResult<StoredArticle?>(null);
    public IAsyncEnumerable<StoredArticle> ListArticlesAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
