using System.Text.Json.Nodes;
using QABot.Qdrant.Tests.Contract;
using QABot.Qdrant.Tests.StandIn;
using QABot.Retrieval.Qdrant.Index;

namespace QABot.Qdrant.Tests.Client;

/// <summary>
/// Parsing of responses shaped exactly as the spec's response schemas: every fixture is first validated against the
/// schema of the operation it answers, then parsed through the backend.
/// </summary>
[Trait("Category", "Qdrant")]
public sealed class ResponseParsingTests
{
    private static (int, string) Answer(RecordedRequest request, string body)
    {
        var errors = OpenApiSpec.Qdrant.ValidateResponse(request.Method, request.Path, "200", body);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return (200, body);
    }

    [Fact]
    public async Task Scored_points_become_citable_chunks_with_their_dates_offsets_and_missing_fields()
    {
        await using var harness = StandInHarness.Start();
        await using (var build = await harness.Index.BeginWriteAsync()) await build.CommitAsync();
        harness.StandIn.Script = r => r.Operation.EndsWith("/points/query") ? Answer(r, QdrantStandIn.Ok(new JsonObject
        {
            ["points"] = new JsonArray(
                new JsonObject
                {
                    ["id"] = PointIds.ForChunk("gifts:0").ToString(), ["version"] = 3, ["score"] = 7.25,
                    ["payload"] = SpecFixtures.ChunkPayload("gifts", 0, "بنادق وقفازات", "أهدى بوتين كيم بندقية", "قناة اليمن اليوم", "2023-09-14T10:00:00+03:00"),
                },
                new JsonObject
                {
                    ["id"] = PointIds.ForChunk("undated:2").ToString(), ["version"] = 3, ["score"] = 1.5,
                    ["payload"] = SpecFixtures.ChunkPayload("undated", 2, "بلا تاريخ", "نص", null, null),
                }),
        })) : null;

        var hits = await harness.Index.SearchAsync(new QABot.Core.Retrieval.SearchRequest { Text = "بوتين" });

        Assert.Equal(2, hits.Count);
        var gifts = hits[0];
        Assert.Equal(7.25, gifts.Score);
        Assert.Equal("gifts:0", gifts.Chunk.ChunkId);
        Assert.Equal("gifts", gifts.Chunk.ArticleId);
        Assert.Equal("بنادق وقفازات", gifts.Chunk.Metadata.Title);
        Assert.Equal("قناة اليمن اليوم", gifts.Chunk.Metadata.Source);
        Assert.Equal("https://example.test/gifts", gifts.Chunk.Metadata.Url);
        Assert.Equal(new DateTimeOffset(2023, 9, 14, 10, 0, 0, TimeSpan.FromHours(3)), gifts.Chunk.Metadata.Published);
        Assert.Equal(TimeSpan.FromHours(3), gifts.Chunk.Metadata.Published!.Value.Offset);
        Assert.Null(hits[1].Chunk.Metadata.Published);
        Assert.Null(hits[1].Chunk.Metadata.Source);
        Assert.Equal(2, hits[1].Chunk.Ordinal);
    }

    [Fact]
    public async Task Scroll_follows_next_page_offset_until_it_is_null()
    {
        await using var harness = StandInHarness.Start();
        await using (var build = await harness.Index.BeginWriteAsync()) await build.CommitAsync();
        var second = PointIds.ForManifest("b");
        harness.StandIn.Script = r =>
        {
            if (!r.Operation.EndsWith("/points/scroll")) return null;
            var onSecondPage = r.Json!["offset"] is not null;
            var manifest = new JsonObject
            {
                ["articleId"] = onSecondPage ? "b" : "a", ["contentHash"] = onSecondPage ? "hb" : "ha", ["bodyHash"] = "x",
                ["aliases"] = new JsonArray(onSecondPage ? [] : [(JsonNode)"a-dup2", "a-dup1"]),
            };
            return Answer(r, QdrantStandIn.Ok(new JsonObject
            {
                ["points"] = new JsonArray(new JsonObject { ["id"] = (onSecondPage ? second : PointIds.ForManifest("a")).ToString(), ["payload"] = manifest }),
                ["next_page_offset"] = onSecondPage ? null : second.ToString(),
            }));
        };

        var manifest = await harness.Index.ReadManifestAsync();

        Assert.Equal(["a", "b"], manifest.Select(m => m.ArticleId));
        Assert.Equal(["a-dup1", "a-dup2"], manifest[0].AliasIds);
        Assert.Equal("hb", manifest[1].ContentHash);
        var scrolls = harness.StandIn.Requests.Where(r => r.Operation.EndsWith("/points/scroll")).ToList();
        Assert.Equal(2, scrolls.Count);
        Assert.Equal(second.ToString(), scrolls[1].Json!["offset"]!.GetValue<string>());
    }

    [Fact]
    public async Task Collection_info_becomes_the_status_report()
    {
        await using var harness = StandInHarness.Start();
        await using (var build = await harness.Index.BeginWriteAsync()) await build.CommitAsync();
        harness.StandIn.Script = r => r.Operation == "GET /collections/qabot_chunks_v1" ? Answer(r, SpecFixtures.CollectionInfo(shards: 3, replication: 2, writeConsistency: 2, points: 1234)) : null;

        var status = await harness.Index.GetStatusAsync();

        Assert.True(status.Exists);
        Assert.Equal("qabot_chunks", status.Alias);
        Assert.Equal("qabot_chunks_v1", status.Collection);
        Assert.Equal("green", status.Status);
        Assert.Equal("ok", status.OptimizerStatus);
        Assert.Equal(1234, status.Points);
        Assert.Equal(6, status.Segments);
        Assert.Equal((3, 2, 2), (status.ShardNumber, status.ReplicationFactor, status.WriteConsistencyFactor));
        Assert.Equal("1536/Cosine", status.DenseVectors["dense"]);
        Assert.Equal("idf", status.SparseVectors["bm25"]);
        Assert.Equal("datetime", status.PayloadIndexes["published"]);
        Assert.Equal(["qabot_chunks"], status.Aliases);
        Assert.Equal("text-embedding-3-small", status.EmbeddingModel);
    }

    [Fact]
    public async Task Before_the_first_build_reads_see_an_empty_index_and_status_says_missing()
    {
        await using var harness = StandInHarness.Start();
        Assert.Empty(await harness.Index.ReadManifestAsync());
        Assert.Null(await harness.Index.GetArticleAsync("a"));
        Assert.Empty(await harness.Index.SearchAsync(new QABot.Core.Retrieval.SearchRequest { Text = "بوتين" }));
        var stats = await harness.Index.GetStatsAsync();
        Assert.Equal((0, 0), (stats.Articles, stats.Chunks));
        var status = await harness.Index.GetStatusAsync();
        Assert.False(status.Exists);
        Assert.Equal("missing", status.Status);
    }
}
