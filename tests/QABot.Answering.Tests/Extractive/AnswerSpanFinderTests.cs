using QABot.Answering.Extractive.Spans;
using QABot.Answering.Understanding;
using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Text.Analysis;

namespace QABot.Answering.Tests.Extractive;

[Trait("Category", "Answering")]
public sealed class AnswerSpanFinderTests
{
    private static readonly DateTimeOffset Now = new(2023, 10, 20, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Arabic questions are read without expanding any word: a planner that is never asked.</summary>
    private sealed class NoPlanner : IQueryPlanner
    {
        public Task<SearchRequest> PlanAsync(string question, int top, DateRange? publishedRange = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("An Arabic question needs no expansion.");
    }

    private static async Task<string?> FirstSpanAsync(string sentence, string question)
    {
        var analysis = await new QuestionAnalyzer(new NoPlanner()).AnalyzeAsync(question, Now);
        var asked = new HashSet<string>(StringComparer.Ordinal);
        for (var g = 0; g < analysis.Words.Count; g++) asked.UnionWith(analysis.Words[g]);
        var reading = SentenceReading.Read(sentence, SearchAnalysis.Analyze(sentence, Languages.Arabic), asked.Contains);
        return AnswerSpanFinder.Find(reading, analysis).FirstOrDefault()?.Text;
    }

    [Fact]
    public async Task A_how_many_answer_is_the_number_beside_what_the_question_counts()
    {
        var span = await FirstSpanAsync("وصل إلى الشمال 1100 مدني على متن 24 باصا", "كم باص وصل إلى الشمال؟");

        Assert.StartsWith("24", span);
    }

    [Fact]
    public async Task An_age_is_the_number_news_puts_after_the_words_for_age()
    {
        var span = await FirstSpanAsync("أخرج المخرج الياباني خلال 50 عاما أفلاما كثيرة، وتوفي المخرج الياباني عن عمر ناهز 82 عاما", "كم كان عمر المخرج الياباني لما توفي؟");

        Assert.StartsWith("82", span);
    }

    [Fact]
    public async Task A_known_place_answers_where_and_a_compound_preposition_does_not()
    {
        var span = await FirstSpanAsync("فاز منتخب إنجلترا في مواجهة السويد، في المباراة التي أقيمت في سامارا", "وين انلعبت مباراة انجلترا والسويد؟");

        Assert.Equal("سامارا", span);
    }

    [Fact]
    public async Task A_place_with_its_preposition_attached_is_given_without_it()
    {
        var span = await FirstSpanAsync("وقال بوتين إن اللقاء المقبل مع كيم سيكون بموسكو", "وين بده بوتين يكون اللقاء الجاي مع كيم؟");

        Assert.Equal("موسكو", span);
    }

    [Fact]
    public async Task A_kinship_word_stands_before_a_name_like_a_title()
    {
        var span = await FirstSpanAsync("وقال ابنها زياد الرحباني إن فيروز تحب حسن نصر الله", "مين قال إن فيروز بتحب حسن نصر الله؟");

        Assert.Equal("زياد الرحباني", span);
    }

    [Fact]
    public async Task A_doubled_waw_opens_a_word_of_the_name_not_a_new_phrase()
    {
        var span = await FirstSpanAsync("توفي الكاتب الأمريكي توم وولف، صاحب رواية بونفاير أوف فانيتيز، في نيويورك", "مين الكاتب الأمريكي صاحب رواية بونفاير أوف فانيتيز؟");

        Assert.Equal("توم وولف", span);
    }

    [Fact]
    public async Task A_spokesman_for_an_institution_is_named_after_the_institution()
    {
        var span = await FirstSpanAsync("وأفاد الناطق باسم الكرملين دميتري بيسكوف بأن بوتين أهدى كيم بندقية", "مين أعلن عن الهدايا؟");

        Assert.Equal("دميتري بيسكوف", span);
    }
}
