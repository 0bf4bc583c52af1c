using System.Text;
using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Text.Analysis;

namespace QABot.Retrieval.Qdrant.Sparse;

/// <summary>
/// Client-side BM25 for Qdrant's sparse vectors. Documents carry BM25's saturated term frequency
/// (k1, b, length against a fixed average); Qdrant's <c>modifier: idf</c> supplies the IDF at query time, so
/// dot product = BM25. Terms come from <see cref="SearchAnalysis"/>, analysed exactly as the embedded Lucene index
/// analyses its fields and queries, and become ids by 32-bit FNV-1a hashing (stable across processes and versions).
/// </summary>
public sealed class Bm25SparseEncoder
{
    /// <summary>The same weights as the embedded index's query builder, so both backends rank alike.</summary>
    public const float TitleBoost = 1.5f;
    public const float LatinTermWeight = 0.5f;
    /// <summary>A word's alternative analysis (attached preposition or conjunction removed) weighs less than the word as written.</summary>
    public const float AlternativeFormWeight = 0.7f;

    private readonly Bm25Parameters _parameters;

    public Bm25SparseEncoder(Bm25Parameters? parameters = null) => _parameters = parameters ?? Bm25Parameters.Default;

    /// <summary>
    /// The document vector of a chunk: body terms plus title terms (boosted: a title word describes the whole article).
    /// The corpus language is Arabic, and the embedded index analyses every field with the Arabic chain, so this does too.
    /// </summary>
    public SparseVector EncodeDocument(string title, string body)
    {
        var weights = new Dictionary<uint, float>();
        AddSaturated(weights, SearchAnalysis.Analyze(body, Languages.Arabic), _parameters.AverageBodyTerms, 1f);
        AddSaturated(weights, SearchAnalysis.Analyze(title, Languages.Arabic), _parameters.AverageTitleTerms, TitleBoost);
        return ToVector(weights);
    }

    /// <summary>
    /// The query vector: the question's own terms (at reduced weight for an English question, whose surviving words
    /// are mostly Latin names and numbers) and every weighted Arabic expansion, a multi-word expansion's weight shared
    /// among its words (one concept, not several). A term keeps its highest weight. Null when nothing searchable
    /// remains, so an empty question matches nothing rather than everything.
    /// </summary>
    public SparseVector? EncodeQuery(SearchRequest request)
    {
        var weights = new Dictionary<uint, float>();
        AddQueryTerms(weights, SearchAnalysis.Analyze(request.Text, Languages.Arabic), request.Language == Languages.English ? LatinTermWeight : 1f);
        foreach (var expansion in request.Expansions)
        {
            if (expansion.Weight <= 0 || string.IsNullOrWhiteSpace(expansion.Text)) continue;
            var terms = SearchAnalysis.Analyze(expansion.Text, Languages.Arabic);
            var words = terms.Count(t => !t.IsAlternative);
            if (words > 0) AddQueryTerms(weights, terms, expansion.Weight / words);
        }
        return weights.Count == 0 ? null : ToVector(weights);
    }

    private static void AddQueryTerms(Dictionary<uint, float> weights, IReadOnlyList<AnalyzedTerm> terms, float weight)
    {
        foreach (var term in terms)
            KeepMax(weights, TermId(term.Text), term.IsAlternative ? weight * AlternativeFormWeight : weight);
    }

    /// <summary>32-bit FNV-1a over the term's UTF-8 bytes.</summary>
    public static uint TermId(string term)
    {
        const uint offsetBasis = 2166136261;
        const uint prime = 16777619;
        var hash = offsetBasis;
        Span<byte> buffer = term.Length <= 128 ? stackalloc byte[Encoding.UTF8.GetMaxByteCount(term.Length)] : new byte[Encoding.UTF8.GetMaxByteCount(term.Length)];
        var count = Encoding.UTF8.GetBytes(term, buffer);
        foreach (var b in buffer[..count])
        {
            hash ^= b;
            hash *= prime;
        }
        return hash;
    }

    /// <summary>BM25's term-frequency component: tf·(k1+1) / (tf + k1·(1 − b + b·len/avgLen)).</summary>
    public float Saturate(int termFrequency, int length, float averageLength)
    {
        var (k1, b) = (_parameters.K1, _parameters.B);
        var norm = k1 * (1 - b + b * length / averageLength);
        return termFrequency * (k1 + 1) / (termFrequency + norm);
    }

    private void AddSaturated(Dictionary<uint, float> weights, IReadOnlyList<AnalyzedTerm> terms, float averageLength, float boost)
    {
        // Length counts words; a word's alternative form is indexed too but does not make the passage longer.
        var length = terms.Count(t => !t.IsAlternative);
        if (length == 0) return;
        foreach (var group in terms.GroupBy(t => t.Text, StringComparer.Ordinal))
        {
            var id = TermId(group.Key);
            // Distinct terms that collide on a 32-bit id simply add up: rare, and no worse than one longer term.
            weights[id] = weights.GetValueOrDefault(id) + boost * Saturate(group.Count(), length, averageLength);
        }
    }

    private static void KeepMax(Dictionary<uint, float> weights, uint id, float weight)
    {
        if (!weights.TryGetValue(id, out var existing) || existing < weight) weights[id] = weight;
    }

    private static SparseVector ToVector(Dictionary<uint, float> weights)
    {
        var ordered = weights.OrderBy(w => w.Key).ToList();
        return new SparseVector(ordered.Select(w => w.Key).ToList(), ordered.Select(w => w.Value).ToList());
    }
}

/// <param name="K1">Term-frequency saturation (Lucene's default 1.2).</param>
/// <param name="B">Length normalisation (Lucene's default 0.75).</param>
/// <param name="AverageBodyTerms">
/// Average analysed terms per chunk. Fixed rather than measured so a vector never changes after it is written;
/// the default is what the chunker's passages average on the news corpus.
/// </param>
/// <param name="AverageTitleTerms">Average analysed terms per title.</param>
public sealed record Bm25Parameters(float K1 = 1.2f, float B = 0.75f, float AverageBodyTerms = 80f, float AverageTitleTerms = 8f)
{
    public static Bm25Parameters Default { get; } = new();
}
