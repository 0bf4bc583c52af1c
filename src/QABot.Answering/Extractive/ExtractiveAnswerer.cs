using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QABot.Answering.Conversations;
using QABot.Answering.Extractive.Spans;
using QABot.Answering.Formatting;
using QABot.Answering.Understanding;
using QABot.Core.Answering;
using QABot.Core.Diagnostics;
using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Text;
using QABot.Text.Analysis;
using QABot.Text.Tokens;

namespace QABot.Answering.Extractive;

/// <summary>
/// The default, model-free answerer. It reads the question (<see cref="QuestionAnalyzer"/>), retrieves chunks, and
/// quotes the sentence that best covers the question's words while stating every constraint the question sets (names,
/// numbers, years, in the sentence or its neighbours) and, for a factoid, a span of the expected type that is not the
/// question's own words. That span opens the answer, in the question's language; the quote follows with [n]. When no
/// sentence qualifies it refuses. Claims get a verdict (<see cref="ClaimJudge"/>). It never cites an article it did not quote.
/// </summary>
public sealed class ExtractiveAnswerer(
    IQueryPlanner planner,
    IArticleIndex index,
    IConversationStore conversations,
    QuestionAnalyzer analyzer,
    ShortAnswerWriter shortAnswers,
    IOptions<AnsweringOptions> options,
    TimeProvider time,
    ILogger<ExtractiveAnswerer> logger,
    IOutletNames? outlets = null) : IAnswerer
{
    public const string Name = "extractive";
    /// <summary>A quote longer than this is cut at a clause boundary: run-on news sentences would otherwise swamp the answer.</summary>
    private const int MaxQuotedSentenceChars = 400;
    private const double SupportingSentenceRatio = 0.7;
    /// <summary>How much a neighbouring sentence's (or the title's) share of the question counts for a quote.</summary>
    private const double WindowShare = 0.3;
    /// <summary>Sentences read closely (spans, dates, numbers, constraints) per question: the best by word coverage.</summary>
    private const int CloseReadings = 40;
    /// <summary>
    /// How much a sentence's evidence depends on how well its passage matched the whole question (its retrieval score
    /// over the best one's). A passage that matched only a rare word of the question («سالم» for "salman" in an article on
    /// Khan Younis) cannot then outscore the article about the question's subject on that word alone. Measured on
    /// eval/dev.jsonl with <see cref="AdjacentShare"/> and <see cref="SpanShare"/>: 0.5 and 0.7 answer the same questions.
    /// </summary>
    private const double PassageShare = 0.5;
    /// <summary>How much the question's neighbouring words held side by side in the sentence add (<see cref="QueryTermGroups.Adjacent"/>).</summary>
    private const double AdjacentShare = 1.0;
    /// <summary>How much the strength of a sentence's answer span adds to its coverage when sentences are compared.</summary>
    private const double SpanShare = 0.4;
    /// <summary>
    /// How many of the best articles are read whole. A long article is several chunks and its title lifts the first
    /// one: the sentence stating the answer («ويتوقع أن يتوفر كابل Dunant في أواخر عام 2020») sits in a later chunk
    /// that ranks below other articles' first chunks and was never read.
    /// </summary>
    private const int ArticlesReadWhole = 2;
    /// <summary>Lifts the sentence a follow-up points back to above any other.</summary>
    private const double PreviousQuoteBonus = 100;
    private readonly AnsweringOptions _options = options.Value;

    public async Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken = default)
    {
        var question = request.Question.Trim();
        var now = request.Now ?? time.GetUtcNow();
        var analysis = await analyzer.AnalyzeAsync(question, now, request.IsClaim, cancellationToken);
        StartupTrace.Mark("question analysed");
        var history = request.ConversationId is { } id ? await conversations.GetAsync(id, cancellationToken) : [];
        var previous = history.Count > 0 ? history[^1] : null;
        var followUp = previous is not null && FollowUpDetector.IsFollowUp(question, analysis.Language);
        if (followUp)
            analysis = QuestionAnalyzer.FollowUp(analysis, await analyzer.AnalyzeAsync(previous!.Question, now, cancellationToken: cancellationToken));
        logger.LogDebug("Question read as {Kind}/{Type}, constraints [{Constraints}], words {Words}, predicate {Predicate}, head [{Head}]", analysis.Kind, analysis.ExpectedType,
            string.Join(", ", analysis.Constraints), analysis.Words, analysis.Predicate, string.Join(" ", analysis.HeadPhrase.Select(h => string.Join(",", h.Terms))));

        // A follow-up is searched together with the question it follows, so "and when was that?" finds the same article;
        // in the other language only the earlier question is searched, one language per search.
        var searchText = !followUp ? analysis.SearchText
            : LanguageDetector.Detect(previous!.Question) == analysis.Language ? previous.Question + "\n" + question : previous.Question;
        if (analysis.Kind == QuestionKind.List)
        {
            var listed = await ListAsync(analysis, cancellationToken);
            await RememberAsync(request, question, listed, cancellationToken);
            return listed;
        }
        var plan = await planner.PlanAsync(searchText, Math.Max(1, request.Top), analysis.PublicationWindow?.Range, cancellationToken);
        if (analysis.OutletSources is { } sources) plan = plan with { Sources = sources };
        StartupTrace.Mark("search planned");
        var hits = await index.SearchAsync(plan, cancellationToken);
        StartupTrace.Mark("searched");
        if (followUp && previous!.CitedArticleIds.Count > 0)
            hits = [.. hits.OrderByDescending(h => previous.CitedArticleIds.Contains(h.Chunk.ArticleId))];
        var retrieved = RetrievedRefs(hits);

        // The retries below read mostly the same passages again: each is split and analysed once per question.
        var passages = new Dictionary<string, Passage>(StringComparer.Ordinal);
        var siblings = await SiblingsAsync(hits, cancellationToken);
        var answer = Answer(analysis, hits, siblings, retrieved, followUp ? previous!.Answer : null, passages);
        if (answer.Refused && !followUp && EventMonth(analysis) is { } eventMonth)
        {
            logger.LogDebug("Reading «{Month}» as the event's month: searching the articles of that month and the next", eventMonth.PublicationWindow!.Expression);
            var monthPlan = await planner.PlanAsync(searchText, Math.Max(1, request.Top), eventMonth.PublicationWindow!.Range, cancellationToken);
            if (eventMonth.OutletSources is { } outletSources) monthPlan = monthPlan with { Sources = outletSources };
            var later = await index.SearchAsync(monthPlan, cancellationToken);
            var laterRetrieved = RetrievedRefs(later);
            if (Answer(eventMonth, later, await SiblingsAsync(later, cancellationToken), laterRetrieved, null, passages) is { Refused: false } found) answer = found;
        }
        if (answer.Refused && !followUp && analysis.Kind is not (QuestionKind.List or QuestionKind.Claim) && NewsSenseExpansions(analysis, plan) is { Count: > 0 } senses)
        {
            // The dictionary's sense of an everyday word ("born" → «مولود») may miss how news tells it («ولد في»,
            // «مسقط رأسه»): asked again, the news senses compete with the dictionary's renderings of the same word.
            logger.LogDebug("Searching again with the news senses {Senses}", string.Join(", ", senses.Select(e => e.Text)));
            var again = await index.SearchAsync(plan with { Expansions = [.. plan.Expansions, .. senses] }, cancellationToken);
            var againRetrieved = RetrievedRefs(again);
            if (Answer(analysis, again, await SiblingsAsync(again, cancellationToken), againRetrieved, null, passages) is { Refused: false } found) answer = found;
        }
        await RememberAsync(request, question, answer, cancellationToken);
        return answer;
    }

    private static List<RetrievedRef> RetrievedRefs(IReadOnlyList<ScoredChunk> hits) =>
        [.. hits.Select(h => new RetrievedRef(h.Chunk.ArticleId, h.Chunk.ChunkId, Math.Round(h.Score, 4)))];

    /// <summary>
    /// The chunks of the best-ranked articles that the search did not return, each scored as its article's best hit:
    /// the passage belongs to an article that matched the question, whatever its own words score.
    /// </summary>
    private async Task<IReadOnlyList<ScoredChunk>> SiblingsAsync(IReadOnlyList<ScoredChunk> hits, CancellationToken cancellationToken)
    {
        var siblings = new List<ScoredChunk>();
        foreach (var best in hits.DistinctBy(h => h.Chunk.ArticleId).Take(ArticlesReadWhole))
        {
            var retrievedChunks = hits.Where(h => h.Chunk.ArticleId == best.Chunk.ArticleId).Select(h => h.Chunk.Ordinal).ToHashSet();
            if (await index.GetArticleAsync(best.Chunk.ArticleId, cancellationToken) is not { } stored || stored.ChunkCount <= retrievedChunks.Count) continue;
            siblings.AddRange(Chunked(stored)
                .Where(c => !retrievedChunks.Contains(c.Ordinal))
                .Select(c => new ScoredChunk(c with { Metadata = best.Chunk.Metadata }, best.Score)));
        }
        return siblings;
    }

    private static readonly Text.Chunking.ArticleChunker Chunker = new();

    /// <summary>Stored articles already split, by id and content hash: the best articles recur across questions on one story.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string ArticleId, string ContentHash), IReadOnlyList<Chunk>> _chunked = new();
    private const int ChunkedArticlesKept = 1024;

    /// <summary>The article's chunks; the content hash covers everything stored and the chunking settings, so a changed article is split anew.</summary>
    private IReadOnlyList<Chunk> Chunked(StoredArticle stored)
    {
        if (stored.ContentHash.Length == 0) return Chunker.Split(stored.Article);
        var key = (stored.Article.Id, stored.ContentHash);
        if (_chunked.TryGetValue(key, out var chunks)) return chunks;
        // Cleared rather than evicted one by one: refilling costs one split per article, and the bound only keeps memory flat.
        if (_chunked.Count >= ChunkedArticlesKept) _chunked.Clear();
        return _chunked[key] = Chunker.Split(stored.Article);
    }

    /// <summary>
    /// The news senses (<see cref="NewsSenses"/>) of an English question's words that the search did not already render,
    /// each weighed as the dictionary's strongest rendering of its word so that they compete with it rather than add up.
    /// </summary>
    private static List<WeightedPhrase> NewsSenseExpansions(QuestionAnalysis analysis, SearchRequest plan)
    {
        if (analysis.Language != Languages.English) return [];
        var searched = plan.Expansions.Select(e => ArabicNormalizer.Normalize(e.Text)).ToHashSet(StringComparer.Ordinal);
        var senses = new List<WeightedPhrase>();
        foreach (var word in Text.Tokens.WordTokenizer.Tokenize(analysis.Focus).Select(t => t.Folded).Distinct(StringComparer.Ordinal))
        {
            var origin = Retrieval.CrossLingual.ExpansionOrigin.Of("news", word);
            var concept = origin[(origin.IndexOf(':') + 1)..];
            var rendered = plan.Expansions.Where(e => e.Origin.EndsWith(":" + concept, StringComparison.Ordinal)).Select(e => e.Weight).DefaultIfEmpty(0).Max();
            foreach (var arabic in NewsSenses.WrittenFor(word).Where(a => !searched.Contains(ArabicNormalizer.Normalize(a))))
                senses.Add(new WeightedPhrase(arabic, rendered > 0 ? rendered : 1f, origin));
        }
        return senses;
    }

    /// <summary>
    /// «كم وظيفة جديدة أضيفت في فبراير 2018؟»: a month named in a question about an event may be the event's rather than
    /// the publication's, and news tells a month's figures and events in the month after. Read so, the question searches
    /// that month and the next, and its evidence must state the month (or be published in it). Null when the question
    /// asks for articles or their date, or names no calendar month.
    /// </summary>
    private static QuestionAnalysis? EventMonth(QuestionAnalysis analysis)
    {
        if (analysis.Kind is QuestionKind.List or QuestionKind.Claim || analysis.AsksPublicationDate || analysis.PublicationWindow is not { } window
            || !window.Expression.Any(char.IsAsciiDigit) || window.Range.From is not { } from) return null;
        if (from.Day != 1 || window.Range.To != from.AddMonths(1).AddTicks(-1)) return null;
        var month = new QuestionConstraint(ConstraintKind.Date, window.Expression, [], Date: new Text.Dates.DateMention(0, 0, Year: from.Year, Month: from.Month));
        return analysis with
        {
            PublicationWindow = window with { Range = new DateRange(from, from.AddMonths(2).AddTicks(-1)) },
            Constraints = [.. analysis.Constraints, month],
        };
    }

    private async Task RememberAsync(AnswerRequest request, string question, Answer answer, CancellationToken cancellationToken)
    {
        if (request.ConversationId is { } conversationId)
            await conversations.AppendAsync(conversationId, new ConversationTurn(question, answer.Text,
                answer.Citations.Select(c => c.ArticleId).ToList(), time.GetUtcNow()), cancellationToken);
    }

    /// <summary>
    /// The articles of the period and outlet the question names, newest first, with their count. When words remain
    /// besides the request («عن نادية مراد», "about mo salah"), they are the topic: an article is listed when its title
    /// names every word of it that some title of the period or outlet names.
    /// </summary>
    private async Task<Answer> ListAsync(QuestionAnalysis analysis, CancellationToken cancellationToken)
    {
        var shown = Math.Max(1, _options.MaxListed);
        var topic = analysis.Words;
        var query = new ArticleQuery { Published = analysis.PublicationWindow?.Range, Sources = analysis.OutletSources, Limit = topic.Count == 0 ? shown : int.MaxValue };
        var listing = await index.QueryArticlesAsync(query, cancellationToken);
        if (topic.Count > 0)
        {
            var titles = listing.Articles.Select(a => topic.Matches(TermSet(a.Title, Languages.Arabic))).ToList();
            // A word no title of the period or outlet carries («مو» of "mo salah", a stray filler) cannot name the topic.
            var used = Enumerable.Range(0, topic.Count).Where(g => titles.Any(m => m[g] >= 1)).ToList();
            var matching = listing.Articles.Where((_, i) => used.Count > 0 && used.All(g => titles[i][g] >= 1)).ToList();
            listing = new ArticleListing(matching.Count, matching.Take(shown).ToList());
        }
        var period = analysis.PublicationWindow is { } window ? FormatRange(window.Range) : null;
        return new Answer
        {
            Question = analysis.Question,
            Language = analysis.Language,
            Text = AnswerTexts.Listing(analysis.Language, listing, period, outlets),
            Refused = false,
            Retrieved = [],
            Answerer = Name,
            Kind = QuestionKind.List,
            ShortAnswer = listing.Total.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Listing = listing,
        };
    }


    /// <param name="previousAnswer">For a follow-up, the answer it follows: the sentences quoted there are what "that" refers to.</param>
    private Answer Answer(QuestionAnalysis analysis, IReadOnlyList<ScoredChunk> hits, IReadOnlyList<ScoredChunk> siblings, List<RetrievedRef> retrieved, string? previousAnswer,
        Dictionary<string, Passage> passages)
    {
        var read = Candidates(hits, siblings, analysis, previousAnswer, passages);
        if (analysis.Kind == QuestionKind.Claim)
        {
            var judged = ClaimJudge.Judge(analysis, read?.Candidates ?? [], read?.Weights ?? []);
            return judged is null
                ? Refusal(analysis, hits, retrieved) with { Verdict = ClaimVerdict.NotFound, Text = AnswerTexts.ClaimNotFound(analysis.Language, analysis.IsYesNo) }
                : ComposeClaim(analysis, judged, retrieved);
        }
        if (read is null) return Refusal(analysis, hits, retrieved);
        if (analysis.AsksForecast)
        {
            logger.LogDebug("Refusing: the question asks about tomorrow or the weather, which published news cannot tell");
            return Refusal(analysis, hits, retrieved);
        }

        var chosen = Choose(analysis, read.Candidates, read.Weights);
        if (chosen is null)
        {
            logger.LogDebug("Refusing: no sentence states the question's constraints and an answer of type {Type}", analysis.ExpectedType);
            return Refusal(analysis, hits, retrieved);
        }
        var evidence = new List<Candidate> { chosen.Candidate };
        if (chosen.Span is null) evidence.AddRange(Supporting(chosen.Candidate, read, analysis));
        return Compose(analysis, evidence, chosen.Span, retrieved);
    }

    private Answer Refusal(QuestionAnalysis analysis, IReadOnlyList<ScoredChunk> hits, List<RetrievedRef> retrieved)
    {
        var text = analysis.PublicationWindow is { } window && hits.Count == 0
            ? AnswerTexts.NotFoundInPeriod(analysis.Language, FormatRange(window.Range))
            : AnswerTexts.NotFound(analysis.Language);
        return new Answer
        {
            Question = analysis.Question, Language = analysis.Language, Text = text, Refused = true, Retrieved = retrieved, Answerer = Name,
            Kind = analysis.Kind,
        };
    }

    /// <summary>A sentence of a retrieved chunk, scored by how much of the question it (and, less, its neighbours) covers.</summary>
    internal sealed record Candidate(Chunk Chunk, int Rank, string Sentence, int Position, double[] Matched, double Score, string Window, IReadOnlySet<string> WindowTerms)
    {
        /// <summary>The terms of the sentence's whole chunk and its article's title: where names are sought.</summary>
        public IReadOnlySet<string> ChunkTerms { get; init; } = WindowTerms;
        public IReadOnlyList<AnalyzedTerm> Analyzed { get; init; } = [];
        /// <summary>Quoted by the answer a follow-up follows.</summary>
        public bool QuotedBefore { get; init; }
        public SentenceReading? Reading { get; set; }
        /// <summary>The passage the sentence was read from, whose lines it shares with its neighbours' windows.</summary>
        public Passage? Passage { get; init; }
        public EvidenceWindow? Evidence { get; set; }
    }

    private sealed record Choice(Candidate Candidate, AnswerSpan? Span);

    /// <summary>The candidate sentences, best first, and the weights of the question's words over the retrieved passages.</summary>
    internal sealed record Reading(List<Candidate> Candidates, double[] Weights);

    /// <summary>
    /// The sentences of the best chunks that can answer the question, best first, or null when even the best chunk
    /// covers too little of it. A sentence qualifies when its chunk (with the article's title) states every name the
    /// question sets (news names a summit's city once, then speaks of "the talks") and, for a who-question, the sentence
    /// states the role asked about.
    /// </summary>
    /// <param name="siblings">The best articles' chunks that were not retrieved (<see cref="SiblingsAsync"/>).</param>
    private Reading? Candidates(IReadOnlyList<ScoredChunk> hits, IReadOnlyList<ScoredChunk> siblings, QuestionAnalysis analysis, string? previousAnswer, Dictionary<string, Passage> passages)
    {
        var followUp = previousAnswer is not null;
        var groups = analysis.Words;
        if (hits.Count == 0 || groups.Count == 0) return null;

        // Word weights and the refusal threshold are calibrated on the best chunks; sentences are also sought a little
        // further down, where one article's many chunks have pushed another article's answer.
        var evidenceChunks = Math.Max(1, _options.EvidenceChunks);
        var readHits = hits.Take(evidenceChunks + evidenceChunks / 2 + 1).ToList();
        readHits.AddRange(siblings);
        var read = readHits.Select(h => PassageOf(h.Chunk, passages)).ToList();
        var passageTerms = read.Select(p => p.Terms).ToList();
        var weights = groups.WeightsOver(passageTerms.Take(evidenceChunks).ToList());
        // A claim's numbers may be the very thing it gets wrong: they do not count towards finding its event.
        var coverageWeights = analysis.Kind == QuestionKind.Claim ? weights.Select((w, g) => groups.IsValue(g) ? 0 : w).ToArray() : weights;

        var candidates = new List<Candidate>();
        var bestCoverage = 0.0;
        var bestHit = readHits.Max(h => h.Score);
        for (var rank = 0; rank < readHits.Count; rank++)
        {
            var chunk = readHits[rank].Chunk;
            if (rank < evidenceChunks) bestCoverage = Math.Max(bestCoverage, groups.Coverage(passageTerms[rank], coverageWeights));
            // A claim naming the wrong place is contradicted by the chunk that names the right one: the judge sees those too.
            if (analysis.Kind != QuestionKind.Claim && !EvidenceWindow.NamesHold(analysis, passageTerms[rank])) continue;
            var (analyzedTitle, titleTerms, sentences, analyzed, terms) = (read[rank].Title, read[rank].TitleTerms, read[rank].Sentences, read[rank].Analyzed, read[rank].SentenceTerms);
            var title = groups.Matches(titleTerms);
            if (analysis.Kind != QuestionKind.Claim && !EvidenceWindow.NamesStandTogether(analysis, [.. analyzed, analyzedTitle])) continue;
            var matches = terms.Select(groups.Matches).ToList();
            for (var position = 0; position < sentences.Count; position++)
            {
                var matched = matches[position];
                var weight = QueryTermGroups.Weighted(matched, weights);
                if (weight <= 0 || !EvidenceWindow.RoleHolds(analysis, terms[position]) || !EvidenceWindow.RelationHolds(analysis, terms[position])) continue;
                // Words the neighbours or the title carry and the sentence does not: the subject named once, then a pronoun.
                var around = new double[matched.Length];
                for (var g = 0; g < around.Length; g++)
                {
                    var neighbours = Math.Max(title[g], Math.Max(position > 0 ? matches[position - 1][g] : 0, position + 1 < sentences.Count ? matches[position + 1][g] : 0));
                    around[g] = Math.Max(0, neighbours - matched[g]);
                }
                var windowTerms = new HashSet<string>(terms[position], StringComparer.Ordinal);
                // Sized once: growing it term by term copied its table several times for each sentence read.
                windowTerms.EnsureCapacity(terms[position].Count + titleTerms.Count
                    + (position > 0 ? terms[position - 1].Count : 0) + (position + 1 < sentences.Count ? terms[position + 1].Count : 0));
                windowTerms.UnionWith(titleTerms);
                if (position > 0) windowTerms.UnionWith(terms[position - 1]);
                if (position + 1 < sentences.Count) windowTerms.UnionWith(terms[position + 1]);
                // Rank and position only break near-ties.
                // A follow-up's hits are ordered by the article it follows, not by score: there the passage does not discount.
                var relevance = followUp || bestHit <= 0 ? 1 : Math.Clamp(readHits[rank].Score / bestHit, 0, 1);
                var evidence = weight + WindowShare * QueryTermGroups.Weighted(around, weights) + AdjacentShare * groups.Adjacent(analyzed[position], weights);
                var score = evidence * (1 - PassageShare + PassageShare * relevance) + 0.2 / (rank + 1) + 0.05 / (position + 1);
                // "And when was that?": "that" is what the previous answer quoted.
                var quotedBefore = previousAnswer is not null && sentences[position].Length > 20 && previousAnswer.Contains(sentences[position], StringComparison.Ordinal);
                if (quotedBefore) score += PreviousQuoteBonus;
                var window = string.Join("\n", new[] { chunk.Metadata.Title, position > 0 ? sentences[position - 1] : "", sentences[position], position + 1 < sentences.Count ? sentences[position + 1] : "" });
                candidates.Add(new Candidate(chunk, rank, sentences[position], position, matched, score, window, windowTerms) { Analyzed = analyzed[position], ChunkTerms = passageTerms[rank], QuotedBefore = quotedBefore, Passage = read[rank] });
            }
        }

        // A follow-up's own words are few ("when was that?"); the previous question's words were searched with it.
        var threshold = followUp ? _options.MinEvidenceCoverage * 0.75 : _options.MinEvidenceCoverage;
        logger.LogDebug("Evidence coverage {Coverage:0.000} (threshold {Threshold:0.000}) over question words {Groups} weighted {Weights}", bestCoverage, threshold, groups, string.Join(",", weights.Select(w => w.ToString("0.00"))));
        if (bestCoverage < threshold || candidates.Count == 0)
        {
            logger.LogDebug("Refusing: {Count} sentences state the question's names; best chunk coverage {Coverage:0.000}", candidates.Count, bestCoverage);
            return null;
        }
        candidates.Sort((a, b) => b.Score.CompareTo(a.Score));
        var isQuestionTerm = QuestionTermTest(groups);
        foreach (var candidate in candidates.Take(CloseReadings)) Read(candidate, isQuestionTerm);
        if (logger.IsEnabled(LogLevel.Debug))
            foreach (var c in candidates.Take(logger.IsEnabled(LogLevel.Trace) ? candidates.Count : 5))
                logger.LogDebug("Candidate {Score:0.00} {Article} «{Sentence}»", c.Score, c.Chunk.ArticleId, Short(c.Sentence));
        return new Reading(candidates, weights);
    }

    /// <summary>A passage split into sentences and analysed, with the terms of the whole passage and its title.</summary>
    internal sealed record Passage(
        string Text, string TitleText, IReadOnlySet<string> Terms, IReadOnlyList<AnalyzedTerm> Title, HashSet<string> TitleTerms,
        List<string> Sentences, List<IReadOnlyList<AnalyzedTerm>> Analyzed, List<HashSet<string>> SentenceTerms)
    {
        private static readonly TokenizedLine NoLine = WordTokenizer.TokenizeLine("");
        private TokenizedLine? _title;
        private readonly TokenizedLine?[] _sentences = new TokenizedLine?[Sentences.Count];

        /// <summary>The words of the sentence's window (<see cref="Candidate.Window"/>): each line is read once, as windows overlap.</summary>
        public List<WordToken> WindowTokens(int position) => WordTokenizer.JoinLines(
            [_title ??= WordTokenizer.TokenizeLine(TitleText), position > 0 ? SentenceLine(position - 1) : NoLine, SentenceLine(position),
             position + 1 < Sentences.Count ? SentenceLine(position + 1) : NoLine]);

        public TokenizedLine SentenceLine(int position) => _sentences[position] ??= WordTokenizer.TokenizeLine(Sentences[position]);
    }

    /// <summary>The chunk's passage, read once per question (<paramref name="passages"/>, by chunk id).</summary>
    private static Passage PassageOf(Chunk chunk, Dictionary<string, Passage> passages)
    {
        if (passages.TryGetValue(chunk.ChunkId, out var known) && known.Text == chunk.Text && known.TitleText == chunk.Metadata.Title) return known;
        var language = AnalysisLanguage(chunk);
        var analyzedTitle = SearchAnalysis.Analyze(chunk.Metadata.Title, language);
        var titleTerms = analyzedTitle.Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        var spans = SentenceSplitter.Split(chunk.Text, MaxQuotedSentenceChars);
        var sentences = spans.Select(span => chunk.Text.Substring(span.Start, span.Length).Trim()).ToList();
        var analyzed = sentences.Select(s => SearchAnalysis.Analyze(s, language)).ToList();
        var terms = analyzed.Select(a => a.Select(t => t.Text).ToHashSet(StringComparer.Ordinal)).ToList();
        var passage = new Passage(chunk.Text, chunk.Metadata.Title, PassageTerms(chunk, language, spans, titleTerms, terms), analyzedTitle, titleTerms, sentences, analyzed, terms);
        passages[chunk.ChunkId] = passage;
        return passage;
    }

    /// <summary>
    /// The terms of the title and the whole chunk. Only whitespace lies between the sentences, and no word runs across
    /// whitespace nor does the analysis look past a word, so when every sentence is parted from the next by whitespace
    /// the sentences' terms are the chunk's. An overlong sentence cut inside a word («1,000» at its comma) is read whole.
    /// </summary>
    private static HashSet<string> PassageTerms(Chunk chunk, string language, IReadOnlyList<SentenceSpan> spans, HashSet<string> titleTerms, List<HashSet<string>> sentenceTerms)
    {
        if (!SentenceSplitter.PartedByWhitespace(spans)) return TermSet(chunk.Metadata.Title + "\n" + chunk.Text, language);
        var terms = new HashSet<string>(titleTerms, StringComparer.Ordinal);
        foreach (var sentence in sentenceTerms) terms.UnionWith(sentence);
        return terms;
    }

    /// <summary>Whether a sentence's term is one of the question's words, by term or by consonant skeleton.</summary>
    private static Func<string, bool> QuestionTermTest(QueryTermGroups groups)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        for (var g = 0; g < groups.Count; g++) terms.UnionWith(groups[g]);
        var skeletons = terms.Select(QueryTermGroups.Skeleton).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return term => terms.Contains(term) || (QueryTermGroups.Skeleton(term) is { } skeleton && skeletons.Contains(skeleton));
    }

    private static void Read(Candidate candidate, Func<string, bool> isQuestionTerm)
    {
        if (candidate.Passage is { } passage)
        {
            var line = passage.SentenceLine(candidate.Position);
            candidate.Reading = SentenceReading.Read(candidate.Sentence, line.Tokens, candidate.Analyzed, isQuestionTerm);
        }
        else candidate.Reading = SentenceReading.Read(candidate.Sentence, candidate.Analyzed, isQuestionTerm);
        var windowTokens = candidate.Passage?.WindowTokens(candidate.Position) ?? Text.Tokens.WordTokenizer.Tokenize(candidate.Window);
        candidate.Evidence = new EvidenceWindow(
            candidate.WindowTerms,
            Text.Numbers.NumberExpressions.Find(candidate.Window, windowTokens),
            Text.Dates.DateExpressions.Find(windowTokens),
            candidate.Chunk.Metadata.Published);
    }

    /// <summary>
    /// The best closely read sentence whose window states every number, year and date the question sets, keeps its head
    /// phrase together and, for a factoid, holds a span of the expected type near the question's words. The span's own
    /// strength decides among near-equal sentences.
    /// </summary>
    private Choice? Choose(QuestionAnalysis analysis, List<Candidate> candidates, double[] weights)
    {
        // Each head-phrase word weighs as much as the question word it is (the role's «الدفاع» more than its «الروسي»).
        var roleWeights = analysis.HeadPhrase
            .Select(word => Enumerable.Range(0, analysis.Words.Count).Where(g => analysis.Words[g].Overlaps(word.Terms)).Select(g => weights[g]).DefaultIfEmpty(1.0).Max())
            .ToList();
        if (EvidenceWindow.OfficeMostlyOtherwise(analysis, candidates.Where(c => c.Reading is not null).Select(c => c.Reading!)))
        {
            logger.LogDebug("Refusing: the evidence gives the question's person another office, seldom the one asked");
            return null;
        }
        Choice? best = null;
        var bestScore = double.MinValue;
        var eligible = new List<(Choice Choice, double Score)>();
        var corroborating = new List<(Choice Choice, double Score)>();
        var top = candidates[0].Score;
        var windowLines = new Dictionary<string, SentenceReading>(StringComparer.Ordinal);
        foreach (var candidate in candidates.Where(c => c.Reading is not null))
        {
            var unmet = candidate.Evidence!.Unmet(analysis.Constraints);
            if (unmet.Count > 0)
            {
                logger.LogDebug("Skipping «{Sentence}»: does not state {Unmet}", Short(candidate.Sentence), string.Join(", ", unmet));
                continue;
            }
            // «وهل يؤهله أداؤه لإحراز الكرة الذهبية في 2018؟»: a sentence the writer asks states nothing, whatever it names.
            if (analysis.IsFactoid && Asks(candidate.Sentence))
            {
                logger.LogDebug("Skipping «{Sentence}»: it asks rather than states", Short(candidate.Sentence));
                continue;
            }
            // A sentence whose window lacks the predicate cannot answer, but it can still state outright the day the
            // chosen sentence gives as a weekday (MorePrecise checks the two agree).
            var predicateHolds = EvidenceWindow.PredicateHolds(analysis, candidate.WindowTerms);
            if (!predicateHolds)
                logger.LogDebug("Not answering from «{Sentence}»: its window carries too few of {Predicate}", Short(candidate.Sentence), analysis.Predicate);
            if (analysis.Kind != QuestionKind.Who && !EvidenceWindow.KeepsTogether(candidate.Reading!, analysis.HeadPhrase))
            {
                logger.LogDebug("Skipping «{Sentence}»: the question's head phrase is split", Short(candidate.Sentence));
                continue;
            }
            if (!EvidenceWindow.OwnerIsComplement(analysis, candidate.Reading!))
            {
                logger.LogDebug("Skipping «{Sentence}»: the relation's noun belongs to another owner", Short(candidate.Sentence));
                continue;
            }
            if (!EvidenceWindow.OfficeHolds(analysis, candidate.Reading!, candidate.Window, windowLines))
            {
                logger.LogDebug("Skipping «{Sentence}»: it gives the question's person another office", Short(candidate.Sentence));
                continue;
            }
            if (!EvidenceWindow.AskedNounHolds(analysis, candidate.WindowTerms))
            {
                logger.LogDebug("Skipping «{Sentence}»: its window does not name the kind of thing asked for", Short(candidate.Sentence));
                continue;
            }
            AnswerSpan? span = null;
            if (analysis.IsFactoid)
            {
                span = AnswerSpanFinder.Find(candidate.Reading!, analysis, roleWeights, anywhere: candidate.QuotedBefore).FirstOrDefault();
                // Only "when was it published?" is answered by the publication date, and "when was that?" about a
                // quote that states no date; other factoids need their span.
                if (span is null && !analysis.AsksPublicationDate && !(candidate.QuotedBefore && analysis.ExpectedType == Core.Answering.AnswerType.Date))
                {
                    logger.LogDebug("Skipping «{Sentence}»: no {Type} near the question's words (any: {Spans})", Short(candidate.Sentence), analysis.ExpectedType,
                        string.Join(" | ", AnswerSpanFinder.Find(candidate.Reading!, analysis with { HeadPhrase = [] }, anywhere: true).Take(3).Select(x => x.Text)));
                    continue;
                }
            }
            // An English answer with no short answer to show is the quote alone (no offline rendering of an Arabic clause
            // is faithful): the quote must then name what the question asks about, not merely stand beside it.
            if (!analysis.IsFactoid && analysis.Language == Languages.English && !analysis.AsksPublicationDate && analysis.ExpectedType != Core.Answering.AnswerType.Date
                && AnswerPhrase.Find(candidate.Reading!, analysis) is null && !EvidenceWindow.QuoteNamesTheSubject(analysis, candidate.Analyzed.Select(t => t.Text).ToHashSet(StringComparer.Ordinal)))
            {
                logger.LogDebug("Skipping «{Sentence}»: no short answer, and the sentence names none of the question's names", Short(candidate.Sentence));
                continue;
            }
            // Coverage leads; a strong span (the expected type, after its preposition or title, near the question's words)
            // lifts a sentence over a slightly better-covering one with a weak span or none.
            var score = candidate.Score / top + (span is null ? 0 : SpanShare * Math.Min(span.Score, 3.0) / 3.0);
            if (!predicateHolds)
            {
                corroborating.Add((new Choice(candidate, span), score));
                continue;
            }
            eligible.Add((new Choice(candidate, span), score));
            if (score > bestScore) (best, bestScore) = (eligible[^1].Choice, score);
        }
        return best is { Span.Date: { } date } && (date.Resolve(best.Candidate.Chunk.Metadata.Published).Day is null || IsRelative(date))
            ? MorePrecise(best, [.. eligible, .. corroborating]) : best;
    }

    /// <summary>A sentence ending in a question mark, inside closing quotes or brackets too.</summary>
    internal static bool Asks(string sentence) => sentence.TrimEnd(' ', '"', '»', '”', ')', '.') is { Length: > 0 } end && end[^1] is '؟' or '?';

    /// <summary>«الأربعاء», «أمس»: a date the reader works out from the publication date rather than one the text states.</summary>
    private static bool IsRelative(Text.Dates.DateMention date) =>
        date.Month is null && (date.Weekday is not null || date.DaysBack is not null || date.MonthsBack is not null || date.YearsBack is not null);

    /// <summary>
    /// "In September" answers "when?" less well than "on 13 September": when another qualifying sentence states a day
    /// that agrees with the best sentence's month (or year), the answer is that day, quoted from there. Likewise
    /// «الأربعاء» is the event's date only by way of the publication date: a sentence stating that same day outright
    /// («13 سبتمبر») is the better answer and the better quote.
    /// </summary>
    private static Choice MorePrecise(Choice best, List<(Choice Choice, double Score)> eligible)
    {
        var coarse = best.Span!.Date!.Resolve(best.Candidate.Chunk.Metadata.Published);
        return eligible
            .Where(e => e.Choice.Span?.Date is { } stated && (!IsRelative(stated) || !IsRelative(best.Span.Date))
                        && stated.Resolve(e.Choice.Candidate.Chunk.Metadata.Published) is { Day: not null } day && Agrees(coarse, day))
            .OrderByDescending(e => !IsRelative(e.Choice.Span!.Date!))
            .ThenByDescending(e => e.Score)
            .Select(e => e.Choice)
            .FirstOrDefault() ?? best;

        static bool Agrees(Text.Dates.DateMention coarse, Text.Dates.DateMention day) =>
            (coarse.Day is null || coarse.Day == day.Day) && (coarse.Month is null || coarse.Month == day.Month) && (coarse.Year is null || day.Year is null || coarse.Year == day.Year) && (coarse.Month ?? coarse.Year) is not null;
    }

    private static string Short(string sentence) => sentence.Length > 100 ? sentence[..100] + "…" : sentence;

    private IEnumerable<Candidate> Supporting(Candidate first, Reading read, QuestionAnalysis analysis)
    {
        var (candidates, weights) = (read.Candidates, read.Weights);
        var covered = first.Matched.Select(m => m > 0).ToArray();
        var keyGroup = Enumerable.Range(0, weights.Length).Where(i => first.Matched[i] > 0).DefaultIfEmpty(0).MaxBy(i => weights[i]);
        var count = 1;
        foreach (var candidate in candidates)
        {
            if (count >= Math.Max(1, _options.MaxSentences)) yield break;
            if (candidate == first || candidate.Sentence == first.Sentence) continue;
            if (candidate.Evidence is { } evidence && evidence.Unmet(analysis.Constraints).Count > 0) continue;
            if (candidate.Evidence is null && analysis.Constraints.Count > 0) continue;
            if (!Supports(candidate, first, covered, keyGroup, weights)) continue;
            for (var i = 0; i < covered.Length; i++) covered[i] |= candidate.Matched[i] > 0;
            count++;
            yield return candidate;
        }
    }

    /// <summary>
    /// A further quote must be nearly as strong as the best one and either share its most telling word (the verb or
    /// name that pinned the answer) or bring a new word at least as telling. A sentence that merely repeats the
    /// question's names would otherwise add a second, irrelevant citation.
    /// </summary>
    private static bool Supports(Candidate candidate, Candidate best, bool[] covered, int keyGroup, double[] weights)
    {
        if (candidate.Score < best.Score * SupportingSentenceRatio) return false;
        var newWords = Enumerable.Range(0, weights.Length).Where(i => candidate.Matched[i] > 0 && !covered[i]).ToList();
        if (newWords.Count == 0) return false;
        return candidate.Matched[keyGroup] > 0 || newWords.Any(i => weights[i] >= weights[keyGroup]);
    }

    private Answer Compose(QuestionAnalysis analysis, List<Candidate> evidence, AnswerSpan? span, List<RetrievedRef> retrieved)
    {
        var language = analysis.Language;
        var (numbers, citations) = Cite(evidence);
        var first = evidence[0].Chunk.Metadata;
        string? shortAnswer = null;
        string lead;
        if (span is not null)
        {
            (shortAnswer, _) = shortAnswers.Write(span, language, first.Published, analysis.Question);
            lead = $"{shortAnswer} [1]";
        }
        else if (analysis.AsksPublicationDate)
        {
            shortAnswer = first.Published is { } published ? shortAnswers.WriteDate(published, language) : null;
            lead = AnswerTexts.PublishedLead(language, 1, first.Source, first.Published);
        }
        else if (analysis.ExpectedType == Core.Answering.AnswerType.Date)
            lead = AnswerTexts.UndatedEventLead(language, 1, first.Source, first.Published);
        // A what-question is answered by the thing asked (the object of its verb, a quoted title), a why-question by
        // its reason, both short; English renders them only where every word has a rendering it trusts.
        // The best-scoring quote may hold the question's words without its answer (a title, «ألغيت المباراة»); a quote of
        // the same article after it may say why («ألغيت بسبب التهديدات»): the first quote of that article with an answer gives it.
        else if (evidence.Where(c => c.Chunk.ArticleId == evidence[0].Chunk.ArticleId)
                     .Select(c => c.Reading is { } reading ? AnswerPhrase.Find(reading, analysis) : null).FirstOrDefault(p => p is not null) is { } phrase)
        {
            (shortAnswer, _) = shortAnswers.Write(phrase, language, analysis.Question);
            lead = $"{shortAnswer} [1]";
        }
        // An English what-question naming the kind of thing asked ("what agreement…") with no verb's object in the
        // quote takes that noun and its qualifiers («اتفاقية الشراكة الاستراتيجية الشاملة»), only where they render
        // in English: an Arabic phrase this unsure is no answer to put before the quote.
        else if (language == Languages.English && analysis.Kind == QuestionKind.What && analysis.NamedNoun is null
                 && evidence[0].Reading is { } nounReading && AnswerPhrase.AskedNounPhrase(nounReading, analysis) is { } named
                 && shortAnswers.Write(named, language, analysis.Question) is { Rendered: true } rendered)
        {
            shortAnswer = rendered.Text;
            lead = $"{shortAnswer} [1]";
        }
        // Otherwise a clause answers what-did-they-say questions; an English question keeps the quote alone, as no
        // offline rendering of an Arabic clause would be faithful (measured: the clause's new words rendered word by
        // word read "Anne account clearest", "Production abundant American").
        else if (language == Languages.Arabic && evidence[0].Reading is { } reading && AnswerClause.Find(reading, analysis.Kind, analysis.NamedNoun) is { } clause)
        {
            shortAnswer = clause;
            lead = $"{clause} [1]";
        }
        else lead = language == Languages.English ? AnswerTexts.SourcesLead(first.Language, 1) : "";

        var quotes = Quotes(evidence, numbers, language);
        var text = lead.Length == 0 ? quotes : lead + "\n" + quotes;
        return new Answer
        {
            Question = analysis.Question,
            Language = language,
            Text = text.Trim(),
            Refused = false,
            Citations = citations,
            Retrieved = retrieved,
            Answerer = Name,
            Kind = analysis.Kind,
            ShortAnswer = shortAnswer,
        };
    }

    private Answer ComposeClaim(QuestionAnalysis analysis, ClaimJudgement judged, List<RetrievedRef> retrieved)
    {
        var evidence = new List<Candidate> { judged.Evidence };
        var (numbers, citations) = Cite(evidence);
        string? stated = null;
        if (judged.Stated is { } span) (stated, _) = shortAnswers.Write(span, analysis.Language, judged.Evidence.Chunk.Metadata.Published, analysis.Question);
        var lead = AnswerTexts.Verdict(analysis.Language, judged.Verdict, analysis.IsYesNo, stated, judged.Claimed, judged.StatedByPublication);
        return new Answer
        {
            Question = analysis.Question,
            Language = analysis.Language,
            Text = $"{lead} [1]\n{Quotes(evidence, numbers, analysis.Language)}".Trim(),
            Refused = false,
            Citations = citations,
            Retrieved = retrieved,
            Answerer = Name,
            Kind = analysis.Kind,
            Verdict = judged.Verdict,
            ShortAnswer = stated,
        };
    }

    /// <summary>Numbers articles in order of first use; quotes from one article share its number.</summary>
    private static (Dictionary<string, int> Numbers, List<Citation> Citations) Cite(List<Candidate> evidence)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var quotes = new Dictionary<string, List<Candidate>>(StringComparer.Ordinal);
        foreach (var c in evidence)
        {
            if (!numbers.ContainsKey(c.Chunk.ArticleId)) numbers[c.Chunk.ArticleId] = numbers.Count + 1;
            (quotes.TryGetValue(c.Chunk.ArticleId, out var list) ? list : quotes[c.Chunk.ArticleId] = []).Add(c);
        }
        var citations = numbers.Select(pair =>
        {
            var used = quotes[pair.Key].OrderBy(q => q.Chunk.Ordinal).ThenBy(q => q.Position).ToList();
            var meta = used[0].Chunk.Metadata;
            return new Citation(pair.Value, meta.ArticleId, meta.Title, meta.Source, meta.Published,
                string.Join(" … ", used.Select(q => q.Sentence)), used[0].Chunk.ChunkId, meta.Url);
        }).ToList();
        return (numbers, citations);
    }

    /// <summary>The quotes, by article and in reading order within one; English answers label them as the original text.</summary>
    private static string Quotes(List<Candidate> evidence, Dictionary<string, int> numbers, string language)
    {
        var text = new System.Text.StringBuilder();
        if (language == Languages.English) text.Append(AnswerTexts.OriginalTextLabel(evidence[0].Chunk.Metadata.Language)).Append(' ');
        foreach (var group in evidence.GroupBy(c => c.Chunk.ArticleId).OrderBy(g => numbers[g.Key]))
            foreach (var c in group.OrderBy(q => q.Chunk.Ordinal).ThenBy(q => q.Position))
                text.Append(language == Languages.English ? $"“{c.Sentence}” [{numbers[group.Key]}] " : $"{c.Sentence} [{numbers[group.Key]}] ");
        return text.ToString().Trim();
    }

    internal static string AnalysisLanguage(Chunk chunk) =>
        chunk.Metadata.Language == Languages.English ? Languages.English : Languages.Arabic;

    internal static HashSet<string> TermSet(string text, string language) =>
        new(SearchAnalysis.Terms(text, language), StringComparer.Ordinal);

    private static string FormatRange(DateRange range) =>
        $"{range.From:yyyy-MM-dd} – {range.To:yyyy-MM-dd}";
}
