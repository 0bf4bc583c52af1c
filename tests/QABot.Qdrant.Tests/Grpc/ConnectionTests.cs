using Grpc.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QABot.Qdrant.Tests.StandIn;
using QABot.Retrieval.Qdrant.Connection;
using QABot.Retrieval.Qdrant.Extensions;
using QABot.Retrieval.Qdrant.Options;

namespace QABot.Qdrant.Tests.Grpc;

/// <summary>The gRPC connection: api key, retries of transient statuses only, one-line errors, the REST-port mistake.</summary>
[Trait("Category", "Qdrant")]
public sealed class ConnectionTests
{
    [Fact]
    public async Task Every_call_carries_the_api_key_header()
    {
        await using var backend = await QdrantTestBackend.StartStandInAsync(new Dictionary<string, string?> { ["Retrieval:Qdrant:ApiKey"] = "secret-1" });
        await backend.Index.GetStatsAsync();
        await backend.Client.ListCollectionsAsync();

        Assert.NotEmpty(backend.StandIn!.Calls);
        Assert.All(backend.StandIn.Calls, c => Assert.Equal("secret-1", c.Headers.GetValue("api-key")));
    }

    [Theory]
    [InlineData(StatusCode.Unavailable)]
    [InlineData(StatusCode.DeadlineExceeded)]
    [InlineData(StatusCode.ResourceExhausted)]
    [InlineData(StatusCode.Aborted)]
    public async Task A_transient_status_is_retried_with_backoff_until_it_succeeds(StatusCode status)
    {
        await using var backend = await QdrantTestBackend.StartStandInAsync(new Dictionary<string, string?> { ["Retrieval:Qdrant:MaxRetries"] = "3" });
        backend.StandIn!.FailNext(2, status);

        var names = await backend.Client.ListCollectionsAsync();

        Assert.Empty(names);
        Assert.Equal(3, backend.StandIn.Calls.Count(c => c.Method == "Collections/List"));
        Assert.Equal((1L, 3L), (backend.Counter.Total, backend.Counter.Attempts));
    }

    [Fact]
    public async Task A_transient_status_that_outlasts_the_retries_surfaces_as_one_line_naming_Qdrant()
    {
        await using var backend = await QdrantTestBackend.StartStandInAsync(new Dictionary<string, string?> { ["Retrieval:Qdrant:MaxRetries"] = "2" });
        backend.StandIn!.FailNext(5, StatusCode.Unavailable, "node is restarting");

        var error = await Assert.ThrowsAsync<QdrantRequestException>(() => backend.Client.ListCollectionsAsync());

        Assert.Equal("Qdrant Collections/List failed: Unavailable: node is restarting", error.Message);
        Assert.Equal(3, backend.StandIn.Calls.Count);
    }

    [Theory]
    [InlineData(StatusCode.InvalidArgument)]
    [InlineData(StatusCode.NotFound)]
    [InlineData(StatusCode.PermissionDenied)]
    public async Task A_status_that_says_the_request_is_wrong_is_not_retried(StatusCode status)
    {
        await using var backend = await QdrantTestBackend.StartStandInAsync(new Dictionary<string, string?> { ["Retrieval:Qdrant:MaxRetries"] = "3" });
        backend.StandIn!.FailNext(1, status, "no");

        var error = await Assert.ThrowsAsync<QdrantRequestException>(() => backend.Client.ListCollectionsAsync());

        Assert.Equal(status, error.Status);
        Assert.Single(backend.StandIn.Calls);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Retrieval:Backend"] = "Qdrant" }.Concat(settings));
        builder.AddQdrantRetrieval();
        return builder.Build();
    }

    [Theory]
    [InlineData("Retrieval:Qdrant:Url")]
    [InlineData("QDRANT_URL")]
    public void A_url_on_the_REST_port_is_refused_with_the_gRPC_port_to_use(string key)
    {
        using var host = Build(new() { [key] = "http://qdrant.internal:6333" });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<QdrantOptions>>().Value);

        Assert.Equal("Retrieval:Qdrant:Url 'http://qdrant.internal:6333' is Qdrant's REST port 6333; QABot talks gRPC: use port 6334 (http://qdrant.internal:6334).", error.Message);
    }

    [Fact]
    public void QDRANT_URL_and_QDRANT_API_KEY_override_the_settings_file()
    {
        using var host = Build(new()
        {
            ["Retrieval:Qdrant:Url"] = "http://from-settings:6334", ["QDRANT_URL"] = "https://from-env:6334", ["QDRANT_API_KEY"] = "env-key",
        });

        var options = host.Services.GetRequiredService<IOptions<QdrantOptions>>().Value;

        Assert.Equal(("https://from-env:6334", "env-key"), (options.Url, options.ApiKey));
    }
}
