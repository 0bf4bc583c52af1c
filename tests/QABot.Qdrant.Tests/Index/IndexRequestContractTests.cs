using System.Text.Json.Nodes;
using QABot.Core.Retrieval;
using QABot.Qdrant.Tests.Contract;
using QABot.Qdrant.Tests.StandIn;

namespace QABot.Qdrant.Tests.Index;

/// <summary>
/// Drives the whole backend (build, incremental session, search, reads, status, snapshots) against the stand-in and
/// validates every request it sent against the official spec. The stand-in stores nothing: these tests check what is
/// sent, never what is found.
/// </summary>
[Trait("Category", "Qdrant")]
public sealed class IndexRequestContractTests
{
    private static void AssertAllValid(QdrantStandIn standIn)
    {
        var errors = standIn.Requests.SelectMany(r => OpenApiSpec.Qdrant.ValidateRequest(r.Method, r.Path, r.Body)).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var responseErrors = standIn.Requests.Where(r => r.ResponseStatus == 200)
            .SelectMany(r => OpenApiSpec.Qdrant.ValidateResponse(r.Method, r.Path, "200", r.ResponseBody)).ToList();
        Assert.True(responseErrors.Count == 0, string.Join("\n", responseErrors));
    }

    [Fact]
    public async Task Every_request_of_a_sparse_only_lifecycle_validates_against_the_spec()
    {
        await using var harness = StandInHarness.Start();
        var index = harness.Index;

        await using (var build = await index.BeginWriteAsync())
        {
            for (var i = 0; i < 5; i++) await build.UpsertAsync(TestDocuments.Numbered(i, chunks: 2));
            await build.SetAliasesAsync("a1", ["dup-1"]);
            await build.UpsertAsync(TestDocuments.Numbered(2, chunks: 1)); // replaced within the build: one stale chunk
            await build.DeleteAsync("a3");
            await build.CommitAsync();
        }
        await using (var update = await index.BeginWriteAsync())
        {
            await update.UpsertAsync(TestDocuments.Numbered(7));
            await update.SetAliasesAsync("a0", ["dup-0"]);
            await update.DeleteAsync("a4");
            await update.CommitAsync();
        }
        await index.SearchAsync(new SearchRequest
        {
            Text = "What did Putin give?", Language = "en", Top = 5,
            Expansions = [new WeightedPhrase("بوتين", 1f), new WeightedPhrase("هدية", 0.4f)],
            PublishedRange = new DateRange(new DateTimeOffset(2018, 1, 1, 0, 0, 0, TimeSpan.Zero), null),
            Sources = ["BBC", "Sky News"],
        });
        await index.ReadManifestAsync();
        await index.GetArticleAsync("dup-0");
        await index.GetStatsAsync();
        await foreach (var _ in index.ListArticlesAsync()) { }
        await index.GetStatusAsync();
        await index.CreateSnapshotAsync();
        await index.ListSnapshotsAsync();

        AssertAllValid(harness.StandIn);
        var operations = harness.StandIn.Requests.Select(r => r.Operation).ToList();
        Assert.Contains("PUT /collections/qabot_chunks_v1", operations);
        Assert.Contains("POST /collections/aliases", operations);
        Assert.Contains("POST /collections/qabot_chunks/points/query", operations);
        Assert.Contains("POST /collections/qabot_chunks_v1/points/batch", operations); // alias update inside the build
    }

    [Fact]
    public async Task Listing_counts_manifests_then_orders_them_by_the_local_publication_time_and_requests_validate()
    {
        await using var harness = StandInHarness.Start();
        var index = harness.Index;
        harness.StandIn.Script = r => r.Operation.EndsWith("/points/count", StringComparison.Ordinal)
            ? (200, QdrantStandIn.Ok(new JsonObject { ["count"] = 7 })) : null;
        await using (var build = await index.BeginWriteAsync())
        {
            await build.UpsertAsync(TestDocuments.Article("dubai", "عنوان", "نص", new DateTimeOffset(2018, 3, 1, 2, 28, 9, TimeSpan.FromHours(4))));
            await build.CommitAsync();
        }

        await index.QueryArticlesAsync(new ArticleQuery
        {
            Published = DateRange.Days(new DateOnly(2018, 3, 1), new DateOnly(2018, 3, 1)), Sources = ["BBC"], Limit = 5,
        });
        await index.QueryArticlesAsync(new ArticleQuery { Limit = 5 });

        AssertAllValid(harness.StandIn);
        var upsert = harness.StandIn.Requests.First(r => r.Body.Contains("\"publishedLocal\":\"", StringComparison.Ordinal));
        Assert.Contains("\"publishedLocal\":\"2018-03-01T02:28:09\"", upsert.Body);
        var scrolls = harness.StandIn.Requests.Where(r => r.Operation.EndsWith("/points/scroll", StringComparison.Ordinal))
            .Select(r => JsonNode.Parse(r.Body)!).Where(b => b["filter"]!.ToJsonString().Contains("manifest")).ToList();
        Assert.Equal(3, scrolls.Count); // the window's newest page; the newest page and the undated rest without a window
        Assert.Equal("publishedLocal", scrolls[0]["order_by"]!["key"]!.GetValue<string>());
        Assert.Equal("desc", scrolls[0]["order_by"]!["direction"]!.GetValue<string>());
        var must = scrolls[0]["filter"]!["must"]!.AsArray();
        var range = must.Single(c => c!["key"]!.GetValue<string>() == "publishedLocal")!["range"]!;
        Assert.Equal("2018-03-01T00:00:00+00:00", range["gte"]!.GetValue<string>());
        Assert.Equal("2018-03-01T23:59:59.9999999+00:00", range["lte"]!.GetValue<string>());
        Assert.Equal("bbc", must.Single(c => c!["key"]!.GetValue<string>() == "sourceKey")!["match"]!["any"]![0]!.GetValue<string>());
        Assert.Contains("is_empty", scrolls[2]["filter"]!.ToJsonString());
        Assert.Null(scrolls[2]["order_by"]);
    }

    [Fact]
    public async Task Hybrid_lifecycle_requests_validate_and_the_layout_has_sparse_idf_and_dense_vectors()
    {
        var embedder = new FixedEmbedder(dimensions: 4, model: "text-embedding-3-small");
        await using var harness = StandInHarness.Start(new Dictionary<string, string?>
        {
            ["Retrieval:Qdrant:ShardNumber"] = "6", ["Retrieval:Qdrant:ReplicationFactor"] = "2", ["Retrieval:Qdrant:WriteConsistencyFactor"] = "2",
        }, embedder);
        var index = harness.Index;

        await using (var build = await index.BeginWriteAsync())
        {
            await build.UpsertAsync(TestDocuments.Article("x", "عنوان", "سطر أول\nسطر ثان", embed: true));
            await build.CommitAsync();
        }
        await using (var update = await index.BeginWriteAsync())
        {
            await update.UpsertAsync(TestDocuments.Article("y", "عنوان", "سطر", embed: true));
            await update.CommitAsync();
        }
        await index.SearchAsync(new SearchRequest { Text = "سطر", Embedding = new float[] { 1, 0, 0, 0 }, Top = 3, Sources = ["bbc"] });

        AssertAllValid(harness.StandIn);
        var create = harness.StandIn.Requests.Single(r => r.Operation == "PUT /collections/qabot_chunks_v1").Json!;
        Assert.Equal("idf", create["sparse_vectors"]!["bm25"]!["modifier"]!.GetValue<string>());
        Assert.Equal(4, create["vectors"]!["dense"]!["size"]!.GetValue<int>());
        Assert.Equal("Cosine", create["vectors"]!["dense"]!["distance"]!.GetValue<string>());
        Assert.Equal(6, create["shard_number"]!.GetValue<int>());
        Assert.Equal(2, create["replication_factor"]!.GetValue<int>());
        Assert.Equal(2, create["write_consistency_factor"]!.GetValue<int>());
        Assert.Equal("text-embedding-3-small", create["metadata"]!["embeddingModel"]!.GetValue<string>());

        var indexes = harness.StandIn.Requests.Where(r => r.Operation == "PUT /collections/qabot_chunks_v1/index")
            .ToDictionary(r => r.Json!["field_name"]!.GetValue<string>(), r => r.Json!["field_schema"]!.GetValue<string>());
        Assert.Equal("datetime", indexes["published"]);
        foreach (var keyword in new[] { "source", "articleId", "language", "kind", "aliases", "sourceKey" }) Assert.Equal("keyword", indexes[keyword]);

        var query = harness.StandIn.Requests.Single(r => r.Operation.EndsWith("/points/query")).Json!;
        Assert.Equal("rrf", query["query"]!["fusion"]!.GetValue<string>());
        var prefetch = query["prefetch"]!.AsArray();
        Assert.Equal(["bm25", "dense"], prefetch.Select(p => p!["using"]!.GetValue<string>()));
        Assert.All(prefetch, p => Assert.Equal("bbc", p!["filter"]!["must"]![0]!["match"]!["any"]![0]!.GetValue<string>()));
        Assert.Equal(3, query["limit"]!.GetValue<int>());

        var upserts = harness.StandIn.Requests.Where(r => r.Operation.EndsWith("/points") && r.Method == "PUT").SelectMany(r => r.Json!["points"]!.AsArray()).ToList();
        var chunkPoint = upserts.First(p => p!["payload"]!["kind"]!.GetValue<string>() == "chunk")!;
        Assert.Equal(4, chunkPoint["vector"]!["dense"]!.AsArray().Count);
        Assert.NotEmpty(chunkPoint["vector"]!["bm25"]!["indices"]!.AsArray());
    }

    [Fact]
    public async Task Sparse_only_search_queries_the_bm25_vector_and_an_empty_question_sends_nothing()
    {
        await using var harness = StandInHarness.Start();
        var before = harness.StandIn.Requests.Count;
        Assert.Empty(await harness.Index.SearchAsync(new SearchRequest { Text = "؟؟ ... !!" }));
        Assert.Equal(before, harness.StandIn.Requests.Count);

        // With no embedder configured, a query embedding is ignored: the collection has no dense vector.
        await harness.Index.SearchAsync(new SearchRequest { Text = "بوتين", Embedding = new float[] { 1, 2 }, Top = 2 });
        var query = Assert.Single(harness.StandIn.Requests, r => r.Operation.EndsWith("/points/query")).Json!;
        Assert.Equal("bm25", query["using"]!.GetValue<string>());
        Assert.NotNull(query["query"]!["nearest"]!["indices"]);
        Assert.Null(query["prefetch"]);
    }

    [Fact]
    public async Task An_index_built_with_another_embedding_model_refuses_incremental_writes()
    {
        await using var harness = StandInHarness.Start(embedder: new FixedEmbedder(model: "other-model"));
        await using (var build = await harness.Index.BeginWriteAsync()) await build.CommitAsync();

        // The stand-in reports the collection's recorded model as text-embedding-3-small.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Index.BeginWriteAsync());
        Assert.Contains("text-embedding-3-small", error.Message);
        Assert.Contains("other-model", error.Message);
    }
}
