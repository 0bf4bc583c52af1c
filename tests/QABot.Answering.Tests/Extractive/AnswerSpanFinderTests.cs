using QABot.Answering.Extractive.Spans;
using QABot.Answering.Understanding;
using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Retrieval.CrossLingual;
using QABot.Text.Analysis;

namespace QABot.Answering.Tests.Extractive;

[Trait("Category", "Answering")]
public sealed class AnswerSpanFinderTests
{
    private static readonly DateTimeOffset Now = new(2023, 10, 20, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Arabic questions are read without expanding any word: a planner that is never asked.</summary>
    [Theory]
    [InlineData("Croatia", NameKind.Place)]
    [InlineData("كرواتيا", NameKind.Place)]
    [InlineData("ballon d'or", NameKind.Event)]
    [InlineData("الكرة الذهبية", NameKind.Event)]
    [InlineData("Vladimir Putin", NameKind.Person)]
    public void A_name_is_typed_by_the_gazetteer_in_either_language(string name, NameKind kind) =>
        Assert.Equal(kind, KnownNames.KindOf(name));

    [Fact]
    public void A_name_the_gazetteer_does_not_list_has_no_kind() => Assert.Null(KnownNames.KindOf("قيمة صلاح المالية"));

    private sealed class NoPlanner : IQueryPlanner
    {
        public Task<SearchRequest> PlanAsync(string question, int top, DateRange? publishedRange = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("An Arabic question needs no expansion.");
    }

    private static async Task<string?> FirstSpanAsync(string sentence, string question) => (await SpansAsync(sentence, question)).FirstOrDefault();

    private static async Task<List<string>> SpansAsync(string sentence, string question)
    {
        var analysis = await new QuestionAnalyzer(new NoPlanner()).AnalyzeAsync(question, Now);
        var asked = new HashSet<string>(StringComparer.Ordinal);
        for (var g = 0; g < analysis.Words.Count; g++) asked.UnionWith(analysis.Words[g]);
        var reading = SentenceReading.Read(sentence, SearchAnalysis.Analyze(sentence, Languages.Arabic), asked.Contains);
        return AnswerSpanFinder.Find(reading, analysis).Select(s => s.Text).ToList();
    }

    [Theory]
    // After «فاز» comes what was won, behind its preposition: «بجائزة أفضل» is no winner.
    [InlineData("كما فاز بجائزة أفضل لاعب في المباراة النهائية للمونديال", "مين فاز بالكرة الذهبية؟", "بجائزة")]
    // After a title and a comma, a verb of the «يتفعل» form opens the next clause: «يتسلم» holds no office.
    [InlineData("بعد 18 عاما في الحكم بين رئيس لروسيا ورئيس للوزراء، يتسلم الاثنين الرئيس الروسي فلاديمير بوتين ولايته الرابعة", "مين رئيس الوزراء الروسي؟", "يتسلم")]
    public async Task A_who_answer_does_not_open_with_a_preposition_and_its_noun_or_a_verb(string sentence, string question, string notAName) =>
        Assert.DoesNotContain(await SpansAsync(sentence, question), span => span.StartsWith(notAName, StringComparison.Ordinal));

    [Theory]
    // «منتخب بلاده» is the team of someone named before; «صحيفة» stands without the name its quotes hold.
    [InlineData("وذلك بعد تتويجه مع منتخب بلاده بلقب كأس العالم في روسيا", "مين فاز بالكرة الذهبية 2018؟", "منتخب")]
    [InlineData("ووصفت صحيفة \"الماركا\" الإسبانية غريزمان بأبرز المرشحين", "مين فاز بالكرة الذهبية 2018؟", "صحيفة")]
    public async Task An_institution_owned_by_a_pronoun_or_left_without_its_name_answers_no_who(string sentence, string question, string notAnAnswer) =>
        Assert.DoesNotContain(await SpansAsync(sentence, question), span => span.StartsWith(notAnAnswer, StringComparison.Ordinal));

    [Fact]
    public async Task An_institution_with_its_name_still_answers_who() =>
        Assert.Contains(await SpansAsync("وأعلنت وكالة الأنباء الكورية المركزية أن الزيارة انتهت", "مين أعلن انتهاء الزيارة؟"), span => span.StartsWith("وكالة الأنباء", StringComparison.Ordinal));

    [Theory]
    // A relative clause puts its subject between the verb and the date; a date in another clause, far off, dates something else.
    [InlineData("جدير بالذكر أن مبادرة البحر الأسود، التي وقعها ممثلو روسيا وتركيا وأوكرانيا والأمم المتحدة في 22 يوليو 2022، نصت على تصدير الحبوب", true)]
    [InlineData("جدير بالذكر أن مبادرة البحر الأسود وقعت بعد مفاوضات شاقة استمرت أشهرا بين الطرفين، وفي 22 يوليو 2022 أعلنت الأمم المتحدة خطة أخرى", false)]
    public async Task A_date_far_from_the_verb_answers_when_only_within_its_clause(string sentence, bool found) =>
        Assert.Equal(found, (await SpansAsync(sentence, "امتى انوقعت مبادرة البحر الاسود؟")).Contains("22 يوليو 2022"));

    [Theory]
    // What the question counts («باص») stands beside its number; the other number counts something else.
    [InlineData("وصل إلى الشمال 1100 مدني على متن 24 باصا", "كم باص وصل إلى الشمال؟", "24")]
    // An age follows the words for age («عن عمر ناهز»), where other years are a duration.
    [InlineData("أخرج المخرج الياباني خلال 50 عاما أفلاما كثيرة، وتوفي المخرج الياباني عن عمر ناهز 82 عاما", "كم كان عمر المخرج الياباني لما توفي؟", "82")]
    // A threshold the rate fell below is not the rate.
    [InlineData("تراجعت نسبة البطالة في فرنسا إلى ما دون العتبة الرمزية البالغة 9 بالمئة لتبلغ 8,9 بالمئة", "قديش وصلت نسبة البطالة بفرنسا؟", "8,9")]
    public async Task A_how_many_answer_is_the_number_the_question_asks_for(string sentence, string question, string number) =>
        Assert.StartsWith(number, await FirstSpanAsync(sentence, question));

    [Fact]
    public async Task A_number_beside_a_before_phrase_holding_the_asked_event_measures_the_time_before_it()
    {
        const string sentence = "وكانت البحرين، قبل اكتشاف الحقل الجديد، تمتلك احتياطيا من النفط يقدر بنحو 125 مليون برميل";
        Assert.DoesNotContain(await SpansAsync(sentence, "قديش برميل نفط بالحقل الجديد بالبحرين؟"), span => span.StartsWith("125", StringComparison.Ordinal));
        // Asked about the time before, the same number answers.
        Assert.StartsWith("125", await FirstSpanAsync(sentence, "قديش كان احتياطي النفط بالبحرين قبل اكتشاف الحقل الجديد؟"));
    }

    [Fact]
    public async Task A_time_of_day_counts_nothing() =>
        Assert.DoesNotContain("11", await SpansAsync("ووصل المهاجرون إلى الميناء في الساعة 11 صباحا على متن قارب", "قديش مهاجر وصل عالميناء؟"));

    [Theory]
    // «إلى هناك», «من هنا»: a place adverb points back to a place; it is none itself, so it gives no answer. Nor is a
    // modal verb after «من» («مع من ينبغي»: with whom one should).
    [InlineData("وقال بوتين إن زعماء آخرين سيأتون إلى هناك غدا", "وين كان بوتين لما قال إن زعماء آخرين سيأتون؟")]
    [InlineData("وأضاف المتحدث أن الوفد سينطلق من هنا صباحا", "من وين سينطلق الوفد؟")]
    [InlineData("وقال بوتين إن روسيا لا تفهم مع من ينبغي لها أن توقع أي اتفاقيات", "وين كان بوتين لما قال إن روسيا لا تفهم؟")]
    public async Task A_place_adverb_is_no_place(string sentence, string question) =>
        Assert.Null(await FirstSpanAsync(sentence, question));

    [Theory]
    // A known place answers where; «في مواجهة» is a compound preposition, not a place.
    [InlineData("فاز منتخب إنجلترا في مواجهة السويد، في المباراة التي أقيمت في سامارا", "وين انلعبت مباراة انجلترا والسويد؟", "سامارا")]
    // A place with its preposition attached is given without it.
    [InlineData("وقال بوتين إن اللقاء المقبل مع كيم سيكون بموسكو", "وين بده بوتين يكون اللقاء الجاي مع كيم؟", "موسكو")]
    // A kinship word stands before a name like a title.
    [InlineData("وقال ابنها زياد الرحباني إن فيروز تحب حسن نصر الله", "مين قال إن فيروز بتحب حسن نصر الله؟", "زياد الرحباني")]
    // A doubled «و» is a name's own letter, not a conjunction opening a new phrase; an apposition head ends the name.
    [InlineData("توفي الكاتب الأمريكي توم وولف، صاحب رواية بونفاير أوف فانيتيز، في نيويورك", "مين الكاتب الأمريكي صاحب رواية بونفاير أوف فانيتيز؟", "توم وولف")]
    // "Spokesman for the Kremlin": the institution belongs to the title before the name.
    [InlineData("وأفاد الناطق باسم الكرملين دميتري بيسكوف بأن بوتين أهدى كيم بندقية", "مين أعلن عن الهدايا؟", "دميتري بيسكوف")]
    // A name ends before a noun behind a preposition («لزيارة») and before a definite word behind «و».
    [InlineData("ودعا الزعيم الكوري الشمالي كيم جونغ إيل لزيارة موسكو", "مين الزعيم الكوري الشمالي اللي دعا بوتين؟", "كيم جونغ إيل")]
    [InlineData("التقى رئيس الوزراء السنغافوري لي هسين لونج والمسؤولين في الكرملين", "مين رئيس الوزراء السنغافوري؟", "لي هسين لونج")]
    public async Task A_name_or_place_is_read_where_news_puts_it(string sentence, string question, string expected) =>
        Assert.Equal(expected, await FirstSpanAsync(sentence, question));

    [Theory]
    // A month and the year it is in are one date: «العام الماضي» alone stands nearer the verb but says less.
    [InlineData("في أكتوبر من العام الماضي، زار سيرغي لافروف بيونغ يانغ.", "امتى زار لافروف بيونغ يانغ؟", "أكتوبر من العام الماضي")]
    // A noun with its owner's pronoun completes the title before the name («ووكيل أعماله»); it is no part of the name.
    [InlineData("وأكد شقيقه ووكيل أعماله روبرتو أسيس، أنباء اعتزاله رسميا، يوم الثلاثاء", "مين أكد أنباء اعتزاله؟", "روبرتو أسيس")]
    // Facing a country, the city the text names answers where, though the country stands a word nearer the question's.
    [InlineData("وصل الوفد إلى روسيا واجتمع في مدينة سامارا", "وين اجتمع الوفد؟", "سامارا")]
    // «لكرة القدم» qualifies the title: the name follows it.
    [InlineData("أقر مدرب المنتخب التونسي لكرة القدم نبيل معلول بأنه طلب من حارس مرماه التظاهر بالإصابة", "مين مدرب المنتخب التونسي؟", "نبيل معلول")]
    // «قبالة» (off) places like «في»; a coast is a place noun.
    [InlineData("وأضافت الهيئة أن مركز الزلزال كان قبالة ساحل منطقة تشيبا", "وين كان مركز الزلزال؟", "ساحل منطقة تشيبا")]
    // «قديش صرله…» asks how long: the duration answers, not the time of day the crossing opened at.
    [InlineData("وتم فتح معبر القنيطرة في الساعة 11 صباحا بالتوقيت المحلي، وذلك بعد إغلاق دام لمدة 4 سنوات تقريبا", "قديش صرله مسكر معبر القنيطرة؟", "4 سنوات")]
    // "How much of the loan": the share taken out of the whole, whether it stands before «منها» or after it.
    [InlineData("وقعت مصر اتفاقا مع البنك الدولي لاقتراض 3 مليارات دولار، توجه مليار دولار منها لتنمية سيناء", "قديش من قرض البنك الدولي رايح لتنمية سيناء؟", "مليار دولار")]
    [InlineData("ووصلت إيرادات برشلونة إلى 914 مليون يورو منها 222 مليون يورو قيمة كسر عقد نيمار", "قديش من إيرادات برشلونة كانت من كسر عقد نيمار؟", "222 مليون يورو")]
    // Asked for the whole, the whole answers.
    [InlineData("وقعت مصر اتفاقا مع البنك الدولي لاقتراض 3 مليارات دولار، توجه مليار دولار منها لتنمية سيناء", "قديش قرض البنك الدولي لمصر؟", "3 مليارات دولار")]
    // The date between «أعلنت» and its «أن» is when it was announced, not when the elections are held.
    [InlineData("أعلنت الحكومة في 21 يونيو أن الانتخابات التشريعية ستنظم في 1 سبتمبر", "امتى الانتخابات التشريعية؟", "1 سبتمبر")]
    // Asked when it was announced, that date answers.
    [InlineData("أعلنت الحكومة في 21 يونيو أن الانتخابات التشريعية ستنظم في 1 سبتمبر", "امتى أعلنت الحكومة موعد الانتخابات التشريعية؟", "21 يونيو")]
    public async Task The_span_is_the_whole_answer_and_no_more(string sentence, string question, string expected) =>
        Assert.Equal(expected, await FirstSpanAsync(sentence, question));

    [Theory]
    // «قتلت» before «الشرطة» is the verb of which the police is the subject, not a name after the title «رئيس الفلبين».
    [InlineData("ومنذ انتخاب رئيس الفلبين، قتلت الشرطة حوالي 4 آلاف شخص", "مين أعلن الانسحاب من المحكمة؟", "قتلت")]
    // A known place behind «لـ» after a title says whose the office is: no name follows it.
    [InlineData("ومن المقرر أن يتم تقديم المدرب الجديد لبولندا لوسائل الإعلام في 23 يوليو", "مين المدرب الجديد لبولندا؟", "لبولندا")]
    // The question's own name run on into the words after it is never the other person asked for.
    [InlineData("وأكد المدرب نبيل معلول عشية المواجهة أن الفريق جاهز", "مين المدرب اللي خلف نبيل معلول؟", "معلول")]
    // «بحرارة» (warmly) and «زيارته» (his visit) are common nouns in their written forms, not a name after the title.
    [InlineData("ذكر وزير الخارجية الروسي بحرارة زيارته إلى بيونغ يانغ", "مين وزير الخارجية الروسي؟", "زيارته")]
    public async Task A_name_span_does_not_take_a_verb_a_preposition_or_the_question_s_own_name(string sentence, string question, string notIn)
    {
        var span = await FirstSpanAsync(sentence, question);
        Assert.True(span is null || !span.Contains(notIn, StringComparison.Ordinal), $"got «{span}»");
    }

    [Fact]
    public async Task The_country_of_the_people_the_question_names_is_not_where_they_met()
    {
        // Kim's own country («الزعيم الكوري الشمالي، كيم») is taken for granted by "where did Putin receive Kim?".
        Assert.Null(await FirstSpanAsync("أهدى الزعيم الكوري الشمالي، كيم جونغ أون، بوتين بندقية مصنوعة في كوريا الشمالية", "وين استقبل بوتين كيم؟"));
        // Named for nobody in the question, the same country answers.
        Assert.Equal("كوريا الشمالية", await FirstSpanAsync("أهدى الزعيم كيم جونغ أون بوتين بندقية مصنوعة في كوريا الشمالية", "وين استقبل بوتين كيم؟"));
    }

    [Fact]
    public void The_question_s_words_are_counted_in_the_span_s_own_clause()
    {
        var asked = new HashSet<string>(SearchAnalysis.Terms("البحرين الحقل الجديد", Languages.Arabic), StringComparer.Ordinal);
        const string old = "وكانت البحرين، قبل اكتشاف الحقل الجديد، تمتلك احتياطيا يقدر بنحو 125 مليون برميل";
        const string found = "ويحتوي الحقل الجديد في البحرين على 80 مليار برميل";
        var before = SentenceReading.Read(old, SearchAnalysis.Analyze(old, Languages.Arabic), asked.Contains);
        var after = SentenceReading.Read(found, SearchAnalysis.Analyze(found, Languages.Arabic), asked.Contains);
        Assert.Equal(0, before.ClauseSupport(old.IndexOf("125", StringComparison.Ordinal), old.IndexOf("125", StringComparison.Ordinal) + 3));
        Assert.Equal(3, after.ClauseSupport(found.IndexOf("80", StringComparison.Ordinal), found.IndexOf("80", StringComparison.Ordinal) + 2));
    }
}
