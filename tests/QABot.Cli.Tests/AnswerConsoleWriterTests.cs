using QABot.Cli.Terminal;
using QABot.Core.Domain;

namespace QABot.Cli.Tests;

/// <summary>What `ask` prints above an answer's text: the short answer only where it adds something.</summary>
[Trait("Category", "Cli")]
public sealed class AnswerConsoleWriterTests
{
    private sealed class StoredNames : IOutletNames
    {
        public string DisplayName(string storedSource, string language) => storedSource;
    }

    private static string Written(Answer answer)
    {
        var output = new StringWriter();
        AnswerConsoleWriter.Write(output, answer, outlets: new StoredNames());
        return output.ToString();
    }

    [Theory]
    [InlineData("ar", "عدد المقالات: 2، الأحدث أولاً:")]
    [InlineData("en", "2 article(s), newest first:")]
    public void A_listing_prints_its_count_once_in_its_heading_and_no_short_answer_line(string language, string text)
    {
        var listing = new ArticleListing(2,
        [
            new ListedArticle("b", "عنوان ثان", "سكاي نيوز عربية", new DateTimeOffset(2023, 9, 18, 0, 0, 0, TimeSpan.FromHours(3))),
            new ListedArticle("a", "عنوان أول", "قناة اليمن اليوم", null),
        ]);
        var printed = Written(new Answer { Question = "?", Language = language, Text = text, Refused = false, Kind = QuestionKind.List, ShortAnswer = "2", Listing = listing });

        Assert.DoesNotContain("»", printed);
        Assert.Contains("2023-09-18", printed);
    }

    [Fact]
    public void A_factoid_whose_text_does_not_open_with_its_short_answer_prints_the_short_answer_first()
    {
        var printed = Written(new Answer { Question = "?", Language = "en", Text = "From the Arabic sources [1]: …", Refused = false, Kind = QuestionKind.Who, ShortAnswer = "Sergei Lavrov" });

        Assert.StartsWith("» Sergei Lavrov", printed);
    }
}
