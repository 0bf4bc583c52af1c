using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QABot.Answering.Conversations;
using QABot.Answering.Formatting;
using QABot.Answering.TimeScope;
using QABot.Core.Answering;
using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Text;
using QABot.Text.Analysis;

namespace QABot.Answering.Extractive;

/// <summary>
/// The default, model-free answerer: retrieves chunks, quotes the sentences that best cover the question's content words,
/// cites each quoted article as [n] with metadata taken from the index, and refuses when even the best evidence covers
/// too little of the question. It never cites an article it did not quote.
/// </summary>
public sealed class ExtractiveAnswerer(
    IQueryPlanner planner,
    IArticleIndex index,
    IConversationStore conversations,
    IOptions<AnsweringOptions> options,
    TimeProvider time,
    ILogger<ExtractiveAnswerer> logger) : IAnswerer
{
    public const string Name = "extractive";
    /// <summary>A quote longer than this is cut at a clause boundary: run-on news sentences would otherwise swamp the answer.</summary>
    private const int MaxQuotedSentenceChars = 400;
    private const double SupportingSentenceRatio = 0.7;
    private readonly AnsweringOptions _options = options.Value;

    public async Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken = default)
    {
        var question = request.Question.Trim();
        var language = LanguageDetector.Detect(question);
        var history = request.ConversationId is { } id ? await conversations.GetAsync(id, cancellationToken) : [];
        var previous = history.Count > 0 ? history[^1] : null;
        var followUp = previous is not null && FollowUpDetector.IsFollowUp(question, language);

        // A follow-up is searched together with the question it follows, so "and when was that?" finds the same article.
        var searchText = followUp ? previous!.Question + "\n" + question : question;
        var scope = TimeScopeExtractor.Extract(question, request.Now ?? time.GetUtcNow());
        var plan = await planner.PlanAsync(searchText, Math.Max(1, request.Top), scope?.Range, cancellationToken);
        var hits = await index.SearchAsync(plan, cancellationToken);
        if (followUp && previous!.CitedArticleIds.Count > 0)
            hits = [.. hits.OrderByDescending(h => previous.CitedArticleIds.Contains(h.Chunk.ArticleId))];

        var retrieved = hits.Select(h => new RetrievedRef(h.Chunk.ArticleId, h.Chunk.ChunkId, Math.Round(h.Score, 4))).ToList();
        // The publication window is applied as a filter; its words ("September 2023") are not in article bodies.
        var evidenceText = scope is null ? searchText : TimeScopeExtractor.Without(searchText, scope);
        var groups = await QueryTermGroups.BuildAsync(evidenceText, language, planner, cancellationToken);
        var evidence = SelectEvidence(hits, groups, followUp);

        Answer answer;
        if (evidence is null)
        {
            logger.LogDebug("Refusing: best evidence below coverage {Threshold}", _options.MinEvidenceCoverage);
            var text = scope is not null && hits.Count == 0
                ? AnswerTexts.NotFoundInPeriod(language, FormatRange(scope.Range))
                : AnswerTexts.NotFound(language);
            answer = new Answer { Question = question, Language = language, Text = text, Refused = true, Retrieved = retrieved, Answerer = Name };
        }
        else
        {
            answer = Compose(question, language, evidence, retrieved);
        }

        if (request.ConversationId is { } conversationId)
            await conversations.AppendAsync(conversationId, new ConversationTurn(question, answer.Text,
                answer.Citations.Select(c => c.ArticleId).ToList(), time.GetUtcNow()), cancellationToken);
        return answer;
    }

    private sealed record Candidate(Chunk Chunk, int Rank, string Sentence, int Position, bool[] Matched, double Score);

    private List<Candidate>? SelectEvidence(IReadOnlyList<ScoredChunk> hits, QueryTermGroups groups, bool followUp)
    {
        if (hits.Count == 0 || groups.Count == 0) return null;

        var evidenceHits = hits.Take(Math.Max(1, _options.EvidenceChunks)).ToList();
        var passageTerms = evidenceHits.Select(h => (IReadOnlySet<string>)TermSet(h.Chunk.Metadata.Title + "\n" + h.Chunk.Text, AnalysisLanguage(h.Chunk))).ToList();
        var weights = groups.WeightsOver(passageTerms);

        var candidates = new List<Candidate>();
        var bestCoverage = 0.0;
        for (var rank = 0; rank < evidenceHits.Count; rank++)
        {
            var chunk = evidenceHits[rank].Chunk;
            bestCoverage = Math.Max(bestCoverage, groups.Coverage(passageTerms[rank], weights));

            var position = 0;
            foreach (var span in SentenceSplitter.Split(chunk.Text, MaxQuotedSentenceChars))
            {
                var sentence = chunk.Text.Substring(span.Start, span.Length);
                var matched = groups.Matches(TermSet(sentence, AnalysisLanguage(chunk)));
                var weight = QueryTermGroups.Weighted(matched, weights);
                // Sentences matching the more telling question words win; rank and position only break near-ties.
                var score = weight + 0.2 / (rank + 1) + 0.05 / (position + 1);
                if (weight > 0) candidates.Add(new Candidate(chunk, rank, sentence.Trim(), position, matched, score));
                position++;
            }
        }

        // A follow-up's own words are few ("when was that?"); the previous question's words were searched with it.
        var threshold = followUp ? _options.MinEvidenceCoverage * 0.75 : _options.MinEvidenceCoverage;
        logger.LogDebug("Evidence coverage {Coverage:0.000} (threshold {Threshold:0.000}) over question words {Groups} weighted {Weights}", bestCoverage, threshold, groups, string.Join(",", weights.Select(w => w.ToString("0.00"))));
        if (bestCoverage < threshold || candidates.Count == 0) return null;

        var chosen = new List<Candidate>();
        var covered = new bool[groups.Count];
        var keyGroup = -1;
        foreach (var candidate in candidates.OrderByDescending(c => c.Score))
        {
            if (chosen.Count >= Math.Max(1, _options.MaxSentences)) break;
            if (chosen.Any(c => c.Sentence == candidate.Sentence)) continue;
            if (chosen.Count > 0 && !Supports(candidate, chosen[0], covered, keyGroup, weights)) continue;
            chosen.Add(candidate);
            if (keyGroup < 0) keyGroup = Enumerable.Range(0, weights.Length).Where(i => candidate.Matched[i]).MaxBy(i => weights[i]);
            for (var i = 0; i < covered.Length; i++) covered[i] |= candidate.Matched[i];
        }
        return chosen;
    }

    /// <summary>
    /// A further quote must be nearly as strong as the best one and either share its most telling word (the verb or
    /// name that pinned the answer) or bring a new word at least as telling. A sentence that merely repeats the
    /// question's names would otherwise add a second, irrelevant citation.
    /// </summary>
    private static bool Supports(Candidate candidate, Candidate best, bool[] covered, int keyGroup, double[] weights)
    {
        if (candidate.Score < best.Score * SupportingSentenceRatio) return false;
        var newWords = Enumerable.Range(0, weights.Length).Where(i => candidate.Matched[i] && !covered[i]).ToList();
        if (newWords.Count == 0) return false;
        return candidate.Matched[keyGroup] || newWords.Any(i => weights[i] >= weights[keyGroup]);
    }

    private Answer Compose(string question, string language, List<Candidate> evidence, List<RetrievedRef> retrieved)
    {
        // Number articles in order of first use; quotes from one article share its number.
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var quotes = new Dictionary<string, List<Candidate>>(StringComparer.Ordinal);
        foreach (var c in evidence)
        {
            if (!numbers.ContainsKey(c.Chunk.ArticleId)) numbers[c.Chunk.ArticleId] = numbers.Count + 1;
            (quotes.TryGetValue(c.Chunk.ArticleId, out var list) ? list : quotes[c.Chunk.ArticleId] = []).Add(c);
        }

        var text = new StringBuilder();
        var first = evidence[0].Chunk.Metadata;
        if (WhenQuestion.AsksWhen(question, language))
            text.Append(AnswerTexts.PublishedLead(language, 1, first.Source, first.Published)).Append(' ');
        if (language == Languages.English) text.Append(AnswerTexts.EnglishQuoteFrame).Append(' ');
        // Within one article, quote in reading order so the excerpt reads naturally.
        foreach (var articleId in numbers.Keys)
            foreach (var c in quotes[articleId].OrderBy(q => q.Chunk.Ordinal).ThenBy(q => q.Position))
                text.Append(language == Languages.English ? $"“{c.Sentence}” [{numbers[articleId]}] " : $"{c.Sentence} [{numbers[articleId]}] ");

        var citations = numbers.Select(pair =>
        {
            var used = quotes[pair.Key].OrderBy(q => q.Chunk.Ordinal).ThenBy(q => q.Position).ToList();
            var meta = used[0].Chunk.Metadata;
            return new Citation(pair.Value, meta.ArticleId, meta.Title, meta.Source, meta.Published,
                string.Join(" … ", used.Select(q => q.Sentence)), used[0].Chunk.ChunkId, meta.Url);
        }).ToList();

        return new Answer
        {
            Question = question,
            Language = language,
            Text = text.ToString().Trim(),
            Refused = false,
            Citations = citations,
            Retrieved = retrieved,
            Answerer = Name,
        };
    }

    private static string AnalysisLanguage(Chunk chunk) =>
        chunk.Metadata.Language == Languages.English ? Languages.English : Languages.Arabic;

    private static HashSet<string> TermSet(string text, string language) =>
        new(SearchAnalysis.Terms(text, language), StringComparer.Ordinal);

    private static string FormatRange(DateRange range) =>
        $"{range.From:yyyy-MM-dd} – {range.To:yyyy-MM-dd}";
}
