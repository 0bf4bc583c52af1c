using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QABot.Core.Retrieval;
using QABot.Retrieval.Extensions;
using QABot.Retrieval.Fusion;
using QABot.Retrieval.Lucene;
using QABot.Retrieval.Options;
using QABot.Testing;
using QABot.Testing.Conformance;

namespace QABot.Retrieval.Tests.Lucene;

/// <summary>
/// BM25 fused with a deliberately bad embedding model. The "model" is a table of vectors written to be wrong in the way
/// an English-only model is wrong over Arabic news: it cannot see the topic, so it puts the on-topic chunks last and
/// prefers one chunk that BM25 ranks low (about 32nd) and 60 off-topic chunks that BM25 does not find at all.
/// </summary>
[Trait("Category", "Retrieval")]
public sealed class WeightedFusionTests : IDisposable
{
    private const string Question = "الصواريخ الفرط صوتية";
    private const int OnTopicRunnersUp = 30;
    private const int OffTopic = 60;

    // The bad model's view: the question and its favourite point one way, on-topic chunks the opposite way.
    private static readonly float[] QuestionVector = [1, 0];
    private static readonly float[] OnTopicVector = [-1, 0];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Under_the_default_weights_a_bad_embedder_keeps_BM25s_top_hit_first_and_brings_in_nothing_BM25_missed()
    {
        await using var index = await BuildAsync(new FusionOptions());

        var bm25 = await index.SearchAsync(new SearchRequest { Text = Question, Top = 5 });
        var fused = await index.SearchAsync(new SearchRequest { Text = Question, Embedding = QuestionVector, Top = 5 });

        Assert.Equal("exact", bm25[0].Chunk.ArticleId);
        Assert.Equal("exact", fused[0].Chunk.ArticleId);
        // The dense arm may still promote a chunk BM25 found (the favourite), but never one BM25 did not find.
        Assert.DoesNotContain(fused, h => h.Chunk.ArticleId.StartsWith("off-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Under_equal_weights_the_same_bad_embedder_takes_the_first_place_and_brings_in_off_topic_chunks()
    {
        await using var index = await BuildAsync(new FusionOptions { DenseWeight = 1.0 });

        var fused = await index.SearchAsync(new SearchRequest { Text = Question, Embedding = QuestionVector, Top = 5 });

        Assert.Equal("favourite", fused[0].Chunk.ArticleId);
        Assert.Contains(fused, h => h.Chunk.ArticleId.StartsWith("off-", StringComparison.Ordinal));
    }

    [Fact]
    public void A_ranking_weighted_zero_leaves_the_other_ranking_as_it_was()
    {
        string[] sparse = ["a", "b", "c"], dense = ["c", "z", "b"];

        var sparseOnly = WeightedReciprocalRankFusion.Fuse(sparse, dense, new FusionOptions { DenseWeight = 0, K = 60 });
        var equal = WeightedReciprocalRankFusion.Fuse(sparse, dense, new FusionOptions { DenseWeight = 1, K = 60 });

        Assert.Equal(sparse, sparseOnly.Select(x => x.Item));
        Assert.Equal(1.0 / 61, sparseOnly[0].Score, 12);
        // Classic RRF: c = 1/63 + 1/61 and b = 1/62 + 1/63 beat a = 1/61, which beats z = 1/62.
        Assert.Equal(["c", "b", "a", "z"], equal.Select(x => x.Item));
    }

    [Fact]
    public async Task AddRetrieval_binds_Retrieval_Fusion_into_the_Lucene_index_and_rejects_negative_weights()
    {
        await using var configured = Services(("Retrieval:Fusion:DenseWeight", "0.5"), ("Retrieval:Fusion:K", "10"));
        var fusion = Assert.IsType<LuceneArticleIndex>(configured.GetRequiredService<IArticleIndex>()).Fusion;
        Assert.Equal((1.0, 0.5, 10), (fusion.SparseWeight, fusion.DenseWeight, fusion.K));

        await using var negative = Services(("Retrieval:Fusion:SparseWeight", "-1"));
        var error = Assert.Throws<OptionsValidationException>(() => negative.GetRequiredService<IOptions<RetrievalOptions>>().Value);
        Assert.Contains("Retrieval:Fusion", error.Message);
    }

    private ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["Data:Directory"] = _temp.Path;
        foreach (var (key, value) in settings) builder.Configuration[key] = value;
        builder.AddRetrieval();
        return builder.Services.BuildServiceProvider();
    }

    private async Task<LuceneArticleIndex> BuildAsync(FusionOptions fusion)
    {
        var index = new LuceneArticleIndex(_temp.File("index")) { Fusion = fusion };
        await using var session = await index.BeginWriteAsync();
        await session.UpsertAsync(ConformanceDocuments.Article("exact", "تقرير", "الصواريخ الفرط صوتية: تجربة الصواريخ الفرط صوتية الجديدة.", embeddings: [OnTopicVector]));
        for (var i = 0; i < OnTopicRunnersUp; i++)
            await session.UpsertAsync(ConformanceDocuments.Article($"near-{i}", "تقرير", $"الصواريخ الفرط في التقرير {i}.", embeddings: [OnTopicVector]));
        await session.UpsertAsync(ConformanceDocuments.Article("favourite", "تقرير",
            "ذكر التقرير الصواريخ مرة واحدة بين كلام طويل عن الطقس والزراعة والأسواق والرياضة والسفر والتعليم والصحة في المدن والقرى.",
            embeddings: [QuestionVector]));
        for (var i = 0; i < OffTopic; i++)
        {
            var angle = 0.01f * (i + 1); // each a little further from the question, so the bad model's order is total
            await session.UpsertAsync(ConformanceDocuments.Article($"off-{i}", "تقرير", $"مباراة كرة القدم رقم {i} انتهت بالتعادل.",
                embeddings: [new float[] { MathF.Cos(angle), MathF.Sin(angle) }]));
        }
        await session.CommitAsync();
        return index;
    }
}
