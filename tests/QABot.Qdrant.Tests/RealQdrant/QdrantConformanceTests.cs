using QABot.Core.Retrieval;
using QABot.Qdrant.Tests.StandIn;
using QABot.Testing.Conformance;

namespace QABot.Qdrant.Tests.RealQdrant;

/// <summary>The shared backend conformance scenarios on a real Qdrant (QDRANT_URL); skipped when none is configured.</summary>
[Trait("Category", "Qdrant")]
[RequiresRealQdrant]
public sealed class QdrantConformanceTests : ArticleIndexConformance, IAsyncLifetime
{
    private readonly List<QdrantTestBackend> _backends = [];

    protected override Task<IArticleIndex> CreateIndexAsync()
    {
        var backend = QdrantTestBackend.ConnectReal(upsertBatchSize: 3);
        _backends.Add(backend);
        return Task.FromResult<IArticleIndex>(backend.Index);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        foreach (var backend in _backends) await backend.DisposeAsync();
    }
}
