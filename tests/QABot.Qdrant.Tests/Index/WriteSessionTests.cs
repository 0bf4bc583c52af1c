using Qdrant.Client.Grpc;
using QABot.Qdrant.Tests.StandIn;
using QABot.Retrieval.Qdrant.Index;

namespace QABot.Qdrant.Tests.Index;

/// <summary>How sessions turn into gRPC calls: batching, alias swaps, rollback and stale-chunk cleanup (on the stand-in).</summary>
[Trait("Category", "Qdrant")]
public sealed class WriteSessionTests
{
    private static List<UpsertPoints> Upserts(QdrantStandIn standIn, string collection) =>
        standIn.Requests<UpsertPoints>("Points/Upsert").Where(u => u.CollectionName == collection).ToList();

    [Fact]
    public async Task A_build_streams_points_in_batches_of_UpsertBatchSize()
    {
        await using var backend = await QdrantTestBackend.StartStandInAsync(new Dictionary<string, string?> { ["Retrieval:Qdrant:UpsertBatchSize"] = "4" });
        var standIn = backend.StandIn!;
        await using var session = await backend.Index.BeginWriteAsync();
        // 7 articles × (1 manifest + 2 chunks) = 21 points.
        for (var i = 0; i < 7; i++) await session.UpsertAsync(TestDocuments.Numbered(i, chunks: 2));

        Assert.Equal(5, Upserts(standIn, "qabot_chunks_v1").Count); // 20 points went out before commit; the build collection is invisible
        Assert.Empty(standIn.Aliases);

        await session.CommitAsync();
        var batches = Upserts(standIn, "qabot_chunks_v1");
        Assert.Equal(6, batches.Count);
        Assert.All(batches, b => Assert.InRange(b.Points.Count, 1, 4));
        Assert.All(batches, b => Assert.True(b.Wait, "a committed session is visible to the next read"));
        var ids = batches.SelectMany(b => b.Points).Select(p => p.Id.Uuid).ToList();
        Assert.Equal(21, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains(PointIds.ForChunk("a3:1").ToString(), ids);
        Assert.Contains(PointIds.ForManifest("a3").ToString(), ids);
        Assert.Equal("qabot_chunks_v1", standIn.Aliases["qabot_chunks"]);
    }

    [Fact]
    public async Task An_uncommitted_build_deletes_its_collection_and_leaves_the_alias_alone()
    {
        await using var backend = await QdrantTestBackend.StartStandInAsync();
        await using (var session = await backend.Index.BeginWriteAsync())
            await session.UpsertAsync(TestDocuments.Numbered(1));

        Assert.DoesNotContain("qabot_chunks_v1", backend.StandIn!.Collections);
        Assert.Empty(backend.StandIn.Aliases);
        Assert.Contains(backend.StandIn.Requests<DeleteCollection>("Collections/Delete"), d => d.CollectionName == "qabot_chunks_v1");
    }

    [Fact]
    public async Task A_rebuild_writes_the_next_version_then_swaps_the_alias_atomically_and_drops_the_old_version()
    {
        await using var backend = await QdrantTestBackend.StartStandInAsync();
        var standIn = backend.StandIn!;
        await backend.CommitAsync(TestDocuments.Numbered(1));
        await using (var rebuild = await backend.Index.BeginRebuildAsync())
        {
            await rebuild.UpsertAsync(TestDocuments.Numbered(1));
            Assert.Equal("qabot_chunks_v1", standIn.Aliases["qabot_chunks"]);
            await rebuild.CommitAsync();
        }

        Assert.Equal("qabot_chunks_v2", standIn.Aliases["qabot_chunks"]);
        Assert.DoesNotContain("qabot_chunks_v1", standIn.Collections);
        var swap = standIn.Requests<ChangeAliases>("Collections/UpdateAliases").Last().Actions;
        Assert.Equal(2, swap.Count); // one request: readers never see the alias missing
        Assert.Equal("qabot_chunks", swap[0].DeleteAlias.AliasName);
        Assert.Equal("qabot_chunks_v2", swap[1].CreateAlias.CollectionName);
    }

    [Fact]
    public async Task An_incremental_session_sends_nothing_before_commit_then_deletes_the_chunks_an_article_lost()
    {
        await using var backend = await QdrantTestBackend.StartStandInAsync(new Dictionary<string, string?> { ["Retrieval:Qdrant:UpsertBatchSize"] = "2" });
        var standIn = backend.StandIn!;
        // "a1" is stored with three chunks and an alias; its new version has one chunk.
        await backend.CommitAsync(TestDocuments.Numbered(1, chunks: 3) with { AliasIds = ["old-dup"] }, TestDocuments.Numbered(2));

        await using var session = await backend.Index.BeginWriteAsync();
        var before = standIn.Calls.Count;
        for (var i = 0; i < 3; i++) await session.UpsertAsync(TestDocuments.Numbered(i, chunks: 1));
        await session.DeleteAsync("a2");
        Assert.Equal(before, standIn.Calls.Count);

        await session.CommitAsync();
        var sent = standIn.Calls.Skip(before).ToList();
        Assert.Equal(3, sent.Count(c => c.Method == "Points/Upsert")); // 6 points in batches of 2
        var deletes = sent.Where(c => c.Method == "Points/Delete").Select(c => (DeletePoints)c.Request).ToList();
        var byIds = Assert.Single(deletes, d => d.Points.PointsSelectorOneOfCase == PointsSelector.PointsSelectorOneOfOneofCase.Points);
        Assert.Equal(new[] { PointIds.ForChunk("a1:1").ToString(), PointIds.ForChunk("a1:2").ToString() }.Order(), byIds.Points.Points.Ids.Select(p => p.Uuid).Order());
        var byFilter = Assert.Single(deletes, d => d.Points.PointsSelectorOneOfCase == PointsSelector.PointsSelectorOneOfOneofCase.Filter);
        Assert.Equal(["a2"], byFilter.Points.Filter.Must.Single().Field.Match.Keywords.Strings);
        // Upserts precede the deletes, so a reader never sees an article with no chunks at all.
        Assert.True(sent.FindLastIndex(c => c.Method == "Points/Upsert") < sent.FindIndex(c => c.Method == "Points/Delete"));
        // The old alias is kept: the manifest gets the union.
        Assert.Equal(["old-dup"], (await backend.Index.GetArticleAsync("a1"))!.AliasIds);
        Assert.Equal(1, (await backend.Index.GetArticleAsync("a1"))!.ChunkCount);
        Assert.Equal(0, standIn.Store.Locked(s => s.Resolve("qabot_chunks").Points.Keys.Count(k => k == PointIds.ForChunk("a1:2").ToString())));
    }

    [Fact]
    public async Task Embedding_count_must_match_chunk_count()
    {
        await using var backend = await QdrantTestBackend.StartStandInAsync(embedder: new FixedEmbedder());
        await using var session = await backend.Index.BeginWriteAsync();
        var document = TestDocuments.Article("x", "t", "a\nb", embed: true);
        var broken = document with { ChunkEmbeddings = [document.ChunkEmbeddings![0]] };
        await Assert.ThrowsAsync<ArgumentException>(() => session.UpsertAsync(broken));
    }
}
