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

    [Fact]
    public async Task A_period_with_no_articles_is_refused_naming_the_period()
    {
        var answer = await AskAsync("What did Putin say about Kim Jong Un in January 2020?");

        Assert.True(answer.Refused);
        Assert.Empty(answer.Citations);
        Assert.Contains("2020-01-01", answer.Text);
    }

    [Fact]
    public async Task When_question_about_an_undated_article_says_the_date_is_not_stated()
    {
        var answer = await AskAsync("متى وقع بوتين وكيم جونغ أون اتفاقية الشراكة الاستراتيجية الشاملة؟");

        Assert.False(answer.Refused);
        Assert.Null(answer.Citations[0].Published);
        Assert.Contains("لا يذكر تاريخ نشره", answer.Text);
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", answer.Text);
    }

    [Fact]
    public async Task Follow_up_is_answered_from_the_previous_turns_article_and_the_turn_is_remembered()
    {
        var conversation = "test:" + Guid.NewGuid();
        var first = await AskAsync("ماذا أهدى بوتين لكيم جونغ أون؟", conversation);
        var followUp = await AskAsync("ومتى كان ذلك؟", conversation);

        Assert.Equal(first.Citations[0].ArticleId, followUp.Citations[0].ArticleId);
        Assert.StartsWith("نُشر بتاريخ 2023-09-14", followUp.Text);
        var turns = await corpus.Services.GetRequiredService<IConversationStore>().GetAsync(conversation);
        Assert.Equal(2, turns.Count);
        Assert.Contains("004_ed7c3fead92d0ce9", turns[0].CitedArticleIds);
    }

    [Theory]
    [InlineData("What is the population of Brazil?", "en")]
    [InlineData("ما سعر صرف الدولار مقابل الجنيه المصري اليوم؟", "ar")]
    public async Task Off_corpus_questions_are_refused_without_citations_but_with_the_ranked_list(string question, string language)
    {
        var answer = await AskAsync(question);

        Assert.True(answer.Refused);
        Assert.Equal(language, answer.Language);
        Assert.Empty(answer.Citations);
    }
}
