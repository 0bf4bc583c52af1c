using System.Net;
using QABot.Qdrant.Tests.StandIn;
using QABot.Retrieval.Qdrant.Client;

namespace QABot.Qdrant.Tests.Client;

/// <summary>HTTP-level behaviour of the client as registered by AddQdrantRetrieval, against the loopback stand-in.</summary>
[Trait("Category", "Qdrant")]
public sealed class QdrantHttpBehaviourTests
{
    [Fact]
    public async Task A_503_is_retried_and_the_request_then_succeeds()
    {
        await using var harness = StandInHarness.Start();
        harness.StandIn.FailNext(2, HttpStatusCode.ServiceUnavailable, "Service Unavailable: too many requests in flight");

        var collections = await harness.Client.GetCollectionsAsync();

        Assert.Empty(collections);
        Assert.Equal(3, harness.StandIn.Requests.Count);
        Assert.Equal(1, harness.Client.RequestCount);
    }

    [Fact]
    public async Task A_persistent_503_surfaces_with_Qdrants_status_and_message_after_the_configured_retries()
    {
        await using var harness = StandInHarness.Start(new Dictionary<string, string?> { ["Retrieval:Qdrant:MaxRetries"] = "2" });
        harness.StandIn.FailNext(10, HttpStatusCode.ServiceUnavailable, "Service Unavailable: shard 3 is not ready");

        var error = await Assert.ThrowsAsync<QdrantException>(() => harness.Client.UpsertPointsAsync("c", []));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal("Service Unavailable: shard 3 is not ready", error.QdrantMessage);
        Assert.Equal("PUT /collections/c/points", error.Operation);
        Assert.Contains("shard 3 is not ready", error.Message);
        Assert.Equal(3, harness.StandIn.Requests.Count);
    }

    [Fact]
    public async Task A_400_is_not_retried_and_carries_Qdrants_message()
    {
        await using var harness = StandInHarness.Start();
        await harness.Client.CreateCollectionAsync("c", new CreateCollectionRequest());
        harness.StandIn.FailNext(1, HttpStatusCode.BadRequest, "Wrong input: Vector dimension error: expected dim: 384, got 3");

        var error = await Assert.ThrowsAsync<QdrantException>(() =>
            harness.Client.QueryAsync("c", new QueryRequest { Query = NearestQuery.Dense(new float[] { 1, 2, 3 }), Using = "dense" }));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("Wrong input: Vector dimension error: expected dim: 384, got 3", error.QdrantMessage);
        Assert.Equal(2, harness.StandIn.Requests.Count);
    }

    [Fact]
    public async Task A_non_Qdrant_error_body_is_reported_raw_and_a_missing_collection_is_a_404()
    {
        await using var harness = StandInHarness.Start();
        harness.StandIn.Script = r => r.Path.StartsWith("/aliases") ? (502, "<html>Bad gateway from the proxy</html>") : null;
        var proxy = await Assert.ThrowsAsync<QdrantException>(() => harness.Client.GetAliasesAsync());
        Assert.Equal(HttpStatusCode.BadGateway, proxy.StatusCode);
        Assert.Contains("Bad gateway from the proxy", proxy.QdrantMessage);

        var missing = await Assert.ThrowsAsync<QdrantException>(() => harness.Client.GetCollectionAsync("nope"));
        Assert.True(missing.IsNotFound);
        Assert.Equal("Not found: Collection `nope` doesn't exist!", missing.QdrantMessage);
    }

    [Fact]
    public async Task The_api_key_header_is_sent_only_when_configured()
    {
        await using (var withKey = StandInHarness.Start(new Dictionary<string, string?> { ["Retrieval:Qdrant:ApiKey"] = "s3cret" }))
        {
            await withKey.Client.GetCollectionsAsync();
            Assert.Equal("s3cret", Assert.Single(withKey.StandIn.Requests).Headers["api-key"]);
        }
        await using (var envKey = StandInHarness.Start(new Dictionary<string, string?> { ["QDRANT_API_KEY"] = "from-env" }))
        {
            await envKey.Client.GetCollectionsAsync();
            Assert.Equal("from-env", Assert.Single(envKey.StandIn.Requests).Headers["api-key"]);
        }
        await using var without = StandInHarness.Start();
        await without.Client.GetCollectionsAsync();
        Assert.False(Assert.Single(without.StandIn.Requests).Headers.ContainsKey("api-key"));
    }

    [Fact]
    public async Task Requests_are_counted_per_operation()
    {
        await using var harness = StandInHarness.Start();
        await harness.Client.GetCollectionsAsync();
        await harness.Client.GetCollectionsAsync();
        await harness.Client.GetAliasesAsync();

        Assert.Equal(3, harness.Client.RequestCount);
        Assert.Equal(2, harness.Client.RequestsByOperation["get_collections"]);
        Assert.Equal(1, harness.Client.RequestsByOperation["get_collections_aliases"]);
    }
}
