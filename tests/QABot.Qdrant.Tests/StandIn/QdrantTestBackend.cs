using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Qdrant.Client;
using Qdrant.Client.Grpc;
using QABot.Core.Retrieval;
using QABot.Retrieval.Options;
using QABot.Retrieval.Qdrant.Connection;
using QABot.Retrieval.Qdrant.Extensions;
using QABot.Retrieval.Qdrant.Index;
using QABot.Retrieval.Qdrant.Options;

namespace QABot.Qdrant.Tests.StandIn;

/// <summary>
/// The Qdrant services built exactly as the application builds them (AddQdrantRetrieval), pointed either at a fresh
/// <see cref="QdrantStandIn"/> or at the real Qdrant named by QDRANT_URL (and QDRANT_API_KEY). On a real server each
/// backend gets its own uniquely named alias and collections, deleted afterwards.
/// </summary>
public sealed class QdrantTestBackend : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly bool _real;

    private QdrantTestBackend(IHost host, string collection, QdrantStandIn? standIn)
    {
        _host = host;
        Collection = collection;
        StandIn = standIn;
        _real = standIn is null;
    }

    public static string? RealUrl => Environment.GetEnvironmentVariable(QdrantOptions.UrlVariable) is { Length: > 0 } url ? url : null;

    public static string? RealSkipReason => RealUrl is null ? $"{QdrantOptions.UrlVariable} is not set: no real Qdrant server to test against" : null;

    /// <summary>Null on a real server.</summary>
    public QdrantStandIn? StandIn { get; }

    public string Collection { get; }
    public IServiceProvider Services => _host.Services;
    public QdrantArticleIndex Index => Services.GetRequiredService<QdrantArticleIndex>();
    public QdrantClient Client => Index.Client;
    public QdrantRequestCounter Counter => Services.GetRequiredService<QdrantRequestCounter>();

    /// <summary>Writes the documents in one committed session.</summary>
    public async Task CommitAsync(params IndexDocument[] documents)
    {
        await using var session = await Index.BeginWriteAsync();
        foreach (var document in documents) await session.UpsertAsync(document);
        await session.CommitAsync();
    }

    /// <summary>A backend on a new stand-in; retry delays are shortened so tests stay quick.</summary>
    public static async Task<QdrantTestBackend> StartStandInAsync(IDictionary<string, string?>? settings = null, ITextEmbedder? embedder = null)
    {
        var standIn = await QdrantStandIn.StartAsync();
        var values = new Dictionary<string, string?>
        {
            ["Retrieval:Qdrant:Url"] = standIn.Url,
            ["Retrieval:Qdrant:Collection"] = "qabot_chunks",
            ["Retrieval:Qdrant:UpsertBatchSize"] = "4",
            ["Retrieval:Qdrant:RetryDelayMilliseconds"] = "1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        return new QdrantTestBackend(BuildHost(values, embedder), values["Retrieval:Qdrant:Collection"]!, standIn);
    }

    /// <summary>A backend on the real Qdrant of QDRANT_URL, under a fresh alias name.</summary>
    public static QdrantTestBackend ConnectReal(ITextEmbedder? embedder = null, int upsertBatchSize = 64)
    {
        var collection = "qabot_test_" + Guid.NewGuid().ToString("N")[..10];
        var values = new Dictionary<string, string?>
        {
            ["Retrieval:Qdrant:Url"] = RealUrl ?? throw new InvalidOperationException(RealSkipReason),
            ["Retrieval:Qdrant:ApiKey"] = Environment.GetEnvironmentVariable(QdrantOptions.ApiKeyVariable) ?? "",
            ["Retrieval:Qdrant:Collection"] = collection,
            ["Retrieval:Qdrant:UpsertBatchSize"] = upsertBatchSize.ToString(),
        };
        return new QdrantTestBackend(BuildHost(values, embedder), collection, standIn: null);
    }

    private static IHost BuildHost(Dictionary<string, string?> values, ITextEmbedder? embedder)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        values["Retrieval:Backend"] = "Qdrant";
        builder.Configuration.AddInMemoryCollection(values);
        if (embedder is not null) builder.Services.AddSingleton(embedder);
        // AddRetrieval binds these in the application (Retrieval:Fusion); it is not called here, as it brings Lucene.
        builder.Services.AddOptions<RetrievalOptions>().BindConfiguration(RetrievalOptions.SectionName);
        builder.AddQdrantRetrieval();
        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_real)
            {
                if ((await Client.ListAliasesAsync()).Any(a => a.AliasName == Collection))
                    await Client.UpdateAliasesAsync([new AliasOperations { DeleteAlias = new DeleteAlias { AliasName = Collection } }]);
                foreach (var name in (await Client.ListCollectionsAsync()).Where(n => n == Collection || n.StartsWith(Collection + "_v", StringComparison.Ordinal)))
                    await Client.DeleteCollectionAsync(name);
            }
        }
        finally
        {
            _host.Dispose();
            if (StandIn is not null) await StandIn.DisposeAsync();
        }
    }
}

/// <summary>A fixed-size embedder for layout and request-shape tests; its vectors carry no meaning.</summary>
public sealed class FixedEmbedder(int dimensions = 4, string model = "test-embedder") : ITextEmbedder
{
    public int Dimensions => dimensions;
    public string Model => model;

    public Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ReadOnlyMemory<float>>>(texts.Select(t => (ReadOnlyMemory<float>)Enumerable.Range(0, dimensions).Select(i => (float)((t.Length + i) % 7 + 1)).ToArray()).ToList());
}

/// <summary>A fact that needs a real Qdrant: skipped, with the reason, when QDRANT_URL is not set.</summary>
public sealed class QdrantFactAttribute : FactAttribute
{
    public QdrantFactAttribute()
    {
        if (QdrantTestBackend.RealSkipReason is { } reason) Skip = reason;
    }
}

/// <summary>
/// On a test class whose tests are inherited (the shared conformance scenarios use plain [Fact]/[Theory]): every test
/// of the class is reported as skipped when QDRANT_URL is not set. Applied by RealQdrant.QdrantTestFramework.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresRealQdrantAttribute : Attribute;
