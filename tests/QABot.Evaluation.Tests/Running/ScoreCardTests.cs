using QABot.Evaluation.Running;

namespace QABot.Evaluation.Tests.Running;

[Trait("Category", "Eval")]
public sealed class ScoreCardTests
{
    private static QuestionResult Result(string id, string[] gold, string[] ranked, bool shouldRefuse = false, bool refused = false,
        double? f1 = null, double? citation = null, bool? date = null, double searchMs = 1, double answerMs = 10) => new()
    {
        Id = id, Group = "g", Question = id, Language = "ar", Answer = "", GoldArticleIds = gold, Ranked = ranked,
        ShouldRefuse = shouldRefuse, Refused = refused, TokenF1 = f1, CitationPrecision = citation, DateCorrect = date,
        SearchMs = searchMs, AnswerMs = answerMs,
    };

    [Fact]
    public void Aggregates_match_hand_computed_means()
    {
        var card = ScoreCard.Score("g",
        [
            Result("q1", ["a"], ["a", "b"], f1: 1.0, citation: 1.0, date: true, answerMs: 10),
            Result("q2", ["a"], ["b", "c", "a"], f1: 0.5, citation: 0.5, date: false, answerMs: 20),
            Result("q3", [], [], shouldRefuse: true, refused: true, answerMs: 30),
            Result("q4", [], ["x"], shouldRefuse: true, refused: false, answerMs: 40),
        ]);

        Assert.Equal(4, card.Questions);
        // Retrieval is scored on the two questions with gold only: ranks 1 and 3.
        Assert.Equal(2, card.Retrieval!.Scored);
        Assert.Equal(0.5, card.Retrieval.RecallAt1, 10);
        Assert.Equal(1.0, card.Retrieval.RecallAt5, 10);
        Assert.Equal((1 + 1.0 / 3) / 2, card.Retrieval.Mrr10, 10);
        Assert.Equal([0.5, 0.5, 1, 1, 1, 1, 1, 1, 1, 1], card.Retrieval.RecallCurve);
        Assert.Equal(0.75, card.Answers.TokenF1!.Value, 10);
        Assert.Equal(0.75, card.Answers.CitationPrecision!.Value, 10);
        Assert.Equal(0.5, card.Answers.DateCorrectness!.Value, 10);
        Assert.Equal(2, card.Answers.DateScored);
        // Right decisions: q1, q2 answered (should), q3 refused (should); q4 answered but should refuse → 3/4.
        Assert.Equal(0.75, card.Answers.RefusalAccuracy, 10);
        Assert.Equal(1, card.Answers.Refused);
        Assert.Equal(25, card.Latency.AnswerP50Ms, 10);
        Assert.Equal(38.5, card.Latency.AnswerP95Ms, 10);   // rank 2.85 → 30 + 0.85·10
    }

    [Fact]
    public void A_group_of_unanswerable_questions_has_no_retrieval_or_answer_text_scores()
    {
        var card = ScoreCard.Score("g", [Result("q", [], ["x"], shouldRefuse: true, refused: true)]);
        Assert.Null(card.Retrieval);
        Assert.Null(card.Answers.TokenF1);
        Assert.Equal(1.0, card.Answers.RefusalAccuracy);
    }
}
