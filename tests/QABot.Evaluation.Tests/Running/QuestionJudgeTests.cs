using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Evaluation.Datasets;
using QABot.Evaluation.Running;

namespace QABot.Evaluation.Tests.Running;

[Trait("Category", "Eval")]
public sealed class QuestionJudgeTests
{
    private static readonly EvalQuestion Question = new()
    {
        Id = "q", Text = "ماذا أهدى بوتين لكيم؟", Language = "ar", Group = "ar",
        GoldArticleIds = ["004"], GoldAnswers = ["بندقية"], AnswerKeywords = ["بندقية"], JudgesDate = true, ExpectedDate = new DateOnly(2023, 9, 14),
    };

    private static ScoredChunk Hit(string articleId, double score) =>
        new(new Chunk($"{articleId}:0", 0, "text", 0, new ArticleMetadata(articleId, "t", null, null, null, "ar")), score);

    private static Answer Answered(string text, params Citation[] citations) =>
        new() { Question = Question.Text, Language = "ar", Text = text, Refused = false, Citations = citations };

    [Fact]
    public void A_correct_cited_answer_scores_full_marks()
    {
        var citation = new Citation(1, "004", "t", "s", new DateTimeOffset(2023, 9, 14, 0, 0, 0, TimeSpan.Zero), "q");
        var result = QuestionJudge.Judge(Question, [Hit("002", 3), Hit("004", 5), Hit("004", 1)], Answered("بندقية", citation), 2, 20);

        Assert.Equal(["004", "002"], result.Ranked);
        Assert.Equal(1, result.ExactMatch);
        Assert.Equal(1, result.TokenF1);
        Assert.Equal(1, result.KeywordRecall);
        Assert.Equal(1, result.CitationPrecision);
        Assert.True(result.DateCorrect);
        Assert.Equal([new CitedArticle("004", "2023-09-14")], result.Cited);
    }

    [Fact]
    public void Refusing_an_answerable_question_scores_zero_on_the_answer_metrics()
    {
        var refusal = new Answer { Question = Question.Text, Language = "ar", Text = "غير موجود في المقالات المتاحة", Refused = true };
        var result = QuestionJudge.Judge(Question, [Hit("004", 5)], refusal, 2, 20);

        Assert.Equal(0, result.ExactMatch);
        Assert.Equal(0, result.TokenF1);
        Assert.Equal(0, result.KeywordRecall);
        Assert.Null(result.CitationPrecision);   // nothing cited: judged by refusal accuracy instead
        Assert.Null(result.DateCorrect);
    }

    [Fact]
    public void Citing_the_wrong_article_with_a_wrong_date_is_caught()
    {
        var wrong = new Citation(1, "002", "t", "s", new DateTimeOffset(2023, 9, 18, 0, 0, 0, TimeSpan.Zero), "q");
        var borrowed = new Citation(2, "004", "t", "s", new DateTimeOffset(2023, 10, 12, 0, 0, 0, TimeSpan.Zero), "q");
        var result = QuestionJudge.Judge(Question, [Hit("002", 5)], Answered("قفاز", wrong, borrowed), 2, 20);

        Assert.Equal(0.5, result.CitationPrecision);
        Assert.False(result.DateCorrect);
        Assert.Equal(0, result.TokenF1);
    }
}
