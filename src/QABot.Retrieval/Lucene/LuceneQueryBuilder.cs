using Lucene.Net.Index;
using Lucene.Net.Search;
using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Text.Analysis;

namespace QABot.Retrieval.Lucene;

/// <summary>
/// Builds the sparse query for a <see cref="SearchRequest"/>: the question's own terms, the weighted Arabic expansions
/// (phrases as sloppy phrase queries plus their words), each matched in the body and, boosted, in the title.
/// </summary>
internal static class LuceneQueryBuilder
{
    /// <summary>Title words describe the whole article, so a title hit counts more than one body hit.</summary>
    internal const float TitleBoost = 1.5f;
    /// <summary>Words of an English question that survive Arabic analysis are mostly names and numbers written in Latin.</summary>
    internal const float LatinTermWeight = 0.5f;
    /// <summary>A multi-word expansion found as a phrase is much stronger evidence than its words apart.</summary>
    internal const float PhraseBoost = 2f;
    internal const int PhraseSlop = 2;
    /// <summary>Lucene's default clause limit is 1024; expansions are capped well below it.</summary>
    private const int MaxTerms = 400;

    /// <summary>The scoring query, or null when the request has no searchable term at all.</summary>
    public static Query? BuildQuery(SearchRequest request)
    {
        var termWeights = new Dictionary<string, float>(StringComparer.Ordinal);
        var phrases = new List<(IReadOnlyList<string> Terms, float Weight)>();

        var questionWeight = request.Language == Languages.English ? LatinTermWeight : 1f;
        foreach (var term in SearchAnalysis.Terms(request.Text, Languages.Arabic))
            AddTerm(termWeights, term, questionWeight);

        foreach (var expansion in request.Expansions)
        {
            if (expansion.Weight <= 0 || string.IsNullOrWhiteSpace(expansion.Text)) continue;
            var terms = SearchAnalysis.Terms(expansion.Text, Languages.Arabic);
            foreach (var term in terms) AddTerm(termWeights, term, expansion.Weight);
            if (terms.Count > 1) phrases.Add((terms, expansion.Weight));
        }

        if (termWeights.Count == 0) return null;

        var query = new BooleanQuery();
        foreach (var (term, weight) in termWeights.OrderByDescending(t => t.Value).Take(MaxTerms))
        {
            query.Add(new TermQuery(new Term(IndexFields.Body, term)) { Boost = weight }, Occur.SHOULD);
            query.Add(new TermQuery(new Term(IndexFields.Title, term)) { Boost = weight * TitleBoost }, Occur.SHOULD);
        }
        foreach (var (terms, weight) in phrases.Take(MaxTerms / 4))
        {
            var phrase = new PhraseQuery { Slop = PhraseSlop, Boost = weight * PhraseBoost };
            foreach (var term in terms) phrase.Add(new Term(IndexFields.Body, term));
            query.Add(phrase, Occur.SHOULD);
        }
        return query;
    }

    /// <summary>The filter for date range and sources, or null when the request has neither.</summary>
    public static Filter? BuildFilter(SearchRequest request)
    {
        var filter = new BooleanQuery();
        if (request.PublishedRange is { } range)
            // Undated chunks carry no published field, so no range ever matches them.
            filter.Add(NumericRangeQuery.NewInt64Range(IndexFields.Published, range.From?.UtcTicks, range.To?.UtcTicks, true, true), Occur.MUST);
        if (request.Sources is { Count: > 0 } sources)
        {
            var anySource = new BooleanQuery();
            foreach (var source in sources.Where(s => !string.IsNullOrWhiteSpace(s)))
                anySource.Add(new TermQuery(new Term(IndexFields.SourceKey, ArticleDocumentBuilder.SourceKey(source))), Occur.SHOULD);
            filter.Add(anySource, Occur.MUST);
        }
        return filter.Clauses.Count == 0 ? null : new QueryWrapperFilter(filter);
    }

    private static void AddTerm(Dictionary<string, float> weights, string term, float weight)
    {
        if (!weights.TryGetValue(term, out var existing) || existing < weight) weights[term] = weight;
    }
}
