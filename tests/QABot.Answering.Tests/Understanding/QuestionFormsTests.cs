using QABot.Answering.Understanding;
using QABot.Core.Answering;
using QABot.Core.Domain;

namespace QABot.Answering.Tests.Understanding;

[Trait("Category", "Answering")]
public sealed class QuestionFormsTests
{
    [Theory]
    // Modern Standard Arabic
    [InlineData("من هو وزير خارجية روسيا الذي التقى تشوي سونغ هوي؟", QuestionKind.Who, AnswerType.Person)]
    [InlineData("متى كانت آخر زيارة لبوتين إلى كوريا الشمالية؟", QuestionKind.When, AnswerType.Date)]
    [InlineData("أين عقدت القمة بين بوتين وكيم؟", QuestionKind.Where, AnswerType.Place)]
    [InlineData("كم يوما أمضى كيم جونغ أون في روسيا؟", QuestionKind.HowMany, AnswerType.Duration)]
    [InlineData("كم استمرت المحادثات؟", QuestionKind.HowMany, AnswerType.Duration)]
    [InlineData("كم عدد القتلى في الهجوم؟", QuestionKind.HowMany, AnswerType.Number)]
    [InlineData("كم سعر برميل النفط؟", QuestionKind.HowMany, AnswerType.Money)]
    [InlineData("لماذا انسحبت موسكو من مبادرة البحر الأسود؟", QuestionKind.Why, AnswerType.Other)]
    [InlineData("ما عاصمة أستراليا؟", QuestionKind.Where, AnswerType.Place)]
    [InlineData("ماذا أهدى بوتين لكيم؟", QuestionKind.What, AnswerType.Other)]
    [InlineData("في أي عام زار بوتين كوريا الشمالية؟", QuestionKind.When, AnswerType.Date)]
    [InlineData("ما اسم رئيس وزراء ماليزيا؟", QuestionKind.Who, AnswerType.Person)]
    [InlineData("أي وكالة نشرت البيان؟", QuestionKind.Who, AnswerType.Organization)]
    // Dialects
    [InlineData("مين وزير الدفاع الروسي؟", QuestionKind.Who, AnswerType.Person)]
    [InlineData("شو أهدى بوتين لكيم؟", QuestionKind.What, AnswerType.Other)]
    [InlineData("إيش صار بين بوتين وكيم؟", QuestionKind.What, AnswerType.Other)]
    [InlineData("وين التقى بوتين وكيم؟", QuestionKind.Where, AnswerType.Place)]
    [InlineData("فين اتقابلوا؟", QuestionKind.Where, AnswerType.Place)]
    [InlineData("امتى زار كيم روسيا؟", QuestionKind.When, AnswerType.Date)]
    [InlineData("الاجتماع كان إمتى؟", QuestionKind.When, AnswerType.Date)]
    [InlineData("قديش يوم قعد كيم في روسيا؟", QuestionKind.HowMany, AnswerType.Duration)]
    [InlineData("كام يوم قعد كيم في روسيا؟", QuestionKind.HowMany, AnswerType.Duration)]
    [InlineData("ليش انسحبت روسيا من الاتفاق؟", QuestionKind.Why, AnswerType.Other)]
    [InlineData("ليه بوتين زار كوريا؟", QuestionKind.Why, AnswerType.Other)]
    // English, as people type it
    [InlineData("Who is the Russian defence minister who took part in the talks in Pyongyang?", QuestionKind.Who, AnswerType.Person)]
    [InlineData("when did putin last visit north korea", QuestionKind.When, AnswerType.Date)]
    [InlineData("whn did putin visit pyongyang", QuestionKind.When, AnswerType.Date)]
    [InlineData("wher did kim and putin meet", QuestionKind.Where, AnswerType.Place)]
    [InlineData("hw many days did kim spend in russia", QuestionKind.HowMany, AnswerType.Duration)]
    [InlineData("how long did the talks last?", QuestionKind.HowMany, AnswerType.Duration)]
    [InlineData("How much did the deal cost?", QuestionKind.HowMany, AnswerType.Money)]
    [InlineData("What is the capital of Australia?", QuestionKind.Where, AnswerType.Place)]
    [InlineData("which company makes the rifle?", QuestionKind.Who, AnswerType.Organization)]
    [InlineData("In which city did they sign the agreement?", QuestionKind.Where, AnswerType.Place)]
    [InlineData("what year did putin visit north korea", QuestionKind.When, AnswerType.Date)]
    [InlineData("why did moscow leave the grain deal", QuestionKind.Why, AnswerType.Other)]
    [InlineData("What did Putin give Kim?", QuestionKind.What, AnswerType.Other)]
    public void Reads_the_kind_and_the_answer_type(string question, QuestionKind kind, AnswerType type)
    {
        var form = QuestionForms.Read(question, Text.LanguageDetector.Detect(question));

        Assert.Equal((kind, type), (form.Kind, form.Type));
    }

    [Theory]
    [InlineData("Is it true that Kim spent ten days in Russia?", "Kim spent ten days in Russia?")]
    [InlineData("is it true putin visited pyongyang", "putin visited pyongyang")]
    [InlineData("Fact check: Putin gave Kim a rifle", "Putin gave Kim a rifle")]
    [InlineData("هل صحيح أن كيم أمضى عشرة أيام في روسيا؟", "كيم أمضى عشرة أيام في روسيا؟")]
    [InlineData("صحيح أن بوتين أهدى كيم بندقية؟", "بوتين أهدى كيم بندقية؟")]
    public void A_claim_frame_is_taken_off_the_claim(string question, string claim)
    {
        var form = QuestionForms.Read(question, Text.LanguageDetector.Detect(question));

        Assert.Equal(QuestionKind.Claim, form.Kind);
        Assert.False(form.IsYesNo);
        Assert.Equal(claim, question[form.FrameEnd..]);
    }

    [Theory]
    [InlineData("Did Putin visit North Korea in 2000?")]
    [InlineData("was the agreement signed in pyongyang")]
    [InlineData("هل وقع بوتين وكيم اتفاقا خلال الزيارة؟")]
    public void Yes_no_questions_are_judged_like_claims(string question)
    {
        var form = QuestionForms.Read(question, Text.LanguageDetector.Detect(question));

        Assert.Equal(QuestionKind.Claim, form.Kind);
        Assert.True(form.IsYesNo);
    }

    [Theory]
    [InlineData("What was published in September 2023?", Languages.English, true)]
    [InlineData("ماذا نشرت BBC في 15 يوليو 2018؟", Languages.Arabic, true)]
    [InlineData("ماذا حدث في سبتمبر 2023؟", Languages.Arabic, true)]
    [InlineData("show me the news from last week", Languages.English, true)]
    [InlineData("list what france 24 put out on 18 feb 2018", Languages.English, true)]
    [InlineData("anything from RT?", Languages.English, true)]
    [InlineData("What did the article say about the rifle?", Languages.English, false)]
    [InlineData("Who published the statement?", Languages.English, false)]
    public void Recognises_requests_for_articles(string question, string language, bool expected) =>
        Assert.Equal(expected, QuestionForms.Read(question, language).AsksForArticles);

    [Theory]
    [InlineData("ما عاصمة أستراليا؟", "عاصمه", "استراليا")]
    [InlineData("What is the capital of Australia?", "capital", "australia")]
    public void Finds_the_head_phrase_asked_about(string question, string head, string complement) =>
        Assert.Equal([head, complement], QuestionForms.Read(question, Text.LanguageDetector.Detect(question)).HeadPhrase);

    [Theory]
    // A relative clause («اللي», «الذي») or a dialect "then" («وقتها») ends the role a who-question asks about.
    [InlineData("مين وزير خارجية روسيا اللي التقى تشوي سون هوي؟", "وزير خارجيه روسيا")]
    [InlineData("ومين كان زعيم كوريا الشمالية وقتها؟", "زعيم كوريا الشماليه")]
    [InlineData("who's the russian defence minister that went to pyongyang", "russian defence minister")]
    public void The_role_of_a_who_question_ends_where_its_grammar_starts(string question, string role) =>
        Assert.Equal(role, string.Join(' ', QuestionForms.Read(question, Text.LanguageDetector.Detect(question)).HeadPhrase));

    [Theory]
    [InlineData("كم باص طلع من دوما يوم الأحد؟", "باص")]
    [InlineData("كم عدد الحافلات التي خرجت من دوما؟", "الحافلات")]
    [InlineData("how many caps did mascherano win", "caps")]
    [InlineData("how many facebook accounts were exposed", "accounts")]
    public void A_how_many_question_names_what_it_counts(string question, string counted) =>
        Assert.Equal(counted, QuestionForms.Read(question, Text.LanguageDetector.Detect(question)).CountedNoun);

    [Theory]
    [InlineData("كم كان عمر المخرج لما توفي؟")]
    [InlineData("قديش عمر رونالدينيو؟")]
    [InlineData("how old was reem bana")]
    public void An_age_is_a_number_of_years_not_a_duration(string question)
    {
        var form = QuestionForms.Read(question, Text.LanguageDetector.Detect(question));

        Assert.True(form.AsksAge);
        Assert.Equal((QuestionKind.HowMany, AnswerType.Number, "year"), (form.Kind, form.Type, form.Unit?.Key));
        Assert.Null(form.CountedNoun);
    }

    [Theory]
    [InlineData("شو أكثر مدينة ملائمة للعيش بالعالم؟", QuestionKind.Where, AnswerType.Place)]
    [InlineData("ما أكبر شركة في العالم؟", QuestionKind.Who, AnswerType.Organization)]
    public void A_superlative_leaves_the_answer_type_to_its_noun(string question, QuestionKind kind, AnswerType type)
    {
        var form = QuestionForms.Read(question, Languages.Arabic);

        Assert.Equal((kind, type), (form.Kind, form.Type));
    }
}
