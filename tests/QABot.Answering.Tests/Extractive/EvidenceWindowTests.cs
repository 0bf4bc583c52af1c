using QABot.Answering.Extractive;
using QABot.Answering.Understanding;
using QABot.Core.Domain;

namespace QABot.Answering.Tests.Extractive;

/// <summary>What an English question asks of a quoted window, when no short answer stands before the quote.</summary>
[Trait("Category", "Answering")]
public sealed class EvidenceWindowTests
{
    /// <summary>An English what-question as the analyzer leaves it: its word groups with their Arabic renderings.</summary>
    private static QuestionAnalysis English(string question, params string[][] groups)
    {
        var words = new QueryTermGroups();
        foreach (var group in groups) words.Add(group, QueryTermGroups.DictionaryWordTrust);
        return new QuestionAnalysis
        {
            Question = question, Language = Languages.English, Kind = QuestionKind.What, Focus = question, SearchText = question,
            Words = words, Predicate = words,
        };
    }

    private static HeadWord Head(string term)
    {
        var terms = new HashSet<string>([term], StringComparer.Ordinal);
        return new HeadWord(terms, [new Spelling([terms])]);
    }

    private static HashSet<string> Window(params string[] terms) => new(terms, StringComparer.Ordinal);

    [Theory]
    // The noun after "what kind of", or closing the phrase after a possessive, names the property asked for.
    [InlineData("what kind of world will their cooperation build", "world", "عالم")]
    [InlineData("what is kim's favourite food?", "food", "غذاء")]
    public void A_what_question_is_answered_only_by_a_window_naming_the_kind_of_thing_asked(string question, string noun, string rendering)
    {
        var analysis = English(question, ["other", "اخر"], [noun, rendering]);

        Assert.False(EvidenceWindow.AskedNounHolds(analysis, Window("اخر", "مفضل")));
        Assert.True(EvidenceWindow.AskedNounHolds(analysis, Window(rendering)));
    }

    [Theory]
    // The thing the question's verb takes is answered by an instance: «أعطى كيم بندقية» answers "what gift" without «هدية».
    [InlineData("What gift did Putin give Kim Jong Un?", "gift", "هدي")]
    [InlineData("what car does he drive", "car", "سيار")]
    public void A_noun_the_question_verb_takes_asks_nothing_of_the_window(string question, string noun, string rendering)
    {
        var analysis = English(question, ["other", "اخر"], [noun, rendering]);

        Assert.True(EvidenceWindow.AskedNounHolds(analysis, Window("اخر", "بندق")));
    }

    [Theory]
    [InlineData("ما الذي تمناه كيم لروسيا في رسالة الشكر إلى بوتين؟")]
    [InlineData("ما الهدية التي قدمها بوتين لكيم؟")]
    public void An_arabic_relative_clause_asks_for_what_the_verb_takes_not_for_a_kind(string question)
    {
        var analysis = English(question, ["تمنا"], ["هدي"]) with
        {
            Language = Languages.Arabic, HeadPhrase = [Head("تمنا"), Head("كيم")],
        };

        Assert.True(EvidenceWindow.AskedNounHolds(analysis, Window("بندق")));
    }

    [Fact]
    public void A_quote_standing_alone_must_name_whom_the_question_asks_about()
    {
        var analysis = English("what is kim's favourite food?", ["favourit", "مفضل"], ["food", "غذاء"]) with
        {
            Constraints = [new QuestionConstraint(ConstraintKind.Name, "kim", [QuestionAnalyzer.SpellingOf("كيم", Languages.Arabic)])],
        };

        // A lunch of cold noodles on the day of the summit, Kim named only around it.
        Assert.False(EvidenceWindow.QuoteNamesTheSubject(analysis, Window("غذاء", "معجن")));
        Assert.True(EvidenceWindow.QuoteNamesTheSubject(analysis, Window("كيم", "غذاء")));
    }
}
