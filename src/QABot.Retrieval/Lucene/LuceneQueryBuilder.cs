using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Spans;
using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Text;
using QABot.Text.Analysis;

namespace QABot.Retrieval.Lucene;

/// <summary>The knobs of the sparse query, tuned on XQuAD (see the retrieval tests).</summary>
internal sealed record LuceneQueryOptions
{
    public static LuceneQueryOptions Default { get; } = new();

    /// <summary>Title words describe the whole article, so a title hit counts more than one body hit.</summary>
    public float TitleBoost { get; init; } = 1.5f;
    /// <summary>Words of an English question that survive Arabic analysis are mostly names and numbers written in Latin.</summary>
    public float LatinTermWeight { get; init; } = 0.5f;
    /// <summary>A multi-word expansion found as a phrase is stronger evidence than its words apart.</summary>
    public float PhraseBoost { get; init; } = 1f;
    public int PhraseSlop { get; init; } = 2;
    /// <summary>Adjacent question words found near each other in a passage: evidence the passage answers this question.</summary>
    public float ProximityBoost { get; init; } = 0.3f;
    public int ProximitySlop { get; init; } = 4;
    /// <summary>
    /// Renderings of adjacent English concepts found near each other, in either order (Arabic reverses modifier and
    /// noun: "radio waves" is «موجات الراديو»); 0 disables.
    /// </summary>
    public float EnglishProximityBoost { get; init; } = 0.3f;
    public int EnglishProximitySlop { get; init; } = 4;
    /// <summary>Guessed name spellings also match spellings one edit away (Kuechly → كيكلي / كوكلي).</summary>
    public bool FuzzyTransliterations { get; init; } = true;
    public float FuzzyWeight { get; init; } = 0.8f;
    /// <summary>Weight of a word's alternative analysis (attached preposition removed) relative to the word as written.</summary>
    public float AlternativeFormWeight { get; init; } = 0.7f;
    /// <summary>
    /// A multi-word expansion is one concept: its weight is divided by (word count)^this, so «كيم جونغ أون» does not
    /// count three times as much as a one-word translation.
    /// </summary>
    public float ConceptLengthNormalization { get; init; } = 1f;
    /// <summary>Alternative renderings of one English concept compete (best one counts) instead of adding up.</summary>
    public bool ConceptsAsDisjunctions { get; init; } = true;
    public float DisjunctionTieBreaker { get; init; } = 0.2f;
    /// <summary>
    /// Exponent of the share of question words a passage matches (0 = plain BM25). Lower since the second stage
    /// (<see cref="PassageReranker"/>) rewards covering the question within one sentence-sized window.
    /// </summary>
    public float CoordinationExponent { get; init; } = 0.2f;
    /// <summary>Translated questions need it more: their weights are guesses, covering every concept is the better signal.</summary>
    public float EnglishCoordinationExponent { get; init; } = 0.5f;
    /// <summary>BM25 term-frequency saturation and length normalization (query-time only: norms do not depend on them).</summary>
    public float K1 { get; init; } = 1.2f;
    public float B { get; init; } = 0.75f;
    /// <summary>Weight of index terms sharing a word's consonant skeleton (see <see cref="RelatedTerms"/>); 0 disables.</summary>
    public float RelatedTermWeight { get; init; } = 0.4f;
    public int MaxRelatedTerms { get; init; } = 3;
    /// <summary>Weight of a name's other ج/غ spelling (see <see cref="NameSpellings"/>) relative to the word as written; 0 disables.</summary>
    public float NameSpellingWeight { get; init; } = 0.8f;
    /// <summary>
    /// Second stage (<see cref="PassageReranker"/>): a passage's score is multiplied by 1 + this × the share of the
    /// question's concepts found within <see cref="RerankWindow"/> words; 0 disables.
    /// </summary>
    public float RerankWeight { get; init; } = 2f;
    public float EnglishRerankWeight { get; init; } = 2f;
    public int RerankWindow { get; init; } = 20;
    /// <summary>How many first-stage passages the second stage reorders.</summary>
    public int RerankDepth { get; init; } = 15;
    /// <summary>For questions asking for a number, weight of "a number in the window" relative to the mean question concept.</summary>
    public float NumberConceptShare { get; init; } = 1f;
    /// <summary>
    /// The most question words that become clauses; a longer question keeps its rarest words in the index. Bounds the work
    /// of one question (clauses, proximity pairs, second-stage concepts) whatever its length: a 1,000-character question
    /// of 300 different words would otherwise cost twenty times a normal one.
    /// </summary>
    public int MaxQuestionWords { get; init; } = 24;
}

/// <summary>
/// Builds the sparse query for a <see cref="SearchRequest"/>: the question's own terms (with proximity pairs) and the
/// weighted Arabic expansions. Expansions whose <see cref="WeightedPhrase.Origin"/> names a concept
/// (<c>"expander:concept"</c>) are grouped, and the alternatives of one concept compete instead of adding up.
/// </summary>
internal static class LuceneQueryBuilder
{
    /// <summary>Lucene's default clause limit is 1024; expansions are capped well below it.</summary>
    private const int MaxClauses = 900;

    /// <summary>Asked of the document-frequency function, the number of passages searched (no analysed term is empty).</summary>
    internal const string AllPassages = "";

    /// <summary>The scoring query, or null when the request has no searchable term at all.</summary>
    /// <param name="documentFrequency">How many passages hold a term; with it, a question longer than
    /// <see cref="LuceneQueryOptions.MaxQuestionWords"/> keeps its rarest words, without it its first ones; asked for
    /// <see cref="AllPassages"/>, how many passages there are.</param>
    public static Query? BuildQuery(SearchRequest request, LuceneQueryOptions options, RelatedTerms? related = null, Func<string, int>? documentFrequency = null)
    {
        var query = new BooleanQuery();
        AddQuestion(query, request, options, related, documentFrequency);
        var concepts = request.Expansions
            .Where(e => e.Weight > 0 && !string.IsNullOrWhiteSpace(e.Text))
            .Select((e, i) => (Expansion: e, Concept: Concept(e, i, options)))
            .GroupBy(x => x.Concept, x => x.Expansion)
            .ToList();
        foreach (var group in concepts)
        {
            var variants = group.Select(e => VariantQuery(e, options, related, documentFrequency)).OfType<Query>().ToList();
            if (variants.Count == 0) continue;
            if (variants.Count == 1) query.Add(variants[0], Occur.SHOULD);
            else
            {
                var best = new DisjunctionMaxQuery(options.DisjunctionTieBreaker);
                foreach (var variant in variants) best.Add(variant);
                query.Add(best, Occur.SHOULD);
            }
            if (query.Clauses.Count >= MaxClauses) break;
        }
        if (request.Language == Languages.English && options.EnglishProximityBoost > 0 && query.Clauses.Count < MaxClauses)
            AddConceptProximity(query, request.Text, concepts, options);
        return query.Clauses.Count == 0 ? null : query;
    }

    /// <summary>
    /// Pairs of concepts adjacent in the English question (ordered by where their English words occur in it): a passage
    /// holding renderings of both within <see cref="LuceneQueryOptions.EnglishProximitySlop"/> words, in either order,
    /// gains a little. Sibling paragraphs of one article share the topic's words; the one that answers tends to hold the
    /// question's words together.
    /// </summary>
    private static void AddConceptProximity(BooleanQuery query, string question, IEnumerable<IGrouping<string, WeightedPhrase>> concepts,
        LuceneQueryOptions options)
    {
        var lower = question.ToLowerInvariant();
        var ordered = concepts
            .Select(c => (Position: Regex.Match(lower, $@"\b{Regex.Escape(c.Key)}\b") is { Success: true } m ? m.Index : -1, Terms: ConceptTerms(c)))
            .Where(c => c.Position >= 0 && c.Terms.Count > 0)
            .OrderBy(c => c.Position)
            .ToList();
        var proximity = new BooleanQuery(disableCoord: true);
        for (var i = 0; i + 1 < ordered.Count; i++)
        {
            var near = new SpanNearQuery([SpanAny(ordered[i].Terms), SpanAny(ordered[i + 1].Terms)], options.EnglishProximitySlop, inOrder: false)
            {
                Boost = options.EnglishProximityBoost,
            };
            proximity.Add(near, Occur.SHOULD);
        }
        if (proximity.Clauses.Count > 0) query.Add(proximity, Occur.SHOULD);
    }

    /// <summary>
    /// The first analysed word of each of a concept's strongest renderings (a multi-word one starts with its head noun:
    /// «المحيط الأطلسي»), at most a few: they only locate the concept.
    /// </summary>
    private static List<string> ConceptTerms(IEnumerable<WeightedPhrase> variants) => variants
        .OrderByDescending(v => v.Weight)
        .Select(v => SearchAnalysis.Analyze(v.Text, Languages.Arabic).FirstOrDefault(t => !t.IsAlternative).Text)
        .OfType<string>()
        .Distinct()
        .Take(4)
        .ToList();

    private static SpanQuery SpanAny(IReadOnlyList<string> terms) => terms.Count == 1
        ? new SpanTermQuery(new Term(IndexFields.Body, terms[0]))
        : new SpanOrQuery(terms.Select(t => (SpanQuery)new SpanTermQuery(new Term(IndexFields.Body, t))).ToArray());

    /// <summary>The filter for date range and sources, or null when the request has neither.</summary>
    public static Filter? BuildFilter(SearchRequest request)
    {
        var filter = new BooleanQuery();
        AddRestrictions(filter, request.PublishedRange, request.Sources);
        return filter.Clauses.Count == 0 ? null : new QueryWrapperFilter(filter);
    }

    /// <summary>The date window and outlet clauses shared by search (on chunks) and listing (on manifests).</summary>
    public static void AddRestrictions(BooleanQuery query, DateRange? published, IReadOnlyList<string>? sources)
    {
        if (published is { } range)
            // Wall-clock ticks on both sides; undated documents carry no published field, so no range matches them.
            query.Add(NumericRangeQuery.NewInt64Range(IndexFields.Published, range.FromTicks, range.ToTicks, true, true), Occur.MUST);
        if (sources is { Count: > 0 })
        {
            var anySource = new BooleanQuery();
            foreach (var source in sources.Where(s => !string.IsNullOrWhiteSpace(s)))
                anySource.Add(new TermQuery(new Term(IndexFields.SourceKey, OutletKeys.For(source))), Occur.SHOULD);
            query.Add(anySource, Occur.MUST);
        }
    }

    private static void AddQuestion(BooleanQuery query, SearchRequest request, LuceneQueryOptions options, RelatedTerms? related,
        Func<string, int>? documentFrequency)
    {
        // An English question still carries Latin names, acronyms and numbers that Arabic text quotes as written.
        var weight = request.Language == Languages.English ? options.LatinTermWeight : 1f;
        var analyzed = KeepMostSpecificWords(SearchAnalysis.Analyze(request.Text, Languages.Arabic), options.MaxQuestionWords, documentFrequency);
        var weights = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var term in analyzed)
        {
            var w = term.IsAlternative ? weight * options.AlternativeFormWeight : weight;
            if (!weights.TryGetValue(term.Text, out var existing) || existing < w) weights[term.Text] = w;
        }
        // One top-level clause per word (both its forms), so coordination counts words, not fields or forms.
        foreach (var word in analyzed.GroupBy(t => t.Position))
        {
            var clause = new BooleanQuery(disableCoord: true);
            foreach (var term in word.Select(t => t.Text).Distinct()) AddTerm(clause, term, weights[term], options);
            foreach (var term in word) AddRelated(clause, term.Text, term.IsAlternative ? weight * options.AlternativeFormWeight : weight, options, related);
            foreach (var term in word) AddNameSpellings(clause, term.Text, term.IsAlternative ? weight * options.AlternativeFormWeight : weight, options, documentFrequency);
            query.Add(clause, Occur.SHOULD);
        }

        if (options.ProximityBoost <= 0 || request.Language == Languages.English) return;
        var words = analyzed.Where(t => !t.IsAlternative).Select(t => t.Text).ToList();
        var proximity = new BooleanQuery(disableCoord: true);
        for (var i = 0; i + 1 < words.Count; i++)
            if (words[i] != words[i + 1])
                proximity.Add(Phrase([words[i], words[i + 1]], options.ProximitySlop, options.ProximityBoost), Occur.SHOULD);
        // Proximity refines the ranking of passages that match; it is not a concept of its own.
        if (proximity.Clauses.Count > 0) query.Add(proximity, Occur.SHOULD);
    }

    /// <summary>
    /// The analysed terms of at most <paramref name="maxWords"/> distinct words, in question order: the words found in the
    /// fewest passages (they separate passages best; a word no passage holds ranks last), or the first ones without
    /// frequencies. A repeated word keeps its first position only, so repetition cannot buy clauses either.
    /// </summary>
    internal static IReadOnlyList<AnalyzedTerm> KeepMostSpecificWords(IReadOnlyList<AnalyzedTerm> analyzed, int maxWords, Func<string, int>? documentFrequency)
    {
        var words = analyzed.GroupBy(t => t.Position).ToList();
        if (words.Count <= maxWords) return analyzed;
        var firstOfEachWord = words.DistinctBy(w => w.OrderBy(t => t.IsAlternative).First().Text).ToList();
        var chosen = documentFrequency is null
            ? firstOfEachWord.Take(maxWords)
            : firstOfEachWord
                .Select((word, order) => (Word: word, Order: order, Frequency: word.Select(t => documentFrequency(t.Text)).Where(f => f > 0).DefaultIfEmpty(int.MaxValue).Min()))
                .OrderBy(w => w.Frequency).ThenBy(w => w.Order)
                .Take(maxWords)
                .Select(w => w.Word);
        var positions = chosen.Select(w => w.Key).ToHashSet();
        return analyzed.Where(t => positions.Contains(t.Position)).ToList();
    }

    private static Query? VariantQuery(WeightedPhrase expansion, LuceneQueryOptions options, RelatedTerms? related, Func<string, int>? documentFrequency)
    {
        var analyzed = SearchAnalysis.Analyze(expansion.Text, Languages.Arabic);
        var words = analyzed.Where(t => !t.IsAlternative).Select(t => t.Text).ToList();
        if (words.Count == 0) return null;
        var variant = new BooleanQuery(disableCoord: true);
        foreach (var term in analyzed.DistinctBy(t => t.Text))
            AddTerm(variant, term.Text, term.IsAlternative ? options.AlternativeFormWeight : 1f, options);
        foreach (var word in words) AddRelated(variant, word, 1f, options, related);
        foreach (var term in analyzed) AddNameSpellings(variant, term.Text, term.IsAlternative ? options.AlternativeFormWeight : 1f, options, documentFrequency);
        if (words.Count > 1) variant.Add(Phrase(words, options.PhraseSlop, options.PhraseBoost), Occur.SHOULD);
        if (options.FuzzyTransliterations && expansion.Origin.StartsWith("transliteration", StringComparison.Ordinal))
            foreach (var word in words.Where(w => w.Length >= 4))
                variant.Add(new FuzzyQuery(new Term(IndexFields.Body, word), 1, 1) { Boost = options.FuzzyWeight }, Occur.SHOULD);
        variant.Boost = expansion.Weight / MathF.Pow(words.Count, options.ConceptLengthNormalization);
        return variant;
    }

    private static void AddRelated(BooleanQuery clause, string term, float weight, LuceneQueryOptions options, RelatedTerms? related)
    {
        if (related is null || options.RelatedTermWeight <= 0) return;
        var existing = clause.Clauses.Select(c => c.Query).OfType<TermQuery>().Select(q => q.Term.Text).ToHashSet();
        foreach (var other in related.Of(term, options.MaxRelatedTerms))
            if (!existing.Contains(other))
                clause.Add(new TermQuery(new Term(IndexFields.Body, other)) { Boost = weight * options.RelatedTermWeight }, Occur.SHOULD);
    }

    /// <summary>
    /// A twin spelling is weighted so that it never counts more than the word as written: the rarer spelling has the
    /// higher IDF, and at full weight the few articles of one outlet's spelling would outrank the many of the usual one.
    /// </summary>
    private static void AddNameSpellings(BooleanQuery clause, string term, float weight, LuceneQueryOptions options, Func<string, int>? documentFrequency)
    {
        if (options.NameSpellingWeight <= 0) return;
        var existing = clause.Clauses.Select(c => c.Query).OfType<TermQuery>().Select(q => q.Term.Text).ToHashSet();
        var documents = documentFrequency?.Invoke(term) ?? 0;
        var passages = documentFrequency?.Invoke(AllPassages) ?? 0;
        foreach (var other in NameSpellings.Of(term))
        {
            if (!existing.Add(other)) continue;
            var share = 1f;
            if (documentFrequency is not null)
            {
                var otherDocuments = documentFrequency(other);
                if (otherDocuments == 0) continue;
                if (documents > 0 && otherDocuments < documents && passages > 0) share = PassageReranker.Idf(documents, passages) / PassageReranker.Idf(otherDocuments, passages);
            }
            AddTerm(clause, other, weight * options.NameSpellingWeight * share, options);
        }
    }

    private static void AddTerm(BooleanQuery query, string term, float weight, LuceneQueryOptions options)
    {
        query.Add(new TermQuery(new Term(IndexFields.Body, term)) { Boost = weight }, Occur.SHOULD);
        query.Add(new TermQuery(new Term(IndexFields.Title, term)) { Boost = weight * options.TitleBoost }, Occur.SHOULD);
    }

    private static PhraseQuery Phrase(IReadOnlyList<string> words, int slop, float boost)
    {
        var phrase = new PhraseQuery { Slop = slop, Boost = boost };
        foreach (var word in words) phrase.Add(new Term(IndexFields.Body, word));
        return phrase;
    }

    /// <summary>"expander:concept" groups by concept; expansions without one stand alone.</summary>
    private static string Concept(WeightedPhrase expansion, int index, LuceneQueryOptions options)
    {
        var colon = expansion.Origin.IndexOf(':');
        return options.ConceptsAsDisjunctions && colon >= 0 && colon + 1 < expansion.Origin.Length
            ? expansion.Origin[(colon + 1)..]
            : $"#{index}";
    }
}
