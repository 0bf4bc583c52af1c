using QABot.Core.Retrieval;
using QABot.Testing.Conformance;

namespace QABot.Qdrant.Tests.StandIn;

/// <summary>
/// The shared backend conformance scenarios, every one of them, through the real backend and the official gRPC client
/// against <see cref="QdrantStandIn"/>. What they prove is that QABot's requests mean what it needs when a server
/// follows Qdrant's documented semantics; <see cref="RealQdrant.QdrantConformanceTests"/> runs the same on a real Qdrant.
/// </summary>
[Trait("Category", "Qdrant")]
public sealed class StandInConformanceTests : ArticleIndexConformance, IAsyncLifetime
{
    private readonly List<QdrantTestBackend> _backends = [];

    protected override async Task<IArticleIndex> CreateIndexAsync()
    {
        var backend = await QdrantTestBackend.StartStandInAsync(new Dictionary<string, string?> { ["Retrieval:Qdrant:UpsertBatchSize"] = "3" });
        _backends.Add(backend);
        return backend.Index;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        foreach (var backend in _backends) await backend.DisposeAsync();
    }
}
