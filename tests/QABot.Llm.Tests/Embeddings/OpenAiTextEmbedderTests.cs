using Microsoft.Extensions.DependencyInjection;
using QABot.Core.Retrieval;
using QABot.Llm.Tests.StandIn;

namespace QABot.Llm.Tests.Embeddings;

[Trait("Category", "Llm")]
public sealed class OpenAiTextEmbedderTests
{
    [Fact]
    public async Task Embeds_in_batches_of_BatchSize_keeping_input_order()
    {
        await using var h = await LlmHarness.StartAsync(new()
        {
            ["Embeddings:Endpoint"] = "{standin}", ["Embeddings:Model"] = "stand-in-embed",
            ["Embeddings:Dimensions"] = "8", ["Embeddings:BatchSize"] = "2",
        }, configureLlm: false);
        var embedder = h.Services.GetRequiredService<ITextEmbedder>();
        string[] texts = ["a", "bb", "ccc", "dddd", "بوتين"];

        var vectors = await embedder.EmbedAsync(texts);

        Assert.Equal((8, "stand-in-embed"), (embedder.Dimensions, embedder.Model));
        Assert.Equal([2, 2, 1], h.StandIn.EmbeddingBatches.Select(b => b.Count));
        Assert.Equal(texts, h.StandIn.EmbeddingBatches.SelectMany(b => b));
        Assert.Equal(texts.Select(t => (float)t.Length), vectors.Select(v => v.Span[0]));
        Assert.All(vectors, v => Assert.Equal(8, v.Length));
    }

    [Fact]
    public async Task Unknown_model_dimensions_are_measured_with_one_probe()
    {
        await using var h = await LlmHarness.StartAsync(new() { ["Embeddings:Endpoint"] = "{standin}", ["Embeddings:Model"] = "stand-in-embed" }, configureLlm: false);

        Assert.Equal(8, h.Services.GetRequiredService<ITextEmbedder>().Dimensions);
        Assert.Single(h.StandIn.EmbeddingBatches);
    }
}
