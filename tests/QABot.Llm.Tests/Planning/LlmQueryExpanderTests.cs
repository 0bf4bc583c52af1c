using QABot.Answering.Llm.Planning;

namespace QABot.Llm.Tests.Planning;

[Trait("Category", "Llm")]
public sealed class LlmQueryExpanderTests
{
    [Fact]
    public void Terms_are_read_one_per_line_without_list_markers_and_non_arabic_lines()
    {
        var terms = LlmQueryExpander.ParseTerms("1. بوتين\n- كيم جونغ أون\n* بندقية\nHere are the terms:\n٤) هدايا\nبوتين\n2023");

        Assert.Equal(["بوتين", "كيم جونغ أون", "بندقية", "هدايا"], terms.Select(t => t.Text));
        Assert.All(terms, t => Assert.Equal((LlmQueryExpander.ExpanderName, LlmQueryExpander.TermWeight), (t.Origin, t.Weight)));
    }
}
