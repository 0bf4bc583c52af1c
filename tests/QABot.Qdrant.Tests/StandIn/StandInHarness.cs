using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QABot.Core.Retrieval;
using QABot.Retrieval.Qdrant.Client;
using QABot.Retrieval.Qdrant.Extensions;
using QABot.Retrieval.Qdrant.Index;

namespace QABot.Qdrant.Tests.StandIn;

/// <summary>
/// The Qdrant services built exactly as the application builds them (AddQdrantRetrieval: typed HttpClient, standard
/// resilience handler), pointed at a <see cref="QdrantStandIn"/>. Retry delays are shortened so tests stay quick.
/// </summary>
public sealed class StandInHarness : IAsyncDisposable
{
    private readonly IHost _host;

    private StandInHarness(IHost host, QdrantStandIn standIn)
    {
        _host = host;
        StandIn = standIn;
    }

    public QdrantStandIn StandIn { get; }
    public QdrantRestClient Client => _host.Services.GetRequiredService<QdrantRestClient>();
    public QdrantArticleIndex Index => _host.Services.GetRequiredService<QdrantArticleIndex>();
    public IServiceProvider Services => _host.Services;

    public static StandInHarness Start(IDictionary<string, string?>? settings = null, ITextEmbedder? embedder = null)
    {
        var standIn = new QdrantStandIn();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var values = new Dictionary<string, string?>
        {
            ["Retrieval:Backend"] = "Qdrant",
            ["Retrieval:Qdrant:Url"] = standIn.Url,
            ["Retrieval:Qdrant:Collection"] = "qabot_chunks",
            ["Retrieval:Qdrant:UpsertBatchSize"] = "4",
            ["Retrieval:Qdrant:TimeoutSeconds"] = "10",
            ["Retrieval:Qdrant:MaxRetries"] = "3",
            ["Retrieval:Qdrant:RetryDelayMilliseconds"] = "1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        builder.Configuration.AddInMemoryCollection(values);
        if (embedder is not null) builder.Services.AddSingleton(embedder);
        builder.AddQdrantRetrieval();
        return new StandInHarness(builder.Build(), standIn);
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await StandIn.DisposeAsync();
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
