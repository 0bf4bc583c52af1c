using QABot.Evaluation.Metrics;

namespace QABot.Evaluation.Running;

/// <summary>The aggregate scores of a group of questions; every mean is over the questions the metric applies to (counted alongside).</summary>
public sealed record ScoreCard
{
    public const int MaxK = 10;

    public required string Group { get; init; }
    public int Questions { get; init; }
    public RetrievalScores? Retrieval { get; init; }
    public required AnswerScores Answers { get; init; }
    public required LatencyScores Latency { get; init; }

    public static ScoreCard Score(string group, IReadOnlyList<QuestionResult> results)
    {
        if (results.Count == 0) throw new ArgumentException("No questions to score.", nameof(results));
        return new ScoreCard
        {
            Group = group,
            Questions = results.Count,
            Retrieval = ScoreRetrieval(results),
            Answers = ScoreAnswers(results),
            Latency = new LatencyScores(
                Percentiles.Of(results.Select(r => r.SearchMs).ToList(), 50),
                Percentiles.Of(results.Select(r => r.SearchMs).ToList(), 95),
                Percentiles.Of(results.Select(r => r.AnswerMs).ToList(), 50),
                Percentiles.Of(results.Select(r => r.AnswerMs).ToList(), 95)),
        };
    }

    private static RetrievalScores? ScoreRetrieval(IReadOnlyList<QuestionResult> results)
    {
        var scored = results.Where(r => r.GoldArticleIds.Count > 0).ToList();
        if (scored.Count == 0) return null;
        var golds = scored.Select(r => (IReadOnlySet<string>)r.GoldArticleIds.ToHashSet(StringComparer.Ordinal)).ToList();
        double Mean(Func<QuestionResult, IReadOnlySet<string>, double> metric) => scored.Select((r, i) => metric(r, golds[i])).Average();
        var curve = Enumerable.Range(1, MaxK).Select(k => Mean((r, g) => RankingMetrics.RecallAtK(r.Ranked, g, k))).ToList();
        return new RetrievalScores(
            scored.Count,
            curve[0], curve[4], curve[9],
            Mean((r, g) => RankingMetrics.ReciprocalRank(r.Ranked, g, MaxK)),
            Mean((r, g) => RankingMetrics.NdcgAtK(r.Ranked, g, MaxK)),
            curve);
    }

    private static AnswerScores ScoreAnswers(IReadOnlyList<QuestionResult> results)
    {
        static (double? Mean, int Count) MeanOf(IEnumerable<double?> values)
        {
            var present = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
            return (present.Count == 0 ? null : present.Average(), present.Count);
        }
        var em = MeanOf(results.Select(r => r.ExactMatch));
        var f1 = MeanOf(results.Select(r => r.TokenF1));
        var keywords = MeanOf(results.Select(r => r.KeywordRecall));
        var citations = MeanOf(results.Select(r => r.CitationPrecision));
        var dates = MeanOf(results.Select(r => r.DateCorrect is { } d ? (d ? 1.0 : 0.0) : (double?)null));
        return new AnswerScores(
            Answered: results.Count(r => !r.Refused),
            Refused: results.Count(r => r.Refused),
            RefusalAccuracy: results.Average(r => CitationMetrics.RefusalCorrect(r.ShouldRefuse, r.Refused) ? 1.0 : 0.0),
            ExactMatch: em.Mean, TokenF1: f1.Mean, SpanScored: f1.Count,
            KeywordRecall: keywords.Mean, KeywordScored: keywords.Count,
            CitationPrecision: citations.Mean, CitationScored: citations.Count,
            DateCorrectness: dates.Mean, DateScored: dates.Count);
    }
}

/// <param name="RecallCurve">Mean recall@k for k = 1..10.</param>
public sealed record RetrievalScores(int Scored, double RecallAt1, double RecallAt5, double RecallAt10, double Mrr10, double Ndcg10, IReadOnlyList<double> RecallCurve);

/// <param name="RefusalAccuracy">Share of questions where the bot answered or refused as it should.</param>
public sealed record AnswerScores(
    int Answered, int Refused, double RefusalAccuracy,
    double? ExactMatch, double? TokenF1, int SpanScored,
    double? KeywordRecall, int KeywordScored,
    double? CitationPrecision, int CitationScored,
    double? DateCorrectness, int DateScored);

public sealed record LatencyScores(double SearchP50Ms, double SearchP95Ms, double AnswerP50Ms, double AnswerP95Ms);
