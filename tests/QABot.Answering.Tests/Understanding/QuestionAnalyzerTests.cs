using Microsoft.Extensions.DependencyInjection;
using QABot.Core.Answering;
using QABot.Answering.Extractive;
using QABot.Answering.Understanding;
using QABot.Core.Domain;
using QABot.Retrieval.CrossLingual;
using QABot.Text.Analysis;
using QABot.Text.Dates;
using QABot.Text.Numbers;
using QABot.Text.Tokens;

namespace QABot.Answering.Tests.Understanding;

[Trait("Category", "Answering")]
public sealed class QuestionAnalyzerTests(SampleCorpusAnswerer corpus) : IClassFixture<SampleCorpusAnswerer>
{
    private static readonly DateTimeOffset Now = new(2023, 10, 20, 0, 0, 0, TimeSpan.Zero);

    private Task<QuestionAnalysis> AnalyzeAsync(string question) =>
        corpus.AnalyzeAsync(question, Now);

    [Theory]
    [InlineData("ايش اللي أهداه بوتين لكيم عشان الزيارة؟", "أهداه بوتين لكيم الزيارة")]
    [InlineData("شو اللي بدي أعرفه: مين هاد اللي أهدى كيم بندقية؟", "أعرفه أهدى كيم بندقية")]
    [InlineData("امتى صار هيك الاجتماع اللي بين بوتين وكيم؟", "صار الاجتماع بوتين وكيم")]
    [InlineData("وليش انسحبت روسيا من الاتفاق؟", "انسحبت روسيا الاتفاق")]
    public void Dialect_particles_are_no_evidence_words(string question, string contentWords)
    {
        var words = new QueryTermGroups();
        words.AddArabic(question);
        var content = new QueryTermGroups();
        content.AddArabic(contentWords);

        Assert.Equal(content.ToString(), words.ToString());
    }

    [Fact]
    public void Many_after_a_how_many_word_is_people_not_the_number_one()
    {
        var words = new QueryTermGroups();
        words.AddArabic("كم واحد مات في الحادث؟");
        var one = new QueryTermGroups();
        one.AddArabic("مات واحد في الحادث");

        Assert.Equal(2, words.Count);
        Assert.Equal(3, one.Count);
    }

    [Theory]
    [InlineData("صحيح إنو بوتين أهدى كيم بندقية؟", "بوتين أهدى كيم بندقية؟")]
    [InlineData("هل صحيح انو روسيا انسحبت من الاتفاق؟", "روسيا انسحبت من الاتفاق؟")]
    public void A_dialect_claim_frame_is_a_claim(string question, string claim)
    {
        var form = QuestionForms.Read(question, Languages.Arabic);

        Assert.Equal(QuestionKind.Claim, form.Kind);
        Assert.Equal(claim, question[form.FrameEnd..]);
    }

    [Fact]
    public async Task Names_the_gazetteer_knows_in_an_Arabic_question_are_constraints_with_their_spellings()
    {
        var analysis = await AnalyzeAsync("متى وصل بوتين إلى بيونغيانغ ولقي كيم جونغ أون؟");

        var names = analysis.Constraints.Where(c => c.Kind == ConstraintKind.Name).Select(c => c.Text).ToList();
        Assert.Equal(["بوتين", "بيونغيانغ", "كيم جونغ أون"], names);
        // The gazetteer's other spellings of Pyongyang count for it.
        var pyongyang = analysis.Constraints.Single(c => c.Text == "بيونغيانغ");
        Assert.Contains(pyongyang.Spellings, s => s.Words.Count == 2);
    }

    [Fact]
    public async Task A_name_with_an_attached_preposition_is_the_name()
    {
        var analysis = await AnalyzeAsync("ماذا أهدى الرئيس لبوتين؟");

        Assert.Contains(analysis.Constraints, c => c.Kind == ConstraintKind.Name && c.Text == "لبوتين");
    }

    [Theory]
    [InlineData("وصل كيم إلى فلاديفوستوك", true)]
    [InlineData("وصل كيم إلى فلاديفوسطوك", true)]
    [InlineData("وصل كيم إلى موسكو", false)]
    public async Task An_Arabic_name_holds_in_its_spelling_or_one_letter_off(string evidence, bool holds)
    {
        var analysis = await AnalyzeAsync("هل زار كيم فلاديفوستوك؟");
        var terms = SearchAnalysis.Terms(evidence, Languages.Arabic).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(holds, EvidenceWindow.NamesHold(analysis with { Constraints = analysis.Constraints.Where(c => c.Text == "فلاديفوستوك").ToList() }, terms));
    }

    [Theory]
    [InlineData("who won the 2022 world cup?", "won")]
    [InlineData("كم عدد سكان بيونغ يانغ؟", "سكان")]
    [InlineData("مين ربح دوري أبطال أوروبا 2019؟", "ربح")]
    [InlineData("ما هو تاريخ وصول بوتين إلى بيونغيانغ؟", "وصول")]
    // A word placing the question in time says nothing of what it asks: «غدا» in a story is the story's tomorrow.
    [InlineData("weather in riyadh tomorrow?", "weather")]
    [InlineData("شو الطقس بالرياض بكرة؟", "الطقس")]
    public async Task The_predicate_is_what_is_asked_about_the_names(string question, string word)
    {
        var analysis = await AnalyzeAsync(question);
        var expected = SearchAnalysis.Terms(word, Text.LanguageDetector.Detect(word)).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(1, analysis.Predicate.Count);
        Assert.True(analysis.Predicate[0].Overlaps(expected), analysis.Predicate.ToString());
    }

    [Theory]
    [InlineData("فاز الفريق بكأس العالم 2022 في قطر", true)]
    [InlineData("قطر تستضيف كأس العالم 2022", false)]
    public async Task A_window_holds_the_predicate_only_when_it_says_what_was_asked(string window, bool holds)
    {
        var analysis = await AnalyzeAsync("مين فاز بكأس العالم 2022؟");
        var terms = SearchAnalysis.Terms(window, Languages.Arabic).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(holds, EvidenceWindow.PredicateHolds(analysis, terms));
    }

    [Fact]
    public async Task Without_a_gazetteer_an_Arabic_question_has_no_name_constraints()
    {
        var analyzer = new QuestionAnalyzer(corpus.Services.GetRequiredService<Core.Retrieval.IQueryPlanner>());

        var analysis = await analyzer.AnalyzeAsync("متى وصل بوتين إلى بيونغيانغ؟", Now);

        Assert.DoesNotContain(analysis.Constraints, c => c.Kind == ConstraintKind.Name);
    }

    // What a question's years, months, names and relation nouns ask of the evidence before an answer may be given.
    private static readonly DateTimeOffset In2018 = new(2018, 10, 9, 0, 0, 0, TimeSpan.FromHours(3));

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
    [InlineData("weather in riyadh tomorrow?", true)]
    [InlineData("كيف الطقس بكرة في الرياض؟", true)]
    [InlineData("what will the forecast be for moscow", true)]
    // A year or date places "tomorrow" in the news's own past; a past event is no forecast.
    [InlineData("what did putin say would happen tomorrow in september 2023?", false)]
    [InlineData("What did Putin give Kim Jong Un?", false)]
    [InlineData("متى وصل بوتين إلى بيونغيانغ؟", false)]
    public async Task A_question_about_tomorrow_or_the_weather_asks_a_forecast(string question, bool forecast) =>
        Assert.Equal(forecast, (await AnalyzeAsync(question)).AsksForecast);

    [Theory]
    [InlineData("whats the capital of australia", "whats")]
    [InlineData("whos the russian defence minister", "whos")]
    [InlineData("wheres the vostochny base", "wheres")]
    public async Task A_chat_question_word_without_its_apostrophe_is_no_evidence_word(string question, string word)
    {
        var analysis = await AnalyzeAsync(question);

        Assert.DoesNotContain(word, analysis.Words.ToString());
        Assert.NotEqual(QuestionKind.Other, analysis.Kind);
    }

    private static List<string> Spans(QuestionAnalysis analysis, string sentence)
    {
        var asked = new HashSet<string>(StringComparer.Ordinal);
        for (var g = 0; g < analysis.Words.Count; g++) asked.UnionWith(analysis.Words[g]);
        var reading = QABot.Answering.Extractive.Spans.SentenceReading.Read(sentence, SearchAnalysis.Analyze(sentence, Languages.Arabic), asked.Contains);
        return QABot.Answering.Extractive.Spans.AnswerSpanFinder.Find(reading, analysis).Select(s => s.Text).ToList();
    }

    [Fact]
    public async Task An_English_how_many_number_must_count_the_asked_noun()
    {
        var analysis = await AnalyzeAsync("how many satellites has russia launched for north korea");

        Assert.True(analysis.CountedNounRendered);
        Assert.Empty(Spans(analysis, "ويعمل 50 ألف كوري شمالي في روسيا وكوريا الشمالية"));
        Assert.Equal("3", Spans(analysis, "أطلقت روسيا 3 أقمار صناعية لكوريا الشمالية").First());
        Assert.Equal("3", Spans(analysis, "بلغ عدد الأقمار الصناعية 3 أطلقتها روسيا لكوريا الشمالية").First());
    }

    [Theory]
    [InlineData("how much did putin pay for the rifle")]
    [InlineData("how much money did russia loan north korea")]
    public async Task An_English_money_question_is_answered_only_by_a_sum_in_a_currency(string question)
    {
        var analysis = await AnalyzeAsync(question);

        Assert.Equal(AnswerType.Money, analysis.ExpectedType);
        Assert.Empty(Spans(analysis, "دفعت روسيا 420 لكوريا الشمالية مقابل البندقية"));
        Assert.StartsWith("5 ملايين دولار", Spans(analysis, "دفعت روسيا 5 ملايين دولار لكوريا الشمالية مقابل البندقية").First());
    }

    [Fact]
    public async Task The_population_of_a_country_is_a_count_held_to_the_country()
    {
        var analysis = await AnalyzeAsync("whats the population of russia");

        Assert.Equal(QuestionKind.HowMany, analysis.Kind);
        Assert.False(QABot.Answering.Extractive.EvidenceWindow.RelationHolds(analysis, Terms("المدينة التي يبلغ عدد سكانها 700 ألف نسمة")));
        Assert.True(QABot.Answering.Extractive.EvidenceWindow.RelationHolds(analysis, Terms("يبلغ عدد سكان روسيا 146 مليون نسمة")));
    }

    [Theory]
    [InlineData("كانبيرا (عاصمة أستراليا) شهدت مظاهرات", true)]
    [InlineData("وقال موريسون في العاصمة الأسترالية كانبرا إن القرار لم يتخذ", true)]
    [InlineData("زار الوفد عاصمة أستراليا الفيدرالية", true)]
    [InlineData("اعتراف أستراليا بالقدس عاصمة لإسرائيل", false)]
    public async Task A_relation_noun_must_have_the_asked_owner_as_its_complement(string sentence, bool holds)
    {
        var analysis = await AnalyzeAsync("ما عاصمة أستراليا؟");
        var reading = QABot.Answering.Extractive.Spans.SentenceReading.Read(sentence, SearchAnalysis.Analyze(sentence, Languages.Arabic), _ => false);

        Assert.True(EvidenceWindow.RelationHolds(analysis, Terms(sentence)));
        Assert.Equal(holds, EvidenceWindow.OwnerIsComplement(analysis, reading));
    }

    [Theory]
    [InlineData("حيث شددت كانبيرا (عاصمة أستراليا) سياستها في المحيط الهادئ", "كانبيرا")]
    [InlineData("وقال موريسون في مؤتمر صحفي في العاصمة الأسترالية، كانبرا، إن القرار لم يتخذ", "كانبرا")]
    public async Task A_relation_is_answered_by_the_name_in_apposition_to_it(string sentence, string answer)
    {
        var analysis = await AnalyzeAsync("ما عاصمة أستراليا؟");

        Assert.Equal(answer, Spans(analysis, sentence).First());
    }

    [Fact]
    public async Task Monday_is_no_count_of_two()
    {
        var analysis = await AnalyzeAsync("كم طائرة طلبت طيران الإمارات؟");

        Assert.Empty(Spans(analysis, "وقال المدير التجاري الاثنين إن طيران الإمارات تقدمت بطلبية"));
        Assert.StartsWith("36", Spans(analysis, "أعلنت طيران الإمارات الاثنين طلبية لشراء 36 طائرة").First());
    }

    [Fact]
    public async Task A_price_per_share_does_not_answer_what_a_deal_cost()
    {
        var total = await AnalyzeAsync("how much did elon musk pay for tesla");
        var each = await AnalyzeAsync("how much did caf give each african team");

        Assert.Empty(Spans(total, "عرض ماسك دفع 420 دولارا للسهم"));
        Assert.StartsWith("2 مليار دولار", Spans(total, "دفع ماسك 2 مليار دولار مقابل الصفقة").First());
        Assert.StartsWith("500 ألف دولار", Spans(each, "منح الاتحاد 500 ألف دولار لكل منتخب").First());
    }

    [Fact]
    public async Task English_words_reach_the_wording_of_Arabic_news()
    {
        var died = await AnalyzeAsync("when did may skaf die");
        var caps = await AnalyzeAsync("how many caps did mascherano win");

        // Neither sentence names the person: what matches is the verb or noun, in the news's own word for it.
        Assert.Contains(died.Words.Matches(Terms("توفيت الممثلة بشكل مفاجئ في منزلها")), m => m > 0);
        Assert.Contains(caps.Words.Matches(Terms("شارك في 147 مباراة دولية")), m => m > 0);
        Assert.StartsWith("147", Spans(caps, "لعب ماسكيرانو 147 مباراة دولية بعد أن فاز بالذهب 2 مرة").First());
    }

    [Fact]
    public async Task How_old_asks_for_an_age_and_old_is_no_word_to_cover()
    {
        var analysis = await AnalyzeAsync("how old was gillian lynne");

        Assert.True(analysis.AsksAge);
        Assert.DoesNotContain(Enumerable.Range(0, analysis.Words.Count), g => analysis.Words[g].Contains("old"));
        Assert.StartsWith("92", Spans(analysis, "توفيت لين عن عمر ناهز 92 عاما بعد 60 مسرحية").First());
    }

    private static HashSet<string> Terms(string text) => SearchAnalysis.Terms(text, Languages.Arabic).ToHashSet(StringComparer.Ordinal);
}
