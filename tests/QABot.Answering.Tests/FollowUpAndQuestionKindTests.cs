using QABot.Answering.Conversations;
using QABot.Answering.Extractive;

namespace QABot.Answering.Tests;

[Trait("Category", "Answering")]
public sealed class FollowUpAndQuestionKindTests
{
    [Theory]
    [InlineData("and when was that?", "en")]
    [InlineData("When did he say it?", "en")]
    [InlineData("ومتى كان ذلك؟", "ar")]
    [InlineData("متى حدث هذا؟", "ar")]
    public void Short_questions_pointing_back_are_follow_ups(string question, string language) =>
        Assert.True(FollowUpDetector.IsFollowUp(question, language));

    [Theory]
    [InlineData("What did Putin give Kim Jong Un during the visit to the Vostochny cosmodrome?", "en")]
    [InlineData("ماذا أهدى بوتين لكيم جونغ أون؟", "ar")]
    [InlineData("Who is the president of Russia?", "en")]
    public void Self_contained_questions_are_not_follow_ups(string question, string language) =>
        Assert.False(FollowUpDetector.IsFollowUp(question, language));

    [Theory]
    [InlineData("When was the article published?", "en", true)]
    [InlineData("متى زار كيم روسيا؟", "ar", true)]
    [InlineData("ما تاريخ الزيارة؟", "ar", true)]
    [InlineData("What did Putin give Kim?", "en", false)]
    [InlineData("ماذا أهدى بوتين لكيم؟", "ar", false)]
    public void Recognises_when_questions(string question, string language, bool expected) =>
        Assert.Equal(expected, WhenQuestion.AsksWhen(question, language));
}
