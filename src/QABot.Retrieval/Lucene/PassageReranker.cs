using Lucene.Net.Index;
using Lucene.Net.Search;
using QABot.Core.Domain;
using QABot.Text.Analysis;

namespace QABot.Retrieval.Lucene;

/// <summary>
/// Second stage over the top BM25 passages: the question's concepts found close together (one sentence-sized window)
/// are stronger evidence than the same concepts spread over a long passage. Paragraphs of one article share their
/// topic words; the paragraph that answers holds the question's specific words in one sentence.
/// The concepts are the top-level clauses of the sparse query, so Arabic words, their alternative and related forms,
/// and English expansions grouped by concept all count the same way the first stage counts them.
/// </summary>
internal sealed class PassageReranker
{
    private readonly Dictionary<string, List<(int Concept, float Weight)>> _conceptsOfTerm = new(StringComparer.Ordinal);
    private readonly float _totalWeight;
    private readonly int _conceptCount;
    /// <summary>Concept index of "a number", or -1 when the question does not ask for one.</summary>
    private readonly int _numberConcept = -1;
    private readonly float _numberWeight;

    private PassageReranker(IndexReader reader, BooleanQuery query, float numberConceptShare, Func<string, int>? bodyDocFreq)
    {
        bodyDocFreq ??= text => reader.DocFreq(new Term(IndexFields.Body, text));
        var documents = Math.Max(1, reader.NumDocs);
        var concept = 0;
        var conceptWeights = new List<float>();
        foreach (var clause in query.Clauses)
        {
            var terms = new Dictionary<string, float>(StringComparer.Ordinal);
            CollectBodyTerms(clause.Query, 1f, terms);
            if (terms.Count == 0) continue;
            var best = 0f;
            foreach (var (text, boost) in terms)
            {
                var weight = boost * Idf(bodyDocFreq(text), documents);
                if (weight <= 0) continue;
                if (!_conceptsOfTerm.TryGetValue(text, out var list)) _conceptsOfTerm[text] = list = [];
                list.Add((concept, weight));
                best = Math.Max(best, weight);
            }
            conceptWeights.Add(best);
            concept++;
        }
        if (numberConceptShare > 0 && concept > 0)
        {
            _numberConcept = concept++;
            _numberWeight = numberConceptShare * conceptWeights.Average();
            conceptWeights.Add(_numberWeight);
        }
        _conceptCount = concept;
        _totalWeight = conceptWeights.Sum();
    }

    /// <summary>Null when the query has fewer than two concepts: one word has no window to be close in.</summary>
    /// <param name="numberConceptShare">
    /// When the question asks for a number, "a number" joins the concepts with this share of the mean concept weight.
    /// </param>
    /// <param name="bodyDocFreq">A body term's document frequency in <paramref name="reader"/>, when the caller keeps them.</param>
    public static PassageReranker? For(IndexReader reader, Query query, float numberConceptShare = 0f, Func<string, int>? bodyDocFreq = null)
    {
        if (query is not BooleanQuery boolean) return null;
        var reranker = new PassageReranker(reader, boolean, numberConceptShare, bodyDocFreq);
        return reranker._conceptCount >= 2 && reranker._totalWeight > 0 ? reranker : null;
    }

    /// <summary>
    /// The share (0..1) of the question's concept weight found inside the best window of <paramref name="window"/>
    /// consecutive word positions of <paramref name="passage"/>, each concept counted once.
    /// </summary>
    public float WindowCoverage(string passage, int window)
    {
        var matches = new List<(int Position, int Concept, float Weight)>();
        foreach (var term in SearchAnalysis.Analyze(passage, Languages.Arabic))
        {
            if (_conceptsOfTerm.TryGetValue(term.Text, out var concepts))
                foreach (var (concept, weight) in concepts) matches.Add((term.Position, concept, weight));
            if (_numberConcept >= 0 && !term.IsAlternative && NumericAnswerCue.IsNumber(term.Text))
                matches.Add((term.Position, _numberConcept, _numberWeight));
        }
        if (matches.Count == 0) return 0f;

        var best = 0f;
        var inWindow = new float[_conceptCount];
        for (var start = 0; start < matches.Count; start++)
        {
            if (start > 0 && matches[start].Position == matches[start - 1].Position) continue;
            Array.Clear(inWindow);
            var end = matches[start].Position + window;
            for (var i = start; i < matches.Count && matches[i].Position < end; i++)
                inWindow[matches[i].Concept] = Math.Max(inWindow[matches[i].Concept], matches[i].Weight);
            best = Math.Max(best, inWindow.Sum());
        }
        return best / _totalWeight;
    }

    /// <summary>BM25's IDF, as the first stage computes it; 0 for a term no passage holds.</summary>
    internal static float Idf(int docFreq, int documents) =>
        docFreq == 0 ? 0f : MathF.Log(1f + (documents - docFreq + 0.5f) / (docFreq + 0.5f));

    private static void CollectBodyTerms(Query query, float boost, Dictionary<string, float> terms)
    {
        switch (query)
        {
            case TermQuery term when term.Term.Field == IndexFields.Body:
                var weight = boost * term.Boost;
                var text = term.Term.Text;
                if (!terms.TryGetValue(text, out var existing) || existing < weight) terms[text] = weight;
                break;
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses) CollectBodyTerms(clause.Query, boost * boolean.Boost, terms);
                break;
            case DisjunctionMaxQuery disjunction:
                foreach (var disjunct in disjunction.Disjuncts) CollectBodyTerms(disjunct, boost * disjunction.Boost, terms);
                break;
        }
    }
}
