using System.Text.Json.Nodes;
using QABot.Qdrant.Tests.StandIn;
using QABot.Retrieval.Qdrant.Index;

namespace QABot.Qdrant.Tests.Index;

/// <summary>How sessions turn into requests: batching, alias swaps, rollback and stale-chunk cleanup (stand-in, no search).</summary>
[Trait("Category", "Qdrant")]
public sealed class WriteSessionTests
{
    private static List<JsonNode> UpsertBatches(QdrantStandIn standIn, string collection) =>
        standIn.Requests.Where(r => r.Method == "PUT" && r.Path.StartsWith($"/collections/{collection}/points?")).Select(r => r.Json!).ToList();

    [Fact]
    public async Task A_build_streams_points_in_batches_of_UpsertBatchSize()
    {
        await using var harness = StandInHarness.Start(new Dictionary<string, string?> { ["Retrieval:Qdrant:UpsertBatchSize"] = "4" });
        await using var session = await harness.Index.BeginWriteAsync();
        // 7 articles × (1 manifest + 2 chunks) = 21 points.
        for (var i = 0; i < 7; i++) await session.UpsertAsync(TestDocuments.Numbered(i, chunks: 2));

        var streamed = UpsertBatches(harness.StandIn, "qabot_chunks_v1");
        Assert.Equal(5, streamed.Count); // 20 points went out before commit; the build collection is invisible
        Assert.Empty(harness.StandIn.Aliases);

        await session.CommitAsync();
        var batches = UpsertBatches(harness.StandIn, "qabot_chunks_v1");
        Assert.Equal(6, batches.Count);
        Assert.All(batches, b => Assert.InRange(b["points"]!.AsArray().Count, 1, 4));
        Assert.Equal(21, batches.Sum(b => b["points"]!.AsArray().Count));
        var ids = batches.SelectMany(b => b["points"]!.AsArray()).Select(p => p!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains(PointIds.ForChunk("a3:1").ToString(), ids);
        Assert.Contains(PointIds.ForManifest("a3").ToString(), ids);
        Assert.Equal("qabot_chunks_v1", harness.StandIn.Aliases["qabot_chunks"]);
    }

    [Fact]
    public async Task An_uncommitted_build_deletes_its_collection_and_leaves_the_alias_alone()
    {
        await using var harness = StandInHarness.Start();
        await using (var session = await harness.Index.BeginWriteAsync())
            await session.UpsertAsync(TestDocuments.Numbered(1));

        Assert.DoesNotContain("qabot_chunks_v1", harness.StandIn.Collections);
        Assert.Empty(harness.StandIn.Aliases);
        Assert.Contains(harness.StandIn.Requests, r => r.Operation == "DELETE /collections/qabot_chunks_v1");
    }

    [Fact]
    public async Task A_rebuild_writes_the_next_version_then_swaps_the_alias_atomically_and_drops_the_old_version()
    {
        await using var harness = StandInHarness.Start();
        await using (var first = await harness.Index.BeginWriteAsync())
        {
            await first.UpsertAsync(TestDocuments.Numbered(1));
            await first.CommitAsync();
        }
        await using (var rebuild = await harness.Index.BeginRebuildAsync())
        {
            await rebuild.UpsertAsync(TestDocuments.Numbered(1));
            Assert.Equal("qabot_chunks_v1", harness.StandIn.Aliases["qabot_chunks"]);
            await rebuild.CommitAsync();
        }

        Assert.Equal("qabot_chunks_v2", harness.StandIn.Aliases["qabot_chunks"]);
        Assert.DoesNotContain("qabot_chunks_v1", harness.StandIn.Collections);
        var swap = harness.StandIn.Requests.Last(r => r.Operation == "POST /collections/aliases").Json!["actions"]!.AsArray();
        Assert.Equal("qabot_chunks", swap[0]!["delete_alias"]!["alias_name"]!.GetValue<string>());
        Assert.Equal("qabot_chunks_v2", swap[1]!["create_alias"]!["collection_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_incremental_session_sends_nothing_before_commit_then_deletes_the_chunks_an_article_lost()
    {
        await using var harness = StandInHarness.Start(new Dictionary<string, string?> { ["Retrieval:Qdrant:UpsertBatchSize"] = "2" });
        await using (var first = await harness.Index.BeginWriteAsync()) await first.CommitAsync();

        // The stored manifest of "a1" lists three chunks; the new version has one.
        harness.StandIn.Script = r => r.Operation == "POST /collections/qabot_chunks/points"
            ? (200, QdrantStandIn.Ok(new JsonArray(new JsonObject
            {
                ["id"] = PointIds.ForManifest("a1").ToString(),
                ["payload"] = new JsonObject { ["articleId"] = "a1", ["aliases"] = new JsonArray("old-dup"), ["chunkIds"] = new JsonArray("a1:0", "a1:1", "a1:2") },
            })))
            : null;

        await using var session = await harness.Index.BeginWriteAsync();
        var before = harness.StandIn.Requests.Count;
        for (var i = 0; i < 3; i++) await session.UpsertAsync(TestDocuments.Numbered(i, chunks: 1));
        await session.DeleteAsync("a2");
        Assert.Equal(before, harness.StandIn.Requests.Count);

        await session.CommitAsync();
        var sent = harness.StandIn.Requests.Skip(before).ToList();
        Assert.Equal(3, UpsertBatches(harness.StandIn, "qabot_chunks").Count); // 6 points in batches of 2
        var deleteByIds = sent.Single(r => r.Operation.EndsWith("/points/delete") && r.Json!["points"] is not null).Json!["points"]!.AsArray();
        Assert.Equal(new[] { PointIds.ForChunk("a1:1").ToString(), PointIds.ForChunk("a1:2").ToString() }.Order(), deleteByIds.Select(p => p!.GetValue<string>()).Order());
        var deleteByFilter = sent.Single(r => r.Operation.EndsWith("/points/delete") && r.Json!["filter"] is not null).Json!;
        Assert.Equal("a2", deleteByFilter["filter"]!["must"]![0]!["match"]!["any"]![0]!.GetValue<string>());
        // The old alias is kept: the manifest gets the union.
        var aliasUpdate = sent.Single(r => r.Operation.EndsWith("/points/batch")).Json!["operations"]![0]!["set_payload"]!;
        Assert.Equal(["old-dup"], aliasUpdate["payload"]!["aliases"]!.AsArray().Select(a => a!.GetValue<string>()));
        // Upserts precede the deletes, so a reader never sees an article with no chunks at all.
        Assert.True(sent.FindLastIndex(r => r.Method == "PUT") < sent.FindIndex(r => r.Operation.EndsWith("/points/delete")));
    }

    [Fact]
    public async Task Embedding_count_must_match_chunk_count()
    {
        await using var harness = StandInHarness.Start(embedder: new FixedEmbedder());
        await using var session = await harness.Index.BeginWriteAsync();
        var document = TestDocuments.Article("x", "t", "a\nb", embed: true);
        var broken = document with { ChunkEmbeddings = [document.ChunkEmbeddings![0]] };
        await Assert.ThrowsAsync<ArgumentException>(() => session.UpsertAsync(broken));
    }
}
