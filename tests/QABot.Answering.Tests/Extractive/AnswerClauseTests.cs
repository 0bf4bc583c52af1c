using QABot.Answering.Extractive.Spans;
using QABot.Core.Domain;
using QABot.Text.Analysis;

namespace QABot.Answering.Tests.Extractive;

[Trait("Category", "Answering")]
public sealed class AnswerClauseTests
{
    private static SentenceReading Read(string sentence, string question)
    {
        var asked = SearchAnalysis.Terms(question, Languages.Arabic).ToHashSet(StringComparer.Ordinal);
        return SentenceReading.Read(sentence, SearchAnalysis.Analyze(sentence, Languages.Arabic), asked.Contains);
    }

    [Fact]
    public void Otherwise_the_clause_carrying_most_of_the_question_and_more_answers()
    {
        var sentence = Read("وبدوره، أكد رئيس كوريا، كيم جونغ أون، على دور روسيا في الحفاظ على التوازن، معربا عن دعمه الكامل للعملية العسكرية الروسية الخاصة في أوكرانيا.",
            "شو قال كيم عن العملية العسكرية الروسية الخاصة بأوكرانيا؟");

        Assert.Equal("معربا عن دعمه الكامل للعملية العسكرية الروسية الخاصة في أوكرانيا", AnswerClause.Find(sentence, QuestionKind.Other));
    }

    [Fact]
    public void Neither_an_apposition_naming_whom_the_question_asks_about_nor_the_sentence_opening_is_an_answer()
    {
        var sentence = Read("أهدى كل من الرئيس الروسى، فلاديمير بوتين، والزعيم الكورى الشمالى، كيم جونج أون، الآخر بندقية بعد الاجتماع الذي عقداه فى أقصى شرق روسيا، وفق ما أعلن الكرملين الخميس.",
            "ماذا أهدى بوتين لكيم جونغ أون؟");

        Assert.Null(AnswerClause.Find(sentence, QuestionKind.What));
    }

    [Fact]
    public void A_sentence_of_one_clause_has_no_shorter_answer()
    {
        var sentence = Read("وقال المتحدث إن الاجتماع كان مثمرا وناقش قضايا عديدة", "شو قال المتحدث عن الاجتماع؟");

        Assert.Null(AnswerClause.Find(sentence, QuestionKind.Other));
    }

    [Theory]
    [InlineData("وزار كيم جونغ أون الفرقاطة مارشال شابوشنيكوف في ميناء فلاديفوستوك.", "شو اسم الفرقاطة اللي زارها كيم جونغ اون؟", "مارشال شابوشنيكوف")]
    [InlineData("ويروي الفيلم الوثائقي العراقي \"73 درجة\" قصة ثلاثة أطفال هربوا من داعش.", "شو اسم الفيلم الوثائقي العراقي عن تلات ولاد هربوا من داعش؟", "73 درجة")]
    public void Asked_the_name_of_a_thing_the_answer_is_the_name_written_after_it(string text, string question, string name)
    {
        var form = QABot.Answering.Understanding.QuestionForms.Read(question, Languages.Arabic);
        var named = SearchAnalysis.Terms(form.NamedNoun!, Languages.Arabic).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(name, AnswerClause.Find(Read(text, question), form.Kind, named));
    }

    [Fact]
    public void A_clause_about_the_thing_is_not_its_name()
    {
        var named = SearchAnalysis.Terms("الفرقاطة", Languages.Arabic).ToHashSet(StringComparer.Ordinal);

        Assert.Null(AnswerClause.Find(Read("وصعد كيم إلى الفرقاطة التي رست في الميناء.", "شو اسم الفرقاطة؟"), QuestionKind.What, named));
    }
}
