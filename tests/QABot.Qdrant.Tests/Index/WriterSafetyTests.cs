using Qdrant.Client.Grpc;
using QABot.Qdrant.Tests.StandIn;

namespace QABot.Qdrant.Tests.Index;

/// <summary>
/// Writers in separate processes (here: separate hosts on one stand-in) never interleave a version switch, and an
/// alias that lost its collection, or a collection that lost its alias, is reported and never replaced by an empty index.
/// </summary>
[Trait("Category", "Qdrant")]
public sealed class WriterSafetyTests
{
    private static Dictionary<string, string?> SameServer(QdrantTestBackend backend) => new() { ["Retrieval:Qdrant:Url"] = backend.StandIn!.Url };

    [Fact]
    public async Task A_second_first_build_is_refused_while_the_first_one_builds()
    {
        await using var first = await QdrantTestBackend.StartStandInAsync();
        await using var second = await QdrantTestBackend.StartStandInAsync(SameServer(first));
        await using var building = await first.Index.BeginWriteAsync();
        await building.UpsertAsync(TestDocuments.Numbered(1));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => second.Index.BeginWriteAsync());

        Assert.Contains("qabot_chunks_v1 exist: another ingest is building", error.Message);
        Assert.Equal(["qabot_chunks_v1"], first.StandIn!.Collections);
        await building.CommitAsync();
        Assert.NotNull(await first.Index.GetArticleAsync("a1"));
    }

    [Fact]
    public async Task A_build_whose_alias_another_writer_moved_meanwhile_is_dropped_and_the_other_writer_wins()
    {
        await using var backend = await QdrantTestBackend.StartStandInAsync();
        var standIn = backend.StandIn!;
        await backend.CommitAsync(TestDocuments.Numbered(1));

        await using (var rebuild = await backend.Index.BeginRebuildAsync())
        {
            await rebuild.UpsertAsync(TestDocuments.Numbered(2));
            // Another process finishes its own build first and moves the alias to it.
            await backend.Client.CreateCollectionAsync(backend.Index.CollectionLayout("qabot_chunks_v7"));
            await backend.Client.UpdateAliasesAsync([
                new AliasOperations { DeleteAlias = new DeleteAlias { AliasName = "qabot_chunks" } },
                new AliasOperations { CreateAlias = new CreateAlias { AliasName = "qabot_chunks", CollectionName = "qabot_chunks_v7" } }]);

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => rebuild.CommitAsync());
            Assert.Contains("Another writer moved Qdrant alias 'qabot_chunks' to 'qabot_chunks_v7'", error.Message);
        }

        Assert.Equal("qabot_chunks_v7", standIn.Aliases["qabot_chunks"]);
        Assert.DoesNotContain("qabot_chunks_v2", standIn.Collections); // the dropped build cleaned up after itself
        Assert.Contains("qabot_chunks_v1", standIn.Collections); // and deleted nothing of the others
    }

    [Fact]
    public async Task An_alias_pointing_at_a_missing_collection_is_reported_and_nothing_is_created()
    {
        await using var backend = await QdrantTestBackend.StartStandInAsync();
        var standIn = backend.StandIn!;
        standIn.Store.ForceAlias("qabot_chunks", "qabot_chunks_v3");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => backend.Index.BeginWriteAsync());

        Assert.Contains("points to collection 'qabot_chunks_v3', which does not exist", error.Message);
        Assert.Empty(standIn.Collections);
        Assert.Empty(standIn.Requests<CreateCollection>("Collections/Create"));
        var status = await backend.Index.GetStatusAsync();
        Assert.Equal("dangling", status.Status);
        Assert.Contains("qabot_chunks_v3", Assert.Single(status.Warnings));
    }

    [Fact]
    public async Task Versions_without_their_alias_stop_an_ingest_from_starting_an_empty_index_beside_them()
    {
        await using var backend = await QdrantTestBackend.StartStandInAsync();
        await backend.CommitAsync(TestDocuments.Numbered(1));
        await backend.Client.DeleteAliasAsync("qabot_chunks");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => backend.Index.BeginWriteAsync());

        Assert.Contains("alias 'qabot_chunks' is missing but qabot_chunks_v1 exist", error.Message);
        Assert.Equal(["qabot_chunks_v1"], backend.StandIn!.Collections);
    }

    [Fact]
    public async Task A_snapshot_is_taken_of_the_collection_behind_the_alias()
    {
        await using var backend = await QdrantTestBackend.StartStandInAsync();
        await backend.CommitAsync(TestDocuments.Numbered(1));

        var snapshot = await backend.Index.CreateSnapshotAsync();

        Assert.Equal("qabot_chunks_v1", backend.StandIn!.Requests<CreateSnapshotRequest>("Snapshots/Create").Single().CollectionName);
        Assert.Contains(await backend.Index.ListSnapshotsAsync(), s => s.Name == snapshot.Name);
    }
}
