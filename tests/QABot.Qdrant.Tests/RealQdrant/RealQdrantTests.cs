using Grpc.Core;
using Qdrant.Client.Grpc;
using QABot.Core.Retrieval;
using QABot.Qdrant.Tests.StandIn;
using QABot.Retrieval.Qdrant.Connection;
using QABot.Testing.Conformance;

namespace QABot.Qdrant.Tests.RealQdrant;

/// <summary>Qdrant-specific behaviour on a real server (QDRANT_URL): weighted hybrid fusion, alias-swapped rebuilds, status, snapshots, errors.</summary>
[Trait("Category", "Qdrant")]
public sealed class RealQdrantTests
{
    private static readonly float[] North = [1, 0, 0, 0];
    private static readonly float[] East = [0, 1, 0, 0];

    private static IndexDocument WithVector(string id, string title, string body, float[] vector) =>
        ConformanceDocuments.Article(id, title, body, embeddings: [vector]);

    private static async Task WriteAsync(IIndexWriteSession session, params IndexDocument[] documents)
    {
        foreach (var document in documents) await session.UpsertAsync(document);
        await session.CommitAsync();
    }

    [QdrantFact]
    public async Task Hybrid_search_fuses_the_sparse_and_the_dense_candidates()
    {
        await using var backend = QdrantTestBackend.ConnectReal(new FixedEmbedder(dimensions: 4, model: "fixed-4"));
        await using (var session = await backend.Index.BeginWriteAsync())
            await WriteAsync(session,
                WithVector("words", "الأهلي والزمالك", "سجل المهاجم هدفين في مباراة الأهلي والزمالك.", East),
                WithVector("meaning", "موجة حر", "توقعت هيئة الأرصاد استمرار موجة الحر.", North));

        var sparseOnly = await backend.Index.SearchAsync(new SearchRequest { Text = "الأهلي" });
        Assert.Equal(["words"], sparseOnly.Select(h => h.Chunk.ArticleId));

        var hybrid = await backend.Index.SearchAsync(new SearchRequest { Text = "الأهلي", Embedding = North });
        Assert.Equal(["meaning", "words"], hybrid.Select(h => h.Chunk.ArticleId).Order());

        var filtered = await backend.Index.SearchAsync(new SearchRequest { Text = "الأهلي", Embedding = North, Sources = ["nobody"] });
        Assert.Empty(filtered);
    }

    [QdrantFact]
    public async Task A_rebuild_is_invisible_until_commit_then_replaces_the_old_version()
    {
        await using var backend = QdrantTestBackend.ConnectReal();
        await using (var first = await backend.Index.BeginWriteAsync())
            await WriteAsync(first, ConformanceDocuments.Article("old", "قديم", "خبر قديم عن بوتين."));

        await using (var rebuild = await backend.Index.BeginRebuildAsync())
        {
            await rebuild.UpsertAsync(ConformanceDocuments.Article("new", "جديد", "خبر جديد عن بوتين."));
            Assert.Equal(["old"], (await backend.Index.SearchAsync(new SearchRequest { Text = "بوتين" })).Select(h => h.Chunk.ArticleId));
            await rebuild.CommitAsync();
        }

        Assert.Equal(["new"], (await backend.Index.SearchAsync(new SearchRequest { Text = "بوتين" })).Select(h => h.Chunk.ArticleId));
        Assert.Equal(backend.Collection + "_v2", await backend.Index.AliasTargetAsync());
        Assert.DoesNotContain(backend.Collection + "_v1", await backend.Client.ListCollectionsAsync());
    }

    [QdrantFact]
    public async Task Status_reports_the_layout_and_a_snapshot_can_be_taken_and_listed()
    {
        await using var backend = QdrantTestBackend.ConnectReal();
        Assert.False((await backend.Index.GetStatusAsync()).Exists);
        await using (var session = await backend.Index.BeginWriteAsync())
            await WriteAsync(session, ConformanceDocuments.Article("a", "عنوان", "سطر أول\nسطر ثان"));

        var status = await backend.Index.GetStatusAsync();
        Assert.Equal(backend.Collection + "_v1", status.Collection);
        Assert.Equal(3, status.Points); // one manifest point and two chunks
        Assert.Equal("idf", status.SparseVectors["bm25"]);
        Assert.Equal("datetime", status.PayloadIndexes["published"]);
        Assert.Contains(backend.Collection, status.Aliases);
        Assert.Equal(1, status.ShardNumber);

        var snapshot = await backend.Index.CreateSnapshotAsync();
        Assert.Contains(await backend.Index.ListSnapshotsAsync(), s => s.Name == snapshot.Name);
    }

    [QdrantFact]
    public async Task A_request_Qdrant_rejects_surfaces_its_status_and_message()
    {
        await using var backend = QdrantTestBackend.ConnectReal();
        await using (var session = await backend.Index.BeginWriteAsync())
            await WriteAsync(session, ConformanceDocuments.Article("a", "عنوان", "سطر"));

        var error = await Assert.ThrowsAsync<QdrantRequestException>(() => backend.Client.QueryAsync(backend.Collection,
            new float[] { 1, 2, 3 }, usingVector: "no_such_vector"));
        Assert.Equal(StatusCode.InvalidArgument, error.Status);
        Assert.StartsWith("Qdrant Points/Query failed: InvalidArgument: ", error.Message);
    }
}
