using System.Text.Json;
using QABot.Core.Retrieval;
using QABot.Qdrant.Tests.StandIn;
using QABot.Retrieval.Qdrant.Client;

namespace QABot.Qdrant.Tests.Contract;

/// <summary>
/// Every request the client can send, captured at the HTTP level and validated against the official spec: the path and
/// method exist, query parameters are declared and well-typed, and the body validates against the operation's schema.
/// The stand-in's answers are validated against the response schemas too, so parsing is exercised on spec-shaped bodies.
/// </summary>
[Trait("Category", "Qdrant")]
public sealed class ClientContractTests
{
    private static readonly Guid SomeId = Guid.Parse("c6c3d9ab-a1e3-5b7a-8b55-ffeb1b034fbb");

    public static TheoryData<string> Operations => new(ClientCalls.Keys);

    private static readonly Dictionary<string, Func<QdrantRestClient, Task>> ClientCalls = new()
    {
        ["get_collections"] = c => c.GetCollectionsAsync(),
        ["get_collection"] = c => c.GetCollectionAsync("c1"),
        ["collection_exists"] = c => c.CollectionExistsAsync("c1"),
        ["create_collection"] = c => c.CreateCollectionAsync("c2", new CreateCollectionRequest
        {
            SparseVectors = new Dictionary<string, SparseVectorParams> { ["bm25"] = new("idf") },
            Vectors = new Dictionary<string, VectorParams> { ["dense"] = new(384, Distances.Cosine) },
            ShardNumber = 6, ReplicationFactor = 2, WriteConsistencyFactor = 2,
            Metadata = new Dictionary<string, string> { ["embeddingModel"] = "m" },
        }),
        ["delete_collection"] = c => c.DeleteCollectionAsync("c1"),
        ["get_collections_aliases"] = c => c.GetAliasesAsync(),
        ["get_collection_aliases"] = c => c.GetCollectionAliasesAsync("c1"),
        ["update_aliases"] = c => c.UpdateAliasesAsync([AliasAction.Delete("live"), AliasAction.Create("live", "c1")]),
        ["create_field_index"] = c => c.CreatePayloadIndexAsync("c1", "published", PayloadSchemaTypes.Datetime),
        ["upsert_points"] = c => c.UpsertPointsAsync("c1",
        [
            new PointStruct(SomeId, new Dictionary<string, object> { ["bm25"] = new SparseVector([1u, 4000000000u], [0.5f, 1.25f]), ["dense"] = new[] { 0.1f, 0.2f } },
                new { articleId = "a", published = new DateTimeOffset(2023, 9, 14, 10, 0, 0, TimeSpan.FromHours(3)) }),
            new PointStruct(Guid.NewGuid(), new Dictionary<string, object>(), new { kind = "manifest" }),
        ]),
        ["delete_points_by_filter"] = c => c.DeletePointsAsync("c1", Filter.All(FieldCondition.AnyOf("articleId", ["a", "b"]))),
        ["delete_points_by_ids"] = c => c.DeletePointsAsync("c1", [SomeId]),
        ["batch_update"] = c => c.BatchUpdateAsync("c1", [UpdateOperation.SetPayloadOf([SomeId], new { aliases = new[] { "x" } })]),
        ["get_points"] = c => c.GetPointsAsync("c1", new PointRequest { Ids = [SomeId], WithPayload = new[] { "articleId", "aliases" } }),
        ["scroll_points"] = c => c.ScrollAsync("c1", new ScrollRequest
        {
            Filter = Filter.All(FieldCondition.Equal("kind", "manifest")), Limit = 1000, WithPayload = true,
            Offset = JsonDocument.Parse("\"c6c3d9ab-a1e3-5b7a-8b55-ffeb1b034fbb\"").RootElement,
        }),
        ["count_points"] = c => c.CountAsync("c1", new CountRequest { Filter = Filter.All(FieldCondition.Equal("kind", "chunk")) }),
        ["query_points_sparse"] = c => c.QueryAsync("c1", new QueryRequest
        {
            Query = NearestQuery.Sparse(new SparseVector([7u], [1f])), Using = "bm25", Limit = 8, WithPayload = new[] { "text" },
            Filter = new Filter
            {
                Must = [FieldCondition.Between("published", new DateTimeOffset(2018, 1, 1, 0, 0, 0, TimeSpan.Zero), null), FieldCondition.AnyOf("sourceKey", ["bbc"])],
                MustNot = [FieldCondition.Equal("kind", "manifest")],
                Should = [new Filter { Must = [FieldCondition.Equal("language", "ar")] }],
            },
        }),
        ["query_points_fusion"] = c => c.QueryAsync("c1", new QueryRequest
        {
            Prefetch =
            [
                new Prefetch { Query = NearestQuery.Sparse(new SparseVector([7u, 9u], [1f, 0.6f])), Using = "bm25", Limit = 50 },
                new Prefetch { Query = NearestQuery.Dense(new[] { 0.1f, 0.2f, 0.3f }), Using = "dense", Limit = 50 },
            ],
            Query = FusionQuery.Rrf, Limit = 8, WithPayload = true,
        }),
        ["create_snapshot"] = c => c.CreateSnapshotAsync("c1"),
        ["list_snapshots"] = c => c.ListSnapshotsAsync("c1"),
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Request_validates_against_the_official_spec_and_the_answer_parses(string operation)
    {
        await using var harness = StandInHarness.Start(new Dictionary<string, string?>
        {
            ["Retrieval:Qdrant:WriteOrdering"] = "strong",
            ["Retrieval:Qdrant:ReadConsistency"] = "majority",
        });
        // Seed the stand-in's bookkeeping so that "c1" exists.
        await harness.Client.CreateCollectionAsync("c1", new CreateCollectionRequest());
        var before = harness.StandIn.Requests.Count;

        await ClientCalls[operation](harness.Client);

        var sent = harness.StandIn.Requests.Skip(before).ToList();
        var request = Assert.Single(sent);
        Assert.Empty(OpenApiSpec.Qdrant.ValidateRequest(request.Method, request.Path, request.Body));
        Assert.Equal(200, request.ResponseStatus);
        Assert.Empty(OpenApiSpec.Qdrant.ValidateResponse(request.Method, request.Path, "200", request.ResponseBody));
    }

    [Fact]
    public async Task Writes_wait_and_carry_the_configured_ordering_reads_the_configured_consistency()
    {
        await using var harness = StandInHarness.Start(new Dictionary<string, string?>
        {
            ["Retrieval:Qdrant:WriteOrdering"] = "strong",
            ["Retrieval:Qdrant:ReadConsistency"] = "majority",
        });
        await harness.Client.CreateCollectionAsync("c1", new CreateCollectionRequest());
        await harness.Client.UpsertPointsAsync("c1", []);
        await harness.Client.QueryAsync("c1", new QueryRequest { Query = NearestQuery.Sparse(new SparseVector([1u], [1f])), Using = "bm25" });

        var paths = harness.StandIn.Requests.Select(r => r.Path).ToList();
        Assert.Contains("/collections/c1/points?wait=true&ordering=strong", paths);
        Assert.Contains("/collections/c1/points/query?consistency=majority", paths);
    }

    [Fact]
    public void Every_operation_the_client_declares_is_covered_here()
    {
        // The operationIds the client sends requests under (read from its source) must all be in the spec and in the table
        // above, so a method added to the client without a contract case fails here.
        var source = File.ReadAllText(Path.Combine(QABot.Testing.RepoPaths.Root, "src", "QABot.Retrieval.Qdrant", "Client", "QdrantRestClient.cs"));
        var operationIds = System.Text.RegularExpressions.Regex.Matches(source, "\"([a-z_]+)\", cancellationToken")
            .Select(m => m.Groups[1].Value).Distinct().ToList();
        var specIds = OpenApiSpec.Qdrant.Document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject()).Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("operationId", out _))
            .Select(o => o.Value.GetProperty("operationId").GetString()).ToHashSet();
        Assert.True(operationIds.Count >= 17, $"found {operationIds.Count} operations in the client");
        foreach (var id in operationIds)
        {
            Assert.Contains(id, specIds);
            Assert.Contains(ClientCalls.Keys, k => k == id || k.StartsWith(id + "_", StringComparison.Ordinal));
        }
    }
}
