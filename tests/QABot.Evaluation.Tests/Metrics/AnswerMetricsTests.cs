using QABot.Evaluation.Metrics;

namespace QABot.Evaluation.Tests.Metrics;

[Trait("Category", "Eval")]
public sealed class AnswerMetricsTests
{
    [Theory]
    [InlineData("The Denver Broncos!", "denver broncos")]          // English case, punctuation and article
    [InlineData("  A   rifle. ", "Rifle")]
    [InlineData("«بندقيةً»", "بندقية")]                            // Arabic quotes and tanween
    [InlineData("أهدى", "اهدى")]                                   // hamza on alef
    [InlineData("الرئيس بوتين", "رئيس بوتين")]                    // Arabic article
    [InlineData("١٢ سبتمبر", "12 سبتمبر")]                        // Arabic-Indic digits
    public void Exact_match_ignores_case_punctuation_articles_and_Arabic_letter_shapes(string prediction, string gold)
    {
        Assert.True(AnswerMetrics.ExactMatch(prediction, gold));
    }

    [Theory]
    [InlineData("Denver Broncos", "Carolina Panthers")]
    [InlineData("بندقية", "قفاز")]
    [InlineData("308 points", "308")]
    public void Exact_match_fails_on_different_answers(string prediction, string gold)
    {
        Assert.False(AnswerMetrics.ExactMatch(prediction, gold));
    }

    [Fact]
    public void Token_f1_matches_a_hand_computed_English_value()
    {
        // prediction tokens: denver broncos won (3); gold: denver broncos (2); common 2
        // precision 2/3, recall 1 → F1 = 2·(2/3)·1 / (2/3 + 1) = 0.8
        Assert.Equal(0.8, AnswerMetrics.TokenF1("The Denver Broncos won.", "Denver Broncos"), 10);
    }

    [Fact]
    public void Token_f1_normalizes_Arabic_before_counting()
    {
        // prediction: «أهدى بوتين كيم بندقيةً» → اهدي بوتين كيم بندقيه (4 tokens)
        // gold: «بندقية» → بندقيه (1 token); common 1 → P = 1/4, R = 1 → F1 = 0.4
        Assert.Equal(0.4, AnswerMetrics.TokenF1("أهدى بوتين كيم بندقيةً", "بندقية"), 10);
    }

    [Fact]
    public void Token_f1_counts_repeated_tokens_as_a_bag()
    {
        // "x y y" vs "y z": only one "y" is shared → P = 1/3, R = 1/2 → F1 = 2·(1/6)/(5/6) = 0.4
        Assert.Equal(0.4, AnswerMetrics.TokenF1("x y y", "y z"), 10);
        Assert.Equal(0, AnswerMetrics.TokenF1("x", "y"));
    }

    [Fact]
    public void The_best_gold_answer_counts()
    {
        Assert.Equal(1.0, AnswerMetrics.BestTokenF1("308", ["three hundred eight", "308"]), 10);
        Assert.True(AnswerMetrics.BestExactMatch("308", ["three hundred eight", "308"]));
        Assert.False(AnswerMetrics.BestExactMatch("", ["308"]));
        Assert.Equal(0, AnswerMetrics.BestTokenF1("", ["308"]));
    }

    [Fact]
    public void Keyword_recall_counts_keywords_found_as_whole_tokens_with_alternatives()
    {
        const string answer = "أهدى بوتين كيم بندقية وقفازاً من بزة فضائية.";
        // «بندقية» found; «rifle|قفاز» → «قفاز» is not a whole token («وقفازا»), rifle absent; «فضائية» found → 2/3
        Assert.Equal(2.0 / 3, AnswerMetrics.KeywordRecall(answer, ["بندقية", "rifle|قفاز", "فضائيه"]), 10);
        Assert.Equal(1.0, AnswerMetrics.KeywordRecall("He gave a RIFLE.", ["بندقية|rifle"]), 10);
        Assert.Equal(0.0, AnswerMetrics.KeywordRecall("", ["بندقية"]), 10);
    }

    [Fact]
    public void Multi_word_keywords_must_appear_in_order()
    {
        Assert.Equal(1.0, AnswerMetrics.KeywordRecall("met at the Vostochny cosmodrome", ["Vostochny cosmodrome"]));
        Assert.Equal(0.0, AnswerMetrics.KeywordRecall("cosmodrome named Vostochny", ["Vostochny cosmodrome"]));
    }
}
