using QABot.Evaluation.Running;

namespace QABot.Evaluation.Tests.Running;

[Trait("Category", "Eval")]
public sealed class EvalConfigurationTests
{
    [Fact]
    public void A_preset_name_brings_its_overrides()
    {
        var bm25 = EvalConfiguration.Parse("bm25");
        Assert.Equal("bm25", bm25.Name);
        Assert.Equal("none", bm25.Settings["Eval:QueryExpansion"]);
        Assert.Equal("", EvalConfiguration.Parse("no-dictionary").Settings["Retrieval:CrossLingual:DictionaryPath"]);
        Assert.Empty(EvalConfiguration.Parse("current").Settings);
    }

    [Fact]
    public void Overrides_after_the_name_are_added_and_keys_keep_their_colons()
    {
        var top5 = EvalConfiguration.Parse("top5:Retrieval:Top=5; Answering:MaxSentences=1");
        Assert.Equal("top5", top5.Name);
        Assert.Equal("5", top5.Settings["Retrieval:Top"]);
        Assert.Equal("1", top5.Settings["Answering:MaxSentences"]);

        var bm25Top3 = EvalConfiguration.Parse("bm25:Retrieval:Top=3");
        Assert.Equal("3", bm25Top3.Settings["Retrieval:Top"]);
        Assert.Equal("none", bm25Top3.Settings["Eval:QueryExpansion"]);
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("x:Retrieval:Top")]
    [InlineData(" ")]
    public void Bad_specs_are_explained(string spec)
    {
        Assert.Throws<FormatException>(() => EvalConfiguration.Parse(spec));
    }
}
