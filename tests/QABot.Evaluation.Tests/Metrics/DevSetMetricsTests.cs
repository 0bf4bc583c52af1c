using QABot.Core.Domain;
using QABot.Evaluation.Datasets;
using QABot.Evaluation.Metrics;

namespace QABot.Evaluation.Tests.Metrics;

/// <summary>
/// Issue 9's dev-set measure on hand-computed cases. The dev-set lines below are MADE UP for these tests (the real
/// set is eval/dev.jsonl, written separately); each expected figure is worked out by hand in the comments.
/// </summary>
[Trait("Category", "Eval")]
public sealed class DevSetMetricsTests
{
    private static EvalQuestion Q(string line) => QaJsonlReader.ParseLine(line, "made-up");

    private static readonly DateTimeOffset Sep14 = new(2023, 9, 14, 1, 30, 0, TimeSpan.FromHours(3));

    private static Answer A(string question, string? shortAnswer, bool refused = false, params Citation[] citations) => new()
    {
        Question = question, Language = question.Any(ArabicNormalizerLetter) ? "ar" : "en", Text = shortAnswer ?? "", Refused = refused,
        ShortAnswer = shortAnswer, Citations = citations,
    };

    private static bool ArabicNormalizerLetter(char c) => c is >= '\u0600' and <= '\u06FF';

    private static Citation C(string id, DateTimeOffset? published) => new(1, id, "t", "s", published, "q");

    [Theory]
    [InlineData("Sergei Shoigu", new[] { "Shoigu", "سيرغي شويغو" }, true)]          // a variant's words inside the answer
    [InlineData("SHOIGU.", new[] { "Shoigu" }, true)]                                 // case and punctuation
    [InlineData("٣ بنادق", new[] { "3 بنادق" }, true)]                                // Arabic-Indic digits
    [InlineData("three rifles", new[] { "3 rifles" }, true)]                          // English number words
    [InlineData("ثلاثة", new[] { "3" }, true)]                                        // Arabic number words, ة folded
    [InlineData("1,500 soldiers", new[] { "1500" }, true)]                            // thousands separator
    [InlineData("الرئيس بوتين", new[] { "رئيس بوتين" }, true)]                        // the Arabic article
    [InlineData("Lavrov", new[] { "Shoigu" }, false)]
    [InlineData("Shoi", new[] { "Shoigu" }, false)]                                   // a prefix is not the word
    [InlineData(null, new[] { "Shoigu" }, false)]
    public void Short_answers_match_after_normalization(string? answer, string[] variants, bool expected) =>
        Assert.Equal(expected, DevSetJudge.ShortAnswerMatches(answer, variants));

    [Fact]
    public void Answerable_question_is_overall_correct_only_with_short_answer_gold_citation_and_local_date()
    {
        var q = Q("""{"id":"m1","question":"Who gave Kim a rifle?","lang":"en","kind":"who","corpus":"sample","expected_article_ids":["004"],"expected_date":"2023-09-14","short_answer":["Putin","Vladimir Putin"]}""");

        var right = DevSetJudge.Judge(q, A(q.Text, "Vladimir Putin", false, C("004", Sep14)));
        Assert.Equal((true, true, true, true, true), (right.ShortAnswerCorrect, right.CitationCorrect, right.DateCorrect, right.RefusalCorrect, right.OverallCorrect));
        Assert.True(right.EnglishShortAnswer);

        // The UTC date of the same instant is 2023-09-13: a printer that converted would fail the local-date measure.
        var utcDate = DevSetJudge.Judge(q, A(q.Text, "Putin", false, C("004", Sep14.ToUniversalTime())));
        Assert.Equal((false, false), (utcDate.DateCorrect, utcDate.OverallCorrect));

        var wrongArticle = DevSetJudge.Judge(q, A(q.Text, "Putin", false, C("002", Sep14)));
        Assert.Equal((false, false, false), (wrongArticle.CitationCorrect, wrongArticle.DateCorrect, wrongArticle.OverallCorrect)); // no gold article cited, so no gold date

        var arabicSpan = DevSetJudge.Judge(q, A(q.Text, "بوتين", false, C("004", Sep14)));
        Assert.Equal((false, false, false), (arabicSpan.ShortAnswerCorrect, arabicSpan.EnglishShortAnswer, arabicSpan.OverallCorrect));

        var refused = DevSetJudge.Judge(q, A(q.Text, null, true));
        Assert.Equal((false, false), (refused.RefusalCorrect, refused.OverallCorrect));
        Assert.Null(refused.EnglishShortAnswer); // only answered English factoids count for the English share
    }

    [Fact]
    public void Off_corpus_question_is_correct_only_when_refused()
    {
        var q = Q("""{"id":"m2","question":"ما عاصمة أستراليا؟","kind":"what","corpus":"none","refuse":true}""");
        Assert.True(DevSetJudge.Judge(q, A(q.Text, null, true)).OverallCorrect);
        var answered = DevSetJudge.Judge(q, A(q.Text, "القدس", false, C("x", Sep14)));
        Assert.Equal((false, false, null), (answered.RefusalCorrect, answered.OverallCorrect, answered.ShortAnswerCorrect));
    }

    [Fact]
    public void Claims_need_the_right_verdict_and_a_gold_citation_unless_not_found()
    {
        var q = Q("""{"id":"m3","question":"Putin gave Kim a car","kind":"claim","verdict":"contradicted","expected_article_ids":["004"]}""");
        var right = A(q.Text, null, false, C("004", Sep14)) with { Verdict = ClaimVerdict.Contradicted };
        Assert.Equal((true, true), (DevSetJudge.Judge(q, right).VerdictCorrect, DevSetJudge.Judge(q, right).OverallCorrect));
        var noGold = right with { Citations = [C("002", Sep14)] };
        Assert.Equal((true, false), (DevSetJudge.Judge(q, noGold).VerdictCorrect, DevSetJudge.Judge(q, noGold).OverallCorrect));
        var wrong = right with { Verdict = ClaimVerdict.Supported };
        Assert.False(DevSetJudge.Judge(q, wrong).VerdictCorrect);

        var absent = Q("""{"id":"m4","question":"Kim visited Paris","kind":"claim","verdict":"not_found"}""");
        var notFound = A(absent.Text, null, true) with { Verdict = ClaimVerdict.NotFound };
        Assert.Equal((true, true, true), (DevSetJudge.Judge(absent, notFound).VerdictCorrect, DevSetJudge.Judge(absent, notFound).RefusalCorrect, DevSetJudge.Judge(absent, notFound).OverallCorrect));
    }

    [Fact]
    public void Lists_are_judged_by_precision_recall_and_total()
    {
        var q = Q("""{"id":"m5","question":"What was published in September 2023?","kind":"list","expected_list_ids":["002","004"],"expected_list_total":2}""");
        ListedArticle L(string id) => new(id, "t", "s", Sep14);

        // Listed 002, 004, 000: precision 2/3, recall 2/2; total 3 ≠ 2.
        var extra = DevSetJudge.Judge(q, A(q.Text, null) with { Listing = new ArticleListing(3, [L("002"), L("004"), L("000")]) });
        Assert.Equal(2.0 / 3, extra.ListPrecision!.Value, 6);
        Assert.Equal(1.0, extra.ListRecall);
        Assert.Equal((false, false), (extra.ListTotalCorrect, extra.OverallCorrect));

        // Listed only 004 of 2: precision 1, recall 1/2; total 2 is right, every listed id gold: overall correct.
        var shown = DevSetJudge.Judge(q, A(q.Text, null) with { Listing = new ArticleListing(2, [L("004")]) });
        Assert.Equal((1.0, 0.5, true, true), (shown.ListPrecision!.Value, shown.ListRecall!.Value, shown.ListTotalCorrect!.Value, shown.OverallCorrect));

        var refusedList = DevSetJudge.Judge(q, A(q.Text, null, true));
        Assert.Equal((0.0, 0.0, false), (refusedList.ListPrecision!.Value, refusedList.ListRecall!.Value, refusedList.OverallCorrect));
    }

    [Fact]
    public void Scorecard_shares_are_over_judged_questions_per_kind_and_language()
    {
        var who = Q("""{"id":"w","question":"Who?","lang":"en","kind":"who","expected_article_ids":["a"],"short_answer":"Putin"}""");
        var off = Q("""{"id":"o","question":"What?","lang":"en","kind":"what","refuse":true}""");
        var judgements = new[]
        {
            DevSetJudge.Judge(who, A("Who?", "Putin", false, C("a", null))),   // overall ✓, short ✓, English ✓
            DevSetJudge.Judge(who, A("Who?", "Lavrov", false, C("a", null))),  // overall ✗, short ✗, English ✓
            DevSetJudge.Judge(off, A("What?", null, true)),                    // overall ✓, short not judged
        };

        var rows = DevSetScoreCard.Rows(judgements);
        var whoEn = rows.Single(r => r.Kind == "who" && r.Language == "en");
        Assert.Equal((2, 0.5, 0.5, 1.0), (whoEn.Questions, whoEn.ShortAnswer!.Value, whoEn.Overall, whoEn.EnglishShortAnswerShare!.Value));
        var all = rows.Single(r => r.Kind == "all" && r.Language == "all");
        // short answer judged on 2 (1 right); overall 2 of 3; refusal 3 of 3 (both who answered, off refused).
        Assert.Equal((3, 0.5, 2.0 / 3, 1.0), (all.Questions, all.ShortAnswer!.Value, all.Overall, all.Refusal));
        Assert.Null(rows.Single(r => r.Kind == "what").ShortAnswer);
        Assert.Contains("| who  | en   |", DevSetScoreCard.Markdown(rows));
    }

    [Fact]
    public void Reader_keeps_reading_the_sample_set_and_reads_the_dev_set_fields()
    {
        var sample = QaJsonlReader.Read(Path.Combine(QABot.Testing.RepoPaths.Root, "eval", "sample-qa.jsonl"), []);
        Assert.NotEmpty(sample.Questions);

        var q = Q("""{"id":"d1","question":"And when was that?","lang":"en","kind":"when","corpus":"ant","expected_article_ids":["AL-culture-106-20180301"],"expected_date":"2018-03-01","short_answer":["1 March 2018","March 1, 2018"],"follows":"d0","note":"made up"}""");
        Assert.Equal(("when", "ant", "d0", 2), (q.Kind, q.Corpus, q.Follows, q.ShortAnswers.Count));
        Assert.Equal(new DateOnly(2018, 3, 1), q.ExpectedDate);
        Assert.Throws<InvalidDataException>(() => Q("""{"question":"x","kind":"claim","verdict":"maybe","expected_article_ids":["a"]}"""));
    }
}
