using Qdrant.Client.Grpc;
using QABot.Core.Retrieval;
using QABot.Qdrant.Tests.StandIn;
using QABot.Retrieval.Qdrant.Index;
using QABot.Testing.Conformance;

namespace QABot.Qdrant.Tests.Grpc;

/// <summary>
/// What QABot sends over gRPC, read from the stand-in's log of request messages: required fields set, point ids
/// well-formed UUIDv5, vectors consistent, filters well-formed, fusion weighted as configured.
/// </summary>
[Trait("Category", "Qdrant")]
public sealed class GrpcRequestTests
{
    private static readonly DateTimeOffset DubaiNight = new(2018, 3, 1, 2, 28, 9, TimeSpan.FromHours(4));

    private static async Task<QdrantTestBackend> WrittenAsync(IDictionary<string, string?>? settings = null, ITextEmbedder? embedder = null)
    {
        var backend = await QdrantTestBackend.StartStandInAsync(settings, embedder);
        await backend.CommitAsync(
            TestDocuments.Article("a1", "بوتين وكيم", "أهدى بوتين كيم بندقية.\nوأعطاه قفازا.", DubaiNight, "Sky News", embed: embedder is not null),
            TestDocuments.Article("a2", "الأهلي", "فاز الأهلي على الزمالك.", null, null, embed: embedder is not null));
        return backend;
    }

    [Fact]
    public async Task The_collection_has_the_bm25_idf_vector_the_dense_vector_its_model_and_every_payload_index()
    {
        await using var backend = await WrittenAsync(new Dictionary<string, string?> { ["Retrieval:Qdrant:ReplicationFactor"] = "2" }, new FixedEmbedder(4, "model-x"));
        var standIn = backend.StandIn!;

        var create = Assert.Single(standIn.Requests<CreateCollection>("Collections/Create"));
        Assert.Equal("qabot_chunks_v1", create.CollectionName);
        Assert.Equal(Modifier.Idf, create.SparseVectorsConfig.Map["bm25"].Modifier);
        var dense = create.VectorsConfig.ParamsMap.Map["dense"];
        Assert.Equal((4UL, Distance.Cosine), (dense.Size, dense.Distance));
        Assert.Equal("model-x", create.Metadata["embeddingModel"].StringValue);
        Assert.Equal((1U, 2U, 1U), (create.ShardNumber, create.ReplicationFactor, create.WriteConsistencyFactor));

        var indexes = standIn.Requests<CreateFieldIndexCollection>("Points/CreateFieldIndex");
        Assert.All(indexes, i => Assert.Equal(("qabot_chunks_v1", true), (i.CollectionName, i.Wait)));
        Assert.Equal(
            new Dictionary<string, FieldType>
            {
                ["kind"] = FieldType.Keyword, ["articleId"] = FieldType.Keyword, ["aliases"] = FieldType.Keyword, ["published"] = FieldType.Datetime,
                ["publishedLocal"] = FieldType.Datetime, ["source"] = FieldType.Keyword, ["sourceKey"] = FieldType.Keyword, ["language"] = FieldType.Keyword,
            }.OrderBy(i => i.Key),
            indexes.ToDictionary(i => i.FieldName, i => i.FieldType).OrderBy(i => i.Key));
    }

    [Fact]
    public async Task Points_have_UUIDv5_ids_consistent_vectors_and_the_payload_a_citation_needs()
    {
        await using var backend = await WrittenAsync(embedder: new FixedEmbedder(4));
        var points = backend.StandIn!.Requests<UpsertPoints>("Points/Upsert").SelectMany(u => u.Points).ToList();

        Assert.Equal(5, points.Count); // 2 manifests + 3 chunks
        foreach (var point in points)
        {
            var id = Guid.Parse(point.Id.Uuid);
            Assert.Equal(5, id.Version);
            Assert.Equal(0x80, id.ToByteArray(bigEndian: true)[8] & 0xC0); // RFC 4122 variant
            Assert.False(string.IsNullOrEmpty(point.Payload["articleId"].StringValue));
        }
        var manifests = points.Where(p => p.Payload["kind"].StringValue == "manifest").ToList();
        Assert.Equal([PointIds.ForManifest("a1").ToString(), PointIds.ForManifest("a2").ToString()], manifests.Select(m => m.Id.Uuid).Order());
        Assert.All(manifests, m => Assert.Empty(m.Vectors.Vectors_.Vectors)); // never a search hit

        var chunks = points.Where(p => p.Payload["kind"].StringValue == "chunk").ToList();
        Assert.Equal(PointIds.ForChunk("a1:0").ToString(), chunks.Single(c => c.Payload["chunkId"].StringValue == "a1:0").Id.Uuid);
        foreach (var chunk in chunks)
        {
            var sparse = chunk.Vectors.Vectors_.Vectors["bm25"].Sparse;
            Assert.Equal(sparse.Indices.Count, sparse.Values.Count);
            Assert.True(sparse.Indices.Zip(sparse.Indices.Skip(1)).All(p => p.First < p.Second), "sparse indices ascend without repeats");
            Assert.All(sparse.Values, v => Assert.True(v > 0));
            Assert.Equal(4, chunk.Vectors.Vectors_.Vectors["dense"].Dense.Data.Count);
            Assert.False(string.IsNullOrEmpty(chunk.Payload["text"].StringValue));
        }
        var dated = chunks.First(c => c.Payload["articleId"].StringValue == "a1");
        Assert.Equal("2018-03-01T02:28:09+04:00", dated.Payload["published"].StringValue);
        Assert.Equal("2018-03-01T02:28:09", dated.Payload["publishedLocal"].StringValue);
        Assert.Equal("sky news", dated.Payload["sourceKey"].StringValue);
        var undated = chunks.First(c => c.Payload["articleId"].StringValue == "a2");
        Assert.False(undated.Payload.ContainsKey("published"), "an undated article has no date key, so no date range matches it");
    }

    [Fact]
    public async Task A_filtered_hybrid_search_sends_weighted_rrf_over_two_filtered_prefetches()
    {
        await using var backend = await WrittenAsync(embedder: new FixedEmbedder(4));
        var window = DateRange.Days(new DateOnly(2018, 3, 1), new DateOnly(2018, 3, 1));

        var hits = await backend.Index.SearchAsync(new SearchRequest { Text = "بندقية بوتين", Embedding = new float[] { 1, 0, 0, 0 }, Top = 5, PublishedRange = window, Sources = ["SKY NEWS", "bbc"] });

        Assert.Equal(["a1"], hits.Select(h => h.Chunk.ArticleId).Distinct());
        var query = Assert.Single(backend.StandIn!.Requests<QueryPoints>("Points/Query"));
        Assert.Equal(("qabot_chunks", 5UL), (query.CollectionName, query.Limit));
        Assert.Equal(Query.VariantOneofCase.Rrf, query.Query.VariantCase);
        Assert.Equal(1U, query.Query.Rrf.K); // Retrieval:Fusion:K default
        Assert.Equal(["bm25", "dense"], query.Prefetch.Select(p => p.Using));
        Assert.Equal([1.0f, 0.3f], query.Query.Rrf.Weights); // Retrieval:Fusion defaults: sparse-heavy
        Assert.Equal(VectorInput.VariantOneofCase.Sparse, query.Prefetch[0].Query.Nearest.VariantCase);
        Assert.Equal(VectorInput.VariantOneofCase.Dense, query.Prefetch[1].Query.Nearest.VariantCase);
        foreach (var filter in query.Prefetch.Select(p => p.Filter).Append(query.Filter))
        {
            Assert.Equal(2, filter.Must.Count);
            Assert.All(filter.Must, c => Assert.False(string.IsNullOrEmpty(c.Field.Key)));
            var range = filter.Must.Single(c => c.Field.DatetimeRange is not null).Field;
            Assert.Equal("publishedLocal", range.Key);
            Assert.Null(range.Match);
            Assert.Equal(new DateTime(2018, 3, 1, 0, 0, 0, DateTimeKind.Utc), range.DatetimeRange.Gte.ToDateTime());
            Assert.Equal(new DateTime(2018, 3, 1), range.DatetimeRange.Lte.ToDateTime().Date);
            var outlets = filter.Must.Single(c => c.Field.Match is not null).Field;
            Assert.Equal("sourceKey", outlets.Key);
            Assert.Equal(["sky news", "bbc"], outlets.Match.Keywords.Strings);
        }
        Assert.Equal(["articleId", "chunkId", "ordinal", "startChar", "title", "text", "source", "url", "published", "language"], query.WithPayload.Include.Fields);
    }

    [Theory]
    [InlineData("1.0", "0.3", "words")]
    [InlineData("1.0", "3.0", "meaning")]
    public async Task Fusion_weights_decide_between_the_bm25_hit_and_the_dense_hit(string sparseWeight, string denseWeight, string first)
    {
        await using var backend = await QdrantTestBackend.StartStandInAsync(new Dictionary<string, string?>
        {
            ["Retrieval:Fusion:SparseWeight"] = sparseWeight, ["Retrieval:Fusion:DenseWeight"] = denseWeight,
        }, new FixedEmbedder(4));
        // Each article is in one arm only: BM25 finds "words", the dense vector finds "meaning".
        await backend.CommitAsync(
            ConformanceDocuments.Article("words", "الأهلي والزمالك", "سجل المهاجم هدفين في مباراة الأهلي والزمالك."),
            ConformanceDocuments.Article("meaning", "موجة حر", "توقعت هيئة الأرصاد استمرار موجة الحر.", embeddings: [new float[] { 1, 0, 0, 0 }]));

        var hits = await backend.Index.SearchAsync(new SearchRequest { Text = "الأهلي", Embedding = new float[] { 1, 0, 0, 0 } });

        Assert.Equal(first, hits[0].Chunk.ArticleId);
        Assert.Equal(2, hits.Count);
    }

    [Fact]
    public async Task A_dense_weight_of_zero_is_bm25_alone_and_an_empty_question_sends_nothing()
    {
        await using var backend = await WrittenAsync(new Dictionary<string, string?> { ["Retrieval:Fusion:DenseWeight"] = "0" }, new FixedEmbedder(4));

        await backend.Index.SearchAsync(new SearchRequest { Text = "بندقية", Embedding = new float[] { 1, 0, 0, 0 } });
        var query = Assert.Single(backend.StandIn!.Requests<QueryPoints>("Points/Query"));
        Assert.Empty(query.Prefetch);
        Assert.Equal("bm25", query.Using);
        Assert.Equal(VectorInput.VariantOneofCase.Sparse, query.Query.Nearest.VariantCase);

        Assert.Empty(await backend.Index.SearchAsync(new SearchRequest { Text = "؟؟ ..." }));
        Assert.Single(backend.StandIn.Requests<QueryPoints>("Points/Query"));
    }

    [Fact]
    public async Task Listing_counts_manifests_then_scrolls_them_newest_first_on_the_local_clock()
    {
        await using var backend = await WrittenAsync();
        var listing = await backend.Index.QueryArticlesAsync(new ArticleQuery { Limit = 10 });

        Assert.Equal(["a1", "a2"], listing.Articles.Select(a => a.ArticleId));
        var count = backend.StandIn!.Requests<CountPoints>("Points/Count").Last();
        Assert.True(count.Exact);
        Assert.Equal("manifest", count.Filter.Must[0].Field.Match.Keyword);
        var scrolls = backend.StandIn.Requests<ScrollPoints>("Points/Scroll");
        var ordered = scrolls.Single(s => s.OrderBy is not null);
        Assert.Equal(("publishedLocal", Direction.Desc), (ordered.OrderBy.Key, ordered.OrderBy.Direction));
        var undated = scrolls.Single(s => s.Filter.Must.Any(c => c.IsEmpty is not null));
        Assert.Equal("publishedLocal", undated.Filter.Must.Single(c => c.IsEmpty is not null).IsEmpty.Key);
    }

    [Fact]
    public async Task An_index_built_with_another_embedding_model_refuses_incremental_writes()
    {
        await using var backend = await WrittenAsync(embedder: new FixedEmbedder(4, "model-a"));
        var settings = new Dictionary<string, string?> { ["Retrieval:Qdrant:Url"] = backend.StandIn!.Url };
        await using var other = await QdrantTestBackend.StartStandInAsync(settings, new FixedEmbedder(4, "model-b"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => other.Index.BeginWriteAsync());
        Assert.Contains("model-a", error.Message);
        Assert.Contains("Rebuild", error.Message);
    }
}
