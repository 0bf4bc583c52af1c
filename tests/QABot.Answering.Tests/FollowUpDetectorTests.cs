using QABot.Answering.Conversations;

namespace QABot.Answering.Tests;

[Trait("Category", "Answering")]
public sealed class FollowUpDetectorTests
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
}
