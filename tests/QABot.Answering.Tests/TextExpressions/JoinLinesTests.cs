using QABot.Text.Tokens;

namespace QABot.Answering.Tests.TextExpressions;

/// <summary>
/// A sentence's window is tokenised from its lines' words, each line read once: the words, their places and the breaks
/// before them must be those of the joined window, or the window's names, numbers and dates would be read otherwise.
/// </summary>
[Trait("Category", "Answering")]
public sealed class JoinLinesTests
{
    [Theory]
    // A full stop ends the title: the break it leaves falls on the next line's first word.
    [InlineData("قمة بوتين وكيم.", "", "وأهدى بوتين كيم سيفا، في 25 أبريل 2019", "وقال الكرملين «إن اللقاء ناجح»")]
    // A line without words passes the pending break on; one ending on a word clears it.
    [InlineData("Putin's gift:", "", "", "Kim's O'Brien paid 3.5 million, 8,000 in all")]
    [InlineData("(بيان)", "…", "3.", "5 مليون")]
    [InlineData("", "Kim said", "- no -", "'quoted' word’s end’")]
    public void Lines_tokenised_apart_join_as_the_window_tokenised_whole(string title, string previous, string sentence, string next)
    {
        string[] lines = [title, previous, sentence, next];

        var joined = WordTokenizer.JoinLines([.. lines.Select(WordTokenizer.TokenizeLine)]);

        Assert.Equal(WordTokenizer.Tokenize(string.Join("\n", lines)), joined);
    }
}
