using QABot.Core.Retrieval;
using QABot.Testing.Conformance;

namespace QABot.Qdrant.Tests.RealQdrant;

/// <summary>
/// The shared backend conformance scenarios on a real Qdrant (QDRANT_URL); skipped when none is configured.
/// Never run against the stand-in: it stores nothing and would prove nothing.
/// </summary>
[Trait("Category", "Qdrant")]
[RequiresRealQdrant]
public sealed class QdrantConformanceTests : ArticleIndexConformance, IAsyncLifetime
{
    private readonly List<RealQdrantBackend> _backends = [];

    protected override Task<IArticleIndex> CreateIndexAsync()
    {
        var backend = RealQdrantServer.Create(upsertBatchSize: 3);
        _backends.Add(backend);
        return Task.FromResult<IArticleIndex>(backend.Index);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        foreach (var backend in _backends) await backend.DisposeAsync();
    }
}
