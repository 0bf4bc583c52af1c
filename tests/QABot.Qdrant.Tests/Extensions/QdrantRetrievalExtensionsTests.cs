using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QABot.Core.Retrieval;
using QABot.Retrieval.Extensions;
using QABot.Retrieval.Lucene;
using QABot.Retrieval.Options;
using QABot.Retrieval.Qdrant.Extensions;
using QABot.Retrieval.Qdrant.Index;
using QABot.Testing;
using Microsoft.Extensions.Options;

namespace QABot.Qdrant.Tests.Extensions;

[Trait("Category", "Qdrant")]
public sealed class QdrantRetrievalExtensionsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Configuration as the CLI builds it: appsettings file first, then environment-like in-memory values.</summary>
    private IConfigurationRoot Configuration(string appsettings, Dictionary<string, string?>? environment = null)
    {
        var file = _temp.File($"appsettings-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, appsettings);
        return new ConfigurationBuilder().AddJsonFile(file).AddInMemoryCollection(environment ?? []).Build();
    }

    [Fact]
    public void Backend_selection_appsettings_then_QDRANT_URL_then_an_explicit_override()
    {
        const string embedded = """{"Retrieval": {"Backend": "Embedded"}}""";
        Assert.Equal("Embedded", QdrantRetrievalExtensions.EffectiveBackend(Configuration(embedded)));
        Assert.Equal("Qdrant", QdrantRetrievalExtensions.EffectiveBackend(Configuration("""{"Retrieval": {"Backend": "qdrant"}}""")));
        // QDRANT_URL alone implies Qdrant over the appsettings default...
        Assert.Equal("Qdrant", QdrantRetrievalExtensions.EffectiveBackend(Configuration(embedded, new() { ["QDRANT_URL"] = "http://q:6333" })));
        // ...unless the backend is set explicitly outside the appsettings files.
        Assert.Equal("Embedded", QdrantRetrievalExtensions.EffectiveBackend(Configuration(embedded,
            new() { ["QDRANT_URL"] = "http://q:6333", ["Retrieval:Backend"] = "Embedded" })));
        Assert.Throws<InvalidOperationException>(() => QdrantRetrievalExtensions.EffectiveBackend(Configuration("""{"Retrieval": {"Backend": "Elastic"}}""")));
    }

    private IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Data:Directory"] = _temp.Path }.Concat(settings));
        builder.AddRetrieval();
        builder.AddQdrantRetrieval();
        return builder.Build();
    }

    [Fact]
    public async Task Qdrant_replaces_the_embedded_index_only_when_it_is_the_effective_backend()
    {
        using (var qdrant = Build(new() { ["QDRANT_URL"] = "http://127.0.0.1:1", ["QDRANT_API_KEY"] = "k" }))
        {
            var index = Assert.IsType<QdrantArticleIndex>(qdrant.Services.GetRequiredService<IArticleIndex>());
            Assert.Equal("qdrant", index.BackendName);
            Assert.Single(qdrant.Services.GetServices<IArticleIndex>());
            Assert.Equal("Qdrant", qdrant.Services.GetRequiredService<IOptions<RetrievalOptions>>().Value.Backend);
            Assert.Equal("http://127.0.0.1:1", qdrant.Services.GetRequiredService<IOptions<QABot.Retrieval.Qdrant.Options.QdrantOptions>>().Value.Url);
        }
        using var embedded = Build(new() { ["Retrieval:Backend"] = "Embedded" });
        var lucene = Assert.IsType<LuceneArticleIndex>(embedded.Services.GetRequiredService<IArticleIndex>());
        await lucene.DisposeAsync();
    }

    [Fact]
    public void Choosing_Qdrant_without_a_URL_fails_at_startup_with_a_clear_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Retrieval:Backend"] = "Qdrant" }));
        Assert.Contains("QDRANT_URL", error.Message);
    }
}
