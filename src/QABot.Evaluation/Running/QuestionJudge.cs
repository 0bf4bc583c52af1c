using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Evaluation.Datasets;
using QABot.Evaluation.Metrics;

namespace QABot.Evaluation.Running;

/// <summary>Scores one answer against its question: which metrics apply follows from what the dataset states.</summary>
public static class QuestionJudge
{
    public static QuestionResult Judge(EvalQuestion question, IReadOnlyList<ScoredChunk> hits, Answer answer, double searchMs, double answerMs)
    {
        var gold = question.GoldArticleIds.ToHashSet(StringComparer.Ordinal);
        var ranked = RankedIds.Collapse(hits.Select(h => (h.Chunk.ArticleId, h.Score)), gold).Take(ScoreCard.MaxK).ToList();
        var cited = answer.Refused ? [] : answer.Citations;
        var answerable = !question.ShouldRefuse;
        // A refusal to an answerable question scores 0 on the answer metrics rather than dropping out of them.
        var prediction = answer.Refused ? "" : answer.Text;

        return new QuestionResult
        {
            Id = question.Id,
            Group = question.Group,
            Question = question.Text,
            Language = question.Language,
            ShouldRefuse = question.ShouldRefuse,
            Refused = answer.Refused,
            Answer = answer.Text,
            Answerer = answer.Answerer,
            GoldArticleIds = question.GoldArticleIds,
            Ranked = ranked,
            Cited = cited.Select(c => new CitedArticle(c.ArticleId, c.PublishedDate)).ToList(),
            ExactMatch = answerable && question.GoldAnswers.Count > 0 ? (AnswerMetrics.BestExactMatch(prediction, question.GoldAnswers) ? 1 : 0) : null,
            TokenF1 = answerable && question.GoldAnswers.Count > 0 ? AnswerMetrics.BestTokenF1(prediction, question.GoldAnswers) : null,
            KeywordRecall = answerable && question.AnswerKeywords.Count > 0 ? AnswerMetrics.KeywordRecall(prediction, question.AnswerKeywords) : null,
            CitationPrecision = answerable ? CitationMetrics.Precision(cited.Select(c => c.ArticleId).ToList(), gold) : null,
            DateCorrect = answerable && question.JudgesDate ? CitationMetrics.DateCorrect(cited, gold, question.ExpectedDate) : null,
            SearchMs = searchMs,
            AnswerMs = answerMs,
        };
    }
}
