using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using QABot.Answering.Extractive;
using QABot.Core.Answering;
using QABot.Core.Domain;

namespace QABot.Answering.Tests;

[Trait("Category", "Answering")]
public sealed class ExtractiveAnswererTests(SampleCorpusAnswerer corpus) : IClassFixture<SampleCorpusAnswerer>
{
    private static readonly DateTimeOffset Now = new(2023, 10, 20, 0, 0, 0, TimeSpan.Zero);

    private Task<Answer> AskAsync(string question, string? conversation = null) =>
        corpus.Services.GetRequiredService<ExtractiveAnswerer>().AnswerAsync(new AnswerRequest { Question = question, ConversationId = conversation, Now = Now });

    [Theory]
    [InlineData("ماذا أهدى بوتين لكيم جونغ أون؟")]
    [InlineData("What did Erdogan offer in his phone call with Putin?")]
    [InlineData("ما المشاريع المشتركة التي قد تنفذها روسيا وماليزيا؟")]
    public async Task Every_marker_has_a_citation_and_every_citation_is_quoted_in_the_answer(string question)
    {
        var answer = await AskAsync(question);

        Assert.False(answer.Refused);
        var markers = Regex.Matches(answer.Text, @"\[(\d+)\]").Select(m => int.Parse(m.Groups[1].Value)).Distinct().Order().ToList();
        Assert.Equal(answer.Citations.Select(c => c.Number).Order(), markers);
        foreach (var citation in answer.Citations)
            foreach (var quote in citation.Quote.Split(" … "))
                Assert.Contains(quote, answer.Text);
    }

    [Fact]
    public async Task Citation_metadata_comes_from_the_index_not_from_the_host_article()
    {
        var answer = await AskAsync("ماذا عرض أردوغان في اتصاله الهاتفي مع بوتين؟");

        var citation = Assert.Single(answer.Citations);
        Assert.Equal("004_ed7c3fead92d0ce9#r1", citation.ArticleId);
        Assert.Null(citation.Published);
        Assert.Equal("RT", citation.Source);
    }

    [Fact]
    public async Task A_month_in_the_question_keeps_only_articles_published_in_it()
    {
        var answer = await AskAsync("ماذا قال بوتين عن كيم جونغ أون في سبتمبر 2023؟");

        Assert.False(answer.Refused);
        Assert.All(answer.Citations, c => Assert.Equal((2023, 9), (c.Published!.Value.Year, c.Published.Value.Month)));
    }

    [Theory]
    [InlineData("What was published in September 2023?")]
    [InlineData("ماذا حدث في سبتمبر 2023؟")]
    public async Task A_request_for_a_period_lists_its_articles_newest_first(string question)
    {
        var answer = await AskAsync(question);

        Assert.False(answer.Refused);
        Assert.Equal(QuestionKind.List, answer.Kind);
        Assert.Equal(2, answer.Listing!.Total);
        Assert.Equal(["002_766c5c9b7fcf550c", "004_ed7c3fead92d0ce9"], answer.Listing.Articles.Select(a => a.ArticleId));
        Assert.Contains("2023-09-18", answer.Text);
    }

    [Theory]
    [InlineData("ماذا نشرت سكاي نيوز عربية في سبتمبر 2023؟", "002_766c5c9b7fcf550c")]
    [InlineData("anything from RT?", "004_ed7c3fead92d0ce9#r1")]
    public async Task An_outlet_named_in_a_request_for_articles_lists_only_that_outlet(string question, string only)
    {
        var answer = await AskAsync(question);

        Assert.Equal(only, Assert.Single(answer.Listing!.Articles).ArticleId);
        Assert.Equal(1, answer.Listing.Total);
    }

    [Fact]
    public async Task Words_left_beside_the_request_are_a_topic_the_titles_must_name()
    {
        // Both September articles are listed without a topic; of them only 004's title names the gifts (بنادق).
        var answer = await AskAsync("ماذا نشر في سبتمبر 2023 عن البنادق؟");

        Assert.Equal("004_ed7c3fead92d0ce9", Assert.Single(answer.Listing!.Articles).ArticleId);
    }

    [Fact]
    public async Task An_outlet_named_in_a_question_filters_the_evidence_by_outlet()
    {
        var answer = await AskAsync("ماذا قالت سكاي نيوز عربية عن رسالة كيم إلى بوتين؟");

        Assert.False(answer.Refused);
        Assert.All(answer.Citations, c => Assert.Equal("002_766c5c9b7fcf550c", c.ArticleId));
    }

    [Fact]
    public async Task A_period_with_no_articles_is_refused_naming_the_period()
    {
        var answer = await AskAsync("What did Putin say about Kim Jong Un in January 2020?");

        Assert.True(answer.Refused);
        Assert.Empty(answer.Citations);
        Assert.Contains("2020-01-01", answer.Text);
    }

    [Fact]
    public async Task When_question_about_an_undated_article_gives_the_day_as_the_text_states_it()
    {
        var answer = await AskAsync("متى وقع بوتين وكيم جونغ أون اتفاقية الشراكة الاستراتيجية الشاملة؟");

        Assert.False(answer.Refused);
        Assert.Null(answer.Citations[0].Published);
        Assert.Equal(QuestionKind.When, answer.Kind);
        Assert.Contains("الأربعاء", answer.ShortAnswer);
        Assert.StartsWith(answer.ShortAnswer!, answer.Text);
        // No publication date to resolve the weekday against, and none is invented.
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}|سبتمبر|يونيو", answer.Text.Split('\n')[0]);
    }

    [Fact]
    public async Task Follow_up_is_answered_from_the_previous_turns_article_and_the_turn_is_remembered()
    {
        var conversation = "test:" + Guid.NewGuid();
        var first = await AskAsync("ماذا أهدى بوتين لكيم جونغ أون؟", conversation);
        var followUp = await AskAsync("ومتى كان ذلك؟", conversation);

        Assert.Equal(first.Citations[0].ArticleId, followUp.Citations[0].ArticleId);
        // «الخميس» in an article published on Thursday 14 September 2023.
        Assert.Contains("14 سبتمبر 2023", followUp.ShortAnswer);
        var turns = await corpus.Services.GetRequiredService<IConversationStore>().GetAsync(conversation);
        Assert.Equal(2, turns.Count);
        Assert.Contains("004_ed7c3fead92d0ce9", turns[0].CitedArticleIds);
    }

    [Theory]
    [InlineData("What is the population of Moscow?", "en")]
    [InlineData("ما سعر صرف الدولار مقابل الجنيه المصري اليوم؟", "ar")]
    public async Task Off_corpus_questions_are_refused_without_citations_but_with_the_ranked_list(string question, string language)
    {
        var answer = await AskAsync(question);

        Assert.True(answer.Refused);
        Assert.Equal(language, answer.Language);
        Assert.Empty(answer.Citations);
        // The refusal still shows what was searched: the ranked passages, best first.
        Assert.NotEmpty(answer.Retrieved);
        Assert.Equal(answer.Retrieved.OrderByDescending(r => r.Score).Select(r => r.Score), answer.Retrieved.Select(r => r.Score));
    }

    [Fact]
    public async Task A_who_question_opens_with_the_name_the_title_points_at()
    {
        var answer = await AskAsync("Who is the Russian defence minister who took part in the talks in Pyongyang?");

        Assert.False(answer.Refused);
        Assert.Equal(QuestionKind.Who, answer.Kind);
        Assert.Equal("003_f183bc64d6ca35ea", answer.Citations[0].ArticleId);
        Assert.Matches("Belousov|بيلؤوسوف", answer.ShortAnswer);
        Assert.StartsWith(answer.ShortAnswer!, answer.Text);
        Assert.Contains("Original text (Arabic):", answer.Text);
    }

    [Fact]
    public async Task An_arabic_who_question_is_answered_with_the_name_not_the_question_s_own()
    {
        var answer = await AskAsync("من هو وزير خارجية روسيا الذي التقى تشوي سونغ هوي؟");

        Assert.False(answer.Refused);
        Assert.Equal("001_5071a1cf7d2feefb", answer.Citations[0].ArticleId);
        Assert.Matches("لافروف", answer.ShortAnswer);
        Assert.DoesNotContain("تشوي", answer.ShortAnswer);
    }

    [Theory]
    [InlineData("When did Putin last visit North Korea before the Pyongyang summit?", "2000")]
    [InlineData("متى كانت آخر زيارة لبوتين إلى كوريا الشمالية؟", "2000")]
    [InlineData("When did the meeting between Putin and Kim happen?", "13 September 2023")]
    public async Task A_when_question_gives_the_date_of_the_event_not_of_publication(string question, string date)
    {
        var answer = await AskAsync(question);

        Assert.False(answer.Refused);
        Assert.Contains(date, answer.ShortAnswer);
    }

    [Fact]
    public async Task A_weekday_gives_way_to_a_sentence_that_states_the_day()
    {
        var answer = await AskAsync("when did putin and kim actually meet at vostochny?");

        Assert.False(answer.Refused);
        Assert.Contains("13 September", answer.ShortAnswer);
        Assert.Contains("13 سبتمبر", answer.Citations[0].Quote);
    }

    [Theory]
    [InlineData("كم يوما أمضى كيم جونغ أون في روسيا؟", "الأيام الستة")]
    [InlineData("How many days did Kim Jong Un spend in Russia?", "6 days")]
    [InlineData("How far is the Vostochny base from Moscow?", "8,000 kilometres")]
    public async Task A_how_many_question_gives_the_count_with_its_unit(string question, string expected)
    {
        var answer = await AskAsync(question);

        Assert.False(answer.Refused);
        Assert.Equal(expected, answer.ShortAnswer);
    }

    [Theory]
    [InlineData("Who won the 2022 World Cup?", "en")]
    [InlineData("من فاز بكأس العالم لكرة القدم 2022؟", "ar")]
    [InlineData("ما عاصمة أستراليا؟", "ar")]
    [InlineData("What is the capital of Australia?", "en")]
    // The names and the year are in the corpus; what is asked about them is not.
    [InlineData("كم عدد سكان بيونغ يانغ؟", "ar")]
    [InlineData("how many satellites has russia launched for north korea", "en")]
    // The news of the past cannot tell tomorrow's weather, though it names Moscow and days ahead.
    [InlineData("weather in moscow tomorrow?", "en")]
    [InlineData("كيف الطقس في موسكو بكرة؟", "ar")]
    public async Task Evidence_that_misses_a_constraint_of_the_question_is_refused(string question, string language)
    {
        var answer = await AskAsync(question);

        Assert.True(answer.Refused, answer.Text);
        Assert.Equal(language, answer.Language);
        Assert.Empty(answer.Citations);
        Assert.Null(answer.ShortAnswer);
    }

    [Theory]
    [InlineData("ماذا أهدى بوتين لكيم جونغ أون؟", "and when was that?", "en", "14 September 2023")]
    [InlineData("What did Putin give Kim Jong Un?", "ومتى كان ذلك؟", "ar", "2023-09-14")]
    public async Task A_follow_up_in_the_other_language_is_answered_in_its_own_language(string first, string followUp, string language, string date)
    {
        var conversation = "test:" + Guid.NewGuid();
        var opening = await AskAsync(first, conversation);
        var answer = await AskAsync(followUp, conversation);

        Assert.False(answer.Refused, answer.Text);
        Assert.Equal(language, answer.Language);
        Assert.Equal(opening.Citations[0].ArticleId, answer.Citations[0].ArticleId);
        // The date of what was quoted, or (the quote dating nothing) the article's, said to be the publication date.
        Assert.Contains(date, answer.Text.Split('\n')[0]);
    }

    [Theory]
    [InlineData("هل صحيح أن كيم جونغ أون أمضى ستة أيام في روسيا؟", ClaimVerdict.Supported)]
    [InlineData("Is it true that Kim Jong Un spent ten days in Russia?", ClaimVerdict.Contradicted)]
    [InlineData("هل صحيح أن بوتين زار كوريا الشمالية عام 2000؟", ClaimVerdict.Supported)]
    [InlineData("Is it true that Putin last visited North Korea in 2005?", ClaimVerdict.Contradicted)]
    [InlineData("Is it true that Messi won the 2022 World Cup?", ClaimVerdict.NotFound)]
    // The sentence also says the initiative was signed on 22 July 2022: a day and a year inside a date are no other figure.
    [InlineData("هل صحيح أن موسكو انسحبت من مبادرة البحر الأسود في يوليو 2023؟", ClaimVerdict.Supported)]
    [InlineData("صحيح إنو روسيا انسحبت من اتفاق الحبوب في 18 يوليو 2023؟", ClaimVerdict.Supported)]
    [InlineData("Is it true that the Black Sea initiative was signed in 2021?", ClaimVerdict.Contradicted)]
    // The names and the year are there; being born is not what any sentence says of them.
    [InlineData("Is it true that Kim Jong Un was born in Russia in 2023?", ClaimVerdict.NotFound)]
    [InlineData("هل صحيح أن كيم جونغ أون ولد في روسيا عام 2023؟", ClaimVerdict.NotFound)]
    // Every source says Putin accepted Kim's invitation («قبل بامتنان دعوة كيم»): refusing it is the opposite predicate.
    [InlineData("هل صحيح أن بوتين رفض دعوة كيم لزيارة كوريا الشمالية؟", ClaimVerdict.Contradicted)]
    [InlineData("Is it true that Putin refused Kim's invitation to visit North Korea?", ClaimVerdict.Contradicted)]
    [InlineData("هل صحيح أن بوتين قبل دعوة كيم لزيارة كوريا الشمالية؟", ClaimVerdict.Supported)]
    public async Task Claims_get_a_verdict_with_the_evidence_cited(string claim, ClaimVerdict verdict)
    {
        var answer = await AskAsync(claim);

        Assert.Equal(QuestionKind.Claim, answer.Kind);
        Assert.Equal(verdict, answer.Verdict);
        Assert.Equal(verdict == ClaimVerdict.NotFound, answer.Citations.Count == 0);
    }

    [Fact]
    public async Task A_contradicted_claim_says_what_the_source_states()
    {
        var answer = await AskAsync("Is it true that Kim Jong Un spent ten days in Russia?");

        Assert.Equal("6 days", answer.ShortAnswer);
        Assert.StartsWith("Contradicted: the source says 6 days", answer.Text);
    }

    // The sentence telling of the rifle states no date: its article's (14 September 2023) dates the gift, which refutes
    // a time well before it and agrees with the month it falls in.
    [Theory]
    [InlineData("هل صحيح أن بوتين أهدى كيم بندقية في مارس 2023؟", ClaimVerdict.Contradicted, "14 سبتمبر 2023")]
    [InlineData("هل صحيح أن بوتين أهدى كيم بندقية في 2022؟", ClaimVerdict.Contradicted, "14 سبتمبر 2023")]
    [InlineData("هل صحيح أن بوتين أهدى كيم بندقية في سبتمبر 2023؟", ClaimVerdict.Supported, null)]
    public async Task An_undated_sentence_dates_the_claimed_event_by_its_article(string claim, ClaimVerdict verdict, string? stated)
    {
        var answer = await AskAsync(claim);

        Assert.Equal(verdict, answer.Verdict);
        Assert.Equal(stated, answer.ShortAnswer);
        // The quote holds no such date: the verdict says it is the day the source reported the event.
        if (stated is not null) Assert.Contains($"نشر المصدر الخبر في {stated}", answer.Text);
    }

    [Fact]
    public async Task A_request_marked_as_a_claim_gets_a_verdict_whatever_its_wording()
    {
        var answer = await corpus.Services.GetRequiredService<ExtractiveAnswerer>().AnswerAsync(
            new AnswerRequest { Question = "Putin gave Kim Jong Un a rifle", Now = Now, IsClaim = true });

        Assert.Equal(ClaimVerdict.Supported, answer.Verdict);
        Assert.Equal("004_ed7c3fead92d0ce9", answer.Citations[0].ArticleId);
    }

    [Fact]
    public async Task A_question_that_is_not_a_claim_has_no_verdict()
    {
        var answer = await AskAsync("ماذا أهدى بوتين لكيم جونغ أون؟");

        Assert.Null(answer.Verdict);
        Assert.Equal(QuestionKind.What, answer.Kind);
    }
}
