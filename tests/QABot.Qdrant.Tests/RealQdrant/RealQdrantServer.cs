using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QABot.Core.Retrieval;
using QABot.Retrieval.Qdrant.Client;
using QABot.Retrieval.Qdrant.Extensions;
using QABot.Retrieval.Qdrant.Index;
using QABot.Retrieval.Qdrant.Options;

namespace QABot.Qdrant.Tests.RealQdrant;

/// <summary>
/// A real Qdrant server named by the environment variable QDRANT_URL (and QDRANT_API_KEY). Tests that need one are
/// reported as skipped when it is not set. Each test gets its own uniquely named alias and collections, deleted afterwards.
/// </summary>
public static class RealQdrantServer
{
    public static string? Url => Environment.GetEnvironmentVariable(QdrantOptions.UrlVariable) is { Length: > 0 } url ? url : null;

    public static string? SkipReason => Url is null ? $"{QdrantOptions.UrlVariable} is not set: no real Qdrant server to test against" : null;

    /// <summary>A backend wired exactly as the application wires it, on a fresh alias name.</summary>
    public static RealQdrantBackend Create(ITextEmbedder? embedder = null, int upsertBatchSize = 64)
    {
        var collection = "qabot_test_" + Guid.NewGuid().ToString("N")[..10];
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Retrieval:Backend"] = "Qdrant",
            ["Retrieval:Qdrant:Url"] = Url ?? throw new InvalidOperationException(SkipReason),
            ["Retrieval:Qdrant:ApiKey"] = Environment.GetEnvironmentVariable(QdrantOptions.ApiKeyVariable) ?? "",
            ["Retrieval:Qdrant:Collection"] = collection,
            ["Retrieval:Qdrant:UpsertBatchSize"] = upsertBatchSize.ToString(),
        });
        if (embedder is not null) builder.Services.AddSingleton(embedder);
        builder.AddQdrantRetrieval();
        return new RealQdrantBackend(builder.Build(), collection);
    }
}

public sealed class RealQdrantBackend(IHost host, string collection) : IAsyncDisposable
{
    public string Collection => collection;
    public QdrantArticleIndex Index => host.Services.GetRequiredService<QdrantArticleIndex>();
    public QdrantRestClient Client => host.Services.GetRequiredService<QdrantRestClient>();

    /// <summary>Deletes the alias and every collection version this test created.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            var client = Client;
            if ((await client.GetAliasesAsync()).Any(a => a.AliasName == collection))
                await client.UpdateAliasesAsync([AliasAction.Delete(collection)]);
            foreach (var name in (await client.GetCollectionsAsync()).Where(n => n == collection || n.StartsWith(collection + "_v", StringComparison.Ordinal)))
                await client.DeleteCollectionAsync(name);
        }
        finally { host.Dispose(); }
    }
}

/// <summary>A fact that needs a real Qdrant: skipped, with the reason, when QDRANT_URL is not set.</summary>
public sealed class QdrantFactAttribute : FactAttribute
{
    public QdrantFactAttribute()
    {
        if (RealQdrantServer.SkipReason is { } reason) Skip = reason;
    }
}

/// <summary>
/// On a test class whose tests are inherited (the shared conformance scenarios use plain [Fact]/[Theory]): every test
/// of the class is reported as skipped when QDRANT_URL is not set. Applied by <see cref="QdrantTestFramework"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresRealQdrantAttribute : Attribute;
