using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Retrieval.Lucene;
using QABot.Testing;
using QABot.Testing.Conformance;

namespace QABot.Retrieval.Tests.Lucene;

/// <summary>Renderings of adjacent English concepts found close together (<see cref="LuceneQueryOptions.EnglishProximityBoost"/>).</summary>
[Trait("Category", "Retrieval")]
public sealed class EnglishProximityTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private const string Filler = "جرت في المدينة احتفالات كبيرة حضرها سكان المنطقة وزوار من خارجها طوال الأسبوع الماضي وسط أجواء مشمسة";

    // "iron bridge" is «الجسر الحديدي»: Arabic puts the noun first, so the pair must match in either order.
    private static readonly SearchRequest Question = new()
    {
        Text = "Who opened the iron bridge?",
        Language = Languages.English,
        Top = 2,
        Expansions =
        [
            new WeightedPhrase("افتتح", 0.8f, "dictionary:opened"),
            new WeightedPhrase("الحديدي", 0.8f, "dictionary:iron"),
            new WeightedPhrase("الجسر", 0.8f, "dictionary:bridge"),
        ],
    };

    [Fact]
    public async Task Passage_holding_adjacent_concepts_together_outranks_the_same_words_apart()
    {
        await using var index = new LuceneArticleIndex(_temp.File("index"));
        await using (var session = await index.BeginWriteAsync())
        {
            await session.UpsertAsync(ConformanceDocuments.Article("apart", "", $"افتتح الجسر {Filler} الحديدي {Filler}"));
            await session.UpsertAsync(ConformanceDocuments.Article("together", "", $"افتتح {Filler} الجسر الحديدي {Filler}"));
            await session.CommitAsync();
        }

        index.QueryOptions = LuceneQueryOptions.Default with { RerankWeight = 0, EnglishRerankWeight = 0, EnglishProximityBoost = 0 };
        var without = await index.SearchAsync(Question);
        index.QueryOptions = LuceneQueryOptions.Default with { RerankWeight = 0, EnglishRerankWeight = 0 };
        var with = await index.SearchAsync(Question);

        Assert.Equal(without[0].Score, without[1].Score, 4);
        Assert.Equal("together", with[0].Chunk.ArticleId);
        Assert.True(with[0].Score > with[1].Score, $"{with[0].Score} vs {with[1].Score}");
    }
}
