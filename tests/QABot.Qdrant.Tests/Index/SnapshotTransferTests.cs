using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QABot.Qdrant.Tests.StandIn;
using QABot.Retrieval.Qdrant.Index;
using QABot.Retrieval.Qdrant.Options;
using QABot.Testing;

namespace QABot.Qdrant.Tests.Index;

/// <summary>
/// `qabot index snapshot|restore` on the Qdrant backend: snapshot created over gRPC, file moved over REST, restored as a
/// new collection version the alias moves to. The stand-in's snapshot is a kept copy named by a small file, not
/// Qdrant's archive: these tests check QABot's side (calls, manifest, checksums, alias switch, refusals); whether a
/// real Qdrant recovers its own archive is <see cref="RealQdrantSnapshotTests"/> (QDRANT_URL).
/// </summary>
[Trait("Category", "Qdrant")]
public sealed class SnapshotTransferTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static QdrantSnapshotTransfer Transfer(QdrantTestBackend backend)
    {
        var options = backend.Services.GetRequiredService<IOptions<QdrantOptions>>();
        if (backend.StandIn is { } standIn) options.Value.RestUrl = standIn.RestUrl;
        return new QdrantSnapshotTransfer(backend.Index, options);
    }

    [Fact]
    public async Task A_snapshot_restores_as_a_new_version_the_alias_moves_to_and_the_replaced_collection_is_kept()
    {
        await using var backend = await QdrantTestBackend.StartStandInAsync();
        await backend.CommitAsync(TestDocuments.Numbered(1), TestDocuments.Numbered(2));
        var folder = Path.Combine(_temp.Path, "snap");

        var taken = await Transfer(backend).SnapshotAsync(folder);

        Assert.Equal("qabot_chunks_v1", taken.Collection);
        Assert.True(File.Exists(Path.Combine(folder, taken.SnapshotFile)));
        Assert.True(File.Exists(Path.Combine(folder, QdrantSnapshotTransfer.ManifestFileName)));
        Assert.Equal(2, (await backend.Index.GetStatsAsync()).Articles);
        await backend.CommitAsync(TestDocuments.Numbered(3));
        Assert.NotNull(await backend.Index.GetArticleAsync("a3"));

        var restored = await Transfer(backend).RestoreAsync(folder);

        Assert.Equal("qabot_chunks_v2", restored.Collection);
        Assert.Equal("qabot_chunks_v1", restored.Replaced);
        Assert.Equal("qabot_chunks_v2", backend.StandIn!.Aliases["qabot_chunks"]);
        Assert.Contains("qabot_chunks_v1", backend.StandIn.Collections);
        Assert.Null(await backend.Index.GetArticleAsync("a3"));
        Assert.NotNull(await backend.Index.GetArticleAsync("a1"));
        Assert.Equal(2, (await backend.Index.GetStatsAsync()).Articles);
    }

    [Fact]
    public async Task A_modified_snapshot_file_is_refused_and_the_alias_stays()
    {
        await using var backend = await QdrantTestBackend.StartStandInAsync();
        await backend.CommitAsync(TestDocuments.Numbered(1));
        var folder = Path.Combine(_temp.Path, "snap");
        var taken = await Transfer(backend).SnapshotAsync(folder);
        await File.AppendAllTextAsync(Path.Combine(folder, taken.SnapshotFile), "x");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Transfer(backend).RestoreAsync(folder));

        Assert.Contains("differs from the manifest", error.Message);
        Assert.Equal("qabot_chunks_v1", backend.StandIn!.Aliases["qabot_chunks"]);
        Assert.Equal(["qabot_chunks_v1"], backend.StandIn.Collections);
    }

    [Fact]
    public async Task A_snapshot_into_a_folder_that_is_not_empty_is_refused_before_anything_is_created()
    {
        await using var backend = await QdrantTestBackend.StartStandInAsync();
        await backend.CommitAsync(TestDocuments.Numbered(1));
        var folder = Path.Combine(_temp.Path, "used");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "keep.txt"), "mine");

        await Assert.ThrowsAsync<IOException>(() => Transfer(backend).SnapshotAsync(folder));

        Assert.DoesNotContain(backend.StandIn!.Calls, c => c.Method == "Snapshots/Create");
    }
}

/// <summary>The same round trip on a real Qdrant (QDRANT_URL; REST on the same host, port 6333): its own archive recovered.</summary>
[Trait("Category", "Qdrant")]
public sealed class RealQdrantSnapshotTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [QdrantFact]
    public async Task A_real_snapshot_downloaded_and_uploaded_back_holds_the_articles_of_its_time()
    {
        await using var backend = QdrantTestBackend.ConnectReal();
        await backend.CommitAsync(TestDocuments.Numbered(1), TestDocuments.Numbered(2));
        var transfer = new QdrantSnapshotTransfer(backend.Index, backend.Services.GetRequiredService<IOptions<QdrantOptions>>());
        var folder = Path.Combine(_temp.Path, "snap");
        await transfer.SnapshotAsync(folder);
        await backend.CommitAsync(TestDocuments.Numbered(3));

        var restored = await transfer.RestoreAsync(folder);

        Assert.Equal(restored.Collection, await backend.Index.AliasTargetAsync());
        Assert.Null(await backend.Index.GetArticleAsync("a3"));
        Assert.Equal(2, (await backend.Index.GetStatsAsync()).Articles);
    }
}
