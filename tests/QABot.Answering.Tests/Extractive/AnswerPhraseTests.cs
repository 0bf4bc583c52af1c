using Microsoft.Extensions.DependencyInjection;
using QABot.Answering.Extractive;
using QABot.Answering.Extractive.Spans;
using QABot.Answering.Understanding;
using QABot.Core.Answering;
using QABot.Core.Domain;
using QABot.Text;
using QABot.Text.Analysis;

namespace QABot.Answering.Tests.Extractive;

[Trait("Category", "Answering")]
public sealed class AnswerPhraseTests(SampleCorpusAnswerer corpus) : IClassFixture<SampleCorpusAnswerer>
{
    private static readonly DateTimeOffset Now = new(2023, 10, 20, 0, 0, 0, TimeSpan.Zero);

    private async Task<AnswerPhrase?> FindAsync(string sentence, string question)
    {
        var analysis = await corpus.AnalyzeAsync(question, Now);
        var terms = new HashSet<string>(StringComparer.Ordinal);
        for (var g = 0; g < analysis.Words.Count; g++) terms.UnionWith(analysis.Words[g]);
        var reading = SentenceReading.Read(sentence, SearchAnalysis.Analyze(sentence, Languages.Arabic), terms.Contains);
        return AnswerPhrase.Find(reading, analysis);
    }

    [Theory]
    [InlineData("وأفاد الناطق باسم الكرملين بأن بوتين أعطى كيم بندقية من إنتاجنا تعد من أفضل نوعية.", "شو اعطى بوتين لكيم؟", "بندقية")]
    [InlineData("وأفاد الناطق باسم الكرملين بأن بوتين أعطى كيم بندقية من إنتاجنا تعد من أفضل نوعية.", "what did putin give kim", "بندقية")]
    [InlineData("مضيفا أن بوتين أهدى كيم أيضا \"قفازا يعد جزءا من بزة استخدمت في الفضاء\".", "شو كمان اهدى بوتين لكيم؟", "قفاز")]
    [InlineData("وقالت الشركة إن الهجوم الإلكتروني استهدف ليلة السبت شبكة الكهرباء الوطنية في كييف.", "شو استهدف الهجوم الالكتروني؟", "شبكة الكهرباء الوطنية")]
    [InlineData("دشنت السعودية أول دار سينما في البلاد بعد حظر استمر 40 عاما.", "شو دشنت السعودية؟", "أول دار سينما")]
    [InlineData("ودشنت الولايات المتحدة رسميا سفارتها في مدينة القدس الاثنين.", "شو دشنت الولايات المتحدة بالقدس؟", "سفارتها")]
    [InlineData("لكن مانشستر يونايتد أهدى اللقب لمانشستر سيتي بخسارته أمام ويست بروميتش.", "شو أهدى مانشستر يونايتد لمانشستر سيتي؟", "اللقب")]
    public async Task A_what_question_is_answered_by_the_object_of_its_verb(string sentence, string question, string expected)
    {
        var phrase = await FindAsync(sentence, question);

        Assert.Equal(expected, phrase?.Text);
    }

    [Fact]
    public async Task The_subject_right_after_the_verb_is_not_its_object()
    {
        // «مسلحون» is who attacked, not what was attacked; the sentence names no target after the question's words.
        Assert.Null(await FindAsync("واستهدف مسلحون مجهولون أمس في المدينة.", "شو استهدف الهجوم؟"));
    }

    [Theory]
    [InlineData("ويروي الفيلم الوثائقي العراقي \"73 درجة\" قصة ثلاثة أطفال هربوا من داعش.", "شو الفيلم الوثائقي العراقي عن ولاد هربوا من داعش؟", "73 درجة")]
    [InlineData("على أن يرتدي اللاعبون قمصانا تحمل أكمامها جملة \"زوروا رواندا\".", "شو الجملة اللي على أكمام قمصان أرسنال؟", "زوروا رواندا")]
    public async Task A_quoted_title_after_the_noun_asked_about_is_the_answer(string sentence, string question, string expected)
    {
        Assert.Equal(expected, (await FindAsync(sentence, question))?.Text);
    }

    [Fact]
    public async Task What_someone_said_is_not_read_as_the_object_of_a_verb()
    {
        Assert.Null(await FindAsync("أكد زيدان على تمسكه برونالدو، ورفض فكرة تعويضه بمهاجم ليفربول محمد صلاح.", "شو قال زيدان عن فكرة يبدل رونالدو بصلاح؟"));
    }

    [Fact]
    public async Task A_why_question_gets_the_reason_a_causal_word_opens_cut_short()
    {
        var phrase = await FindAsync("أعلنت الفلبين انسحابها من المحكمة الجنائية الدولية، لأن المحكمة تنظر في حملة مكافحة المخدرات التي يقودها الرئيس رودريغو دوتيرتي منذ سنتين.",
            "ليش انسحبت الفلبين من المحكمة الجنائية الدولية؟");

        Assert.NotNull(phrase);
        Assert.StartsWith("لأن المحكمة تنظر في حملة مكافحة المخدرات", phrase.Text);
        Assert.True(phrase.Text.Split(' ').Length <= 8, phrase.Text);
        Assert.Equal(ReasonForm.Because, phrase.Reason);
        Assert.DoesNotContain("لأن", phrase.Core);
    }

    [Fact]
    public async Task A_reason_named_by_a_noun_offers_the_noun_alone_as_a_shorter_form()
    {
        var phrase = await FindAsync("يعيش مئات الأطفال في شوارع مدينة عدن جنوب اليمن بسبب الحرب الدائرة هناك منذ نحو أربع سنوات.", "ليش في أطفال عايشين بشوارع عدن؟");

        Assert.Equal(ReasonForm.BecauseOf, phrase?.Reason);
        Assert.Contains("الحرب", phrase!.Shorter);
    }

    [Fact]
    public async Task The_clause_before_a_consequence_word_is_the_reason_for_the_consequence()
    {
        var phrase = await FindAsync("وذكر بوتين أنه «يعتبر القيادة الأوكرانية غير شرعية، وبالتالي من المستحيل قانونياً التوقيع على اتفاق مع كييف».",
            "ليش بوتين بيقول ما بيقدر يوقع اتفاق مع كييف");

        Assert.Equal("يعتبر القيادة الأوكرانية غير شرعية", phrase?.Text);
    }

    [Fact]
    public async Task What_happened_first_is_the_reason_a_why_question_gets()
    {
        var phrase = await FindAsync("وحل البشير الحكومة، بعد أن تفاقمت الأزمة الاقتصادية في البلاد.", "ليش حل البشير الحكومة؟");

        Assert.Equal("بعد أن تفاقمت الأزمة الاقتصادية في البلاد", phrase?.Text);
        Assert.Equal(ReasonForm.After, phrase?.Reason);
    }

    [Fact]
    public async Task A_purpose_is_a_reason_too()
    {
        var phrase = await FindAsync("وقرر الرئيس السوداني حل الحكومة لمعالجة الأوضاع الاقتصادية في البلاد.", "ليش حل الرئيس السوداني الحكومة؟");

        Assert.Equal("لمعالجة الأوضاع الاقتصادية في البلاد", phrase?.Text);
        Assert.Equal(ReasonForm.InOrderTo, phrase?.Reason);
    }

    [Fact]
    public async Task A_why_question_without_a_reason_in_the_sentence_gets_none()
    {
        Assert.Null(await FindAsync("ألغت الفلبين الأربعاء مصادقتها على نظام روما بمفعول فوري.", "ليش انسحبت الفلبين من المحكمة؟"));
    }

    [Fact]
    public void An_English_answer_renders_the_phrase_or_says_it_cannot_and_gives_the_Arabic()
    {
        var writer = new ShortAnswerWriter(corpus.Services.GetRequiredService<IEnglishRenderer>());

        var (rendered, ok) = writer.Write(new AnswerPhrase("القفاز", "القفاز", []), Languages.English, "what else did putin give kim");
        Assert.True(ok);
        Assert.DoesNotContain(rendered, c => ArabicNormalizer.IsArabicLetter(c));

        var unknown = new AnswerPhrase("يعتبر القيادة الأوكرانية غير شرعية وبالتالي يرفض", "يعتبر القيادة الأوكرانية غير شرعية وبالتالي يرفض", [], ReasonForm.Because);
        var (said, rendered2) = writer.Write(unknown, Languages.English, "why does putin say he can't sign");
        Assert.False(rendered2);
        Assert.Contains("يعتبر القيادة الأوكرانية", said);
        Assert.StartsWith("No reliable English wording", said);
    }

    /// <summary>Renders the phrases it is given and nothing else.</summary>
    private sealed class PhraseRenderer(Dictionary<string, string> phrases) : IEnglishRenderer
    {
        public EnglishRendering? Render(string arabicSpan, AnswerType type, string? question = null) => null;

        public EnglishRendering? RenderPhrase(string arabicPhrase, string? question = null) =>
            phrases.TryGetValue(arabicPhrase, out var english) ? new EnglishRendering(english, "dictionary") : null;
    }

    [Fact]
    public void An_English_reason_is_the_whole_rendered_phrase_or_else_its_head_noun_introduced_as_in_Arabic()
    {
        var whole = new ShortAnswerWriter(new PhraseRenderer(new() { ["تدريبات عسكرية"] = "Military exercises", ["تدريبات"] = "Exercises" }));
        var headOnly = new ShortAnswerWriter(new PhraseRenderer(new() { ["تهديد"] = "Threat" }));

        Assert.Equal(("because of military exercises", true),
            whole.Write(new AnswerPhrase("بسبب تدريبات عسكرية", "تدريبات عسكرية", ["تدريبات"], ReasonForm.BecauseOf), Languages.English));
        Assert.Equal(("because of threat", true),
            headOnly.Write(new AnswerPhrase("بسبب تهديد بوجود قنابل", "تهديد بوجود قنابل", ["تهديد"], ReasonForm.BecauseOf), Languages.English));
        Assert.Equal(("تهديد بوجود قنابل", true),
            headOnly.Write(new AnswerPhrase("تهديد بوجود قنابل", "تهديد بوجود قنابل", ["تهديد"]), Languages.Arabic));
    }

    [Fact]
    public async Task Reasons_named_by_their_adjective_keep_the_noun()
    {
        // ANT SK-sport-2658-20180908, AL-sport-1836-20180606: «لأسباب شخصية», «لأسباب أمنية».
        var phrase = await FindAsync("غادر ساني معسكر المنتخب الألماني لأسباب شخصية يوم الجمعة.", "ليش غادر ساني معسكر المنتخب؟");

        Assert.Equal("أسباب شخصية", phrase?.Core);
        Assert.Equal(ReasonForm.ForReasons, phrase?.Reason);
        Assert.Equal(("for personal reasons", true),
            new ShortAnswerWriter(new PhraseRenderer(new() { ["أسباب شخصية"] = "Personal reasons" })).Write(phrase!, Languages.English));
    }

    [Fact]
    public async Task An_English_question_naming_the_kind_of_thing_asked_gets_that_noun_with_its_qualifiers()
    {
        var analysis = await corpus.AnalyzeAsync("what agreement did putin and kim sign", Now);
        var terms = new HashSet<string>(StringComparer.Ordinal);
        for (var g = 0; g < analysis.Words.Count; g++) terms.UnionWith(analysis.Words[g]);
        const string sentence = "وقّع بوتين، ورئيس كوريا الديمقراطية الشعبية، كيم جونغ أون، اليوم الأربعاء، اتفاقية الشراكة الاستراتيجية الشاملة بين روسيا وكوريا.";
        var reading = SentenceReading.Read(sentence, SearchAnalysis.Analyze(sentence, Languages.Arabic), terms.Contains);

        var phrase = AnswerPhrase.AskedNounPhrase(reading, analysis);

        Assert.Equal("اتفاقية الشراكة الاستراتيجية الشاملة", phrase?.Text);
        // The noun alone would only repeat the question.
        Assert.DoesNotContain("اتفاقية", phrase!.Shorter);
    }

    [Fact]
    public void A_shorter_form_never_cuts_an_adjective_from_the_noun_it_governs()
    {
        var writer = new ShortAnswerWriter(new PhraseRenderer(new() { ["عالم متعدد"] = "Multi world", ["عالم"] = "World" }));

        // «متعدد الأقطاب» says one thing (multipolar); "multi world" is not what the text says.
        var (said, rendered) = writer.Write(new AnswerPhrase("عالم متعدد الأقطاب", "عالم متعدد الأقطاب", ["عالم متعدد", "عالم"]), Languages.English);

        Assert.Equal(("World", true), (said, rendered));
    }

    [Fact]
    public void A_quoted_title_is_rendered_as_a_title_or_given_in_Arabic()
    {
        var titles = new ShortAnswerWriter(new TitleRenderer());

        Assert.Equal(("American Pastoral", true), titles.Write(new AnswerPhrase("أميريكان باستورال", "أميريكان باستورال", [], Title: true), Languages.English));
        var (said, rendered) = new ShortAnswerWriter(new PhraseRenderer([])).Write(new AnswerPhrase("بوكو", "بوكو", [], Title: true), Languages.English);
        Assert.False(rendered);
        Assert.Contains("بوكو", said);
    }

    /// <summary>Renders one title and no phrase: a title must not be read as a noun phrase.</summary>
    private sealed class TitleRenderer : IEnglishRenderer
    {
        public EnglishRendering? Render(string arabicSpan, AnswerType type, string? question = null) => null;

        public EnglishRendering? RenderTitle(string arabicTitle) => arabicTitle == "أميريكان باستورال" ? new EnglishRendering("American Pastoral", "dictionary") : null;
    }

    [Fact]
    public async Task A_gift_question_over_the_sample_corpus_is_answered_with_the_gift()
    {
        var answer = await corpus.Services.GetRequiredService<ExtractiveAnswerer>().AnswerAsync(new AnswerRequest { Question = "شو اعطى بوتين لكيم؟", Now = Now });

        Assert.False(answer.Refused);
        Assert.Matches("بندقية|قفاز", answer.ShortAnswer);
        Assert.True(answer.ShortAnswer!.Split(' ').Length <= 4, answer.ShortAnswer);
    }
}
