using Microsoft.Extensions.DependencyInjection;
using QABot.Answering.Extractive;
using QABot.Answering.Understanding;
using QABot.Core.Domain;
using QABot.Text.Analysis;
using QABot.Text.Dates;
using QABot.Text.Numbers;
using QABot.Text.Tokens;

namespace QABot.Answering.Tests.Understanding;

/// <summary>What a question's years, months, names and relation nouns ask of the evidence before an answer may be given.</summary>
[Trait("Category", "Answering")]
public sealed class RefusalConstraintTests(SampleCorpusAnswerer corpus) : IClassFixture<SampleCorpusAnswerer>
{
    private static readonly DateTimeOffset Now = new(2023, 10, 20, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset In2018 = new(2018, 10, 9, 0, 0, 0, TimeSpan.FromHours(3));

    private Task<QuestionAnalysis> AnalyzeAsync(string question) =>
        corpus.Services.GetRequiredService<QuestionAnalyzer>().AnalyzeAsync(question, Now);

    private static EvidenceWindow Window(string text, DateTimeOffset? published)
    {
        var tokens = WordTokenizer.Tokenize(text);
        return new EvidenceWindow(SearchAnalysis.Terms(text, Languages.Arabic).ToHashSet(StringComparer.Ordinal),
            NumberExpressions.Find(text, tokens), DateExpressions.Find(tokens), published);
    }

    [Theory]
    [InlineData("مين فاز بالانتخابات الرئاسية الأمريكية 2020؟", false)]
    [InlineData("who coached real madrid in 2023", false)]
    [InlineData("where will the 2022 world cup be held?", true)]
    [InlineData("متى ستقام الانتخابات المقبلة 2020؟", true)]
    public async Task A_past_event_of_a_year_after_the_article_is_not_in_it(string question, bool holds)
    {
        var analysis = await AnalyzeAsync(question);
        var year = analysis.Constraints.Single(c => c.Kind == ConstraintKind.Year);

        // A 2018 story that names the year as a plan («ترشحها للانتخابات الرئاسية عام 2020»).
        Assert.Equal(holds, Window($"نفت ترشحها للانتخابات الرئاسية عام {year.Value}", In2018).Holds(year));
        Assert.True(Window($"فاز في الانتخابات عام {year.Value}", new DateTimeOffset((int)year.Value!.Value, 12, 1, 0, 0, 0, TimeSpan.Zero)).Holds(year));
    }

    [Fact]
    public async Task A_month_of_the_question_holds_in_an_article_of_that_month_and_its_year_is_no_count()
    {
        var analysis = await AnalyzeAsync("لكم نزل سعر الدولار الجمركي بمصر بفبراير 2017؟");

        Assert.DoesNotContain(analysis.Constraints, c => c.Kind == ConstraintKind.Number);
        var month = analysis.Constraints.Single(c => c.Kind == ConstraintKind.Date);
        Assert.True(Window("قررت الحكومة خفض سعر الدولار الجمركي", new DateTimeOffset(2017, 2, 16, 0, 0, 0, TimeSpan.Zero)).Holds(month));
        Assert.False(Window("قررت الحكومة خفض سعر الدولار الجمركي", new DateTimeOffset(2017, 3, 16, 0, 0, 0, TimeSpan.Zero)).Holds(month));
        Assert.False(Window("قررت الحكومة خفض سعر الدولار الجمركي", new DateTimeOffset(2018, 2, 16, 0, 0, 0, TimeSpan.Zero)).Holds(month));
    }

    [Theory]
    [InlineData("فاز مودريتش بالكرة الذهبية هذا العام", true)]
    [InlineData("حصد الاتحاد السوفييتي ذهبية كرة الطائرة في طوكيو", false)]
    public void A_name_of_several_words_holds_only_as_a_phrase(string evidence, bool holds)
    {
        var name = new QuestionConstraint(ConstraintKind.Name, "الكرة الذهبية", [QuestionAnalyzer.SpellingOf("الكرة الذهبية", Languages.Arabic)]);
        var analysis = new QuestionAnalysis
        {
            Question = "مين فاز بالكرة الذهبية؟", Language = Languages.Arabic, Kind = QuestionKind.Who, Focus = "", SearchText = "", Words = new(),
            Constraints = [name],
        };
        var terms = SearchAnalysis.Terms(evidence, Languages.Arabic).ToHashSet(StringComparer.Ordinal);

        Assert.True(EvidenceWindow.NamesHold(analysis, terms));
        Assert.Equal(holds, EvidenceWindow.NamesStandTogether(analysis, [SearchAnalysis.Analyze(evidence, Languages.Arabic)]));
    }

    [Theory]
    [InlineData("وأوضح الدبلوماسي الكندي في حوار أن الخطوة تصب في مصلحة كندا", false)]
    [InlineData("وصل الوفد إلى أوتاوا عاصمة كندا أمس", true)]
    public async Task A_relation_question_needs_its_noun_in_the_sentence(string sentence, bool holds)
    {
        var analysis = await AnalyzeAsync("شو عاصمة كندا؟");

        Assert.Equal(holds, EvidenceWindow.RelationHolds(analysis, SearchAnalysis.Terms(sentence, Languages.Arabic).ToHashSet(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Lower_case_words_the_gazetteer_knows_together_are_one_name()
    {
        var analysis = await AnalyzeAsync("when did kim jong un arrive in vladivostok");

        Assert.Contains(analysis.Constraints, c => c.Kind == ConstraintKind.Name && c.Text == "kim jong un");
    }

    [Theory]
    [InlineData("weather in riyadh tomorrow?", "tomorrow")]
    [InlineData("شو الطقس بالرياض بكرة؟", "بكرة")]
    public async Task A_word_placing_the_question_in_time_is_no_predicate(string question, string word)
    {
        var analysis = await AnalyzeAsync(question);
        var terms = SearchAnalysis.Terms(word, Text.LanguageDetector.Detect(word)).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(1, analysis.Predicate.Count);
        Assert.DoesNotContain(Enumerable.Range(0, analysis.Predicate.Count), g => analysis.Predicate[g].Overlaps(terms));
    }
}
