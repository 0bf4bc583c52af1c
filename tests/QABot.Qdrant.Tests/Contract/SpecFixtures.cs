using System.Text.Json.Nodes;
using QABot.Qdrant.Tests.StandIn;

namespace QABot.Qdrant.Tests.Contract;

/// <summary>Response bodies written in the shape of the spec's response schemas (each is validated against them in tests).</summary>
public static class SpecFixtures
{
    public static string CollectionInfo(int shards = 3, int replication = 2, int writeConsistency = 2, long points = 1234, string? embeddingModel = "text-embedding-3-small") =>
        QdrantStandIn.Ok(new JsonObject
        {
            ["status"] = "green",
            ["optimizer_status"] = "ok",
            ["indexed_vectors_count"] = 1000,
            ["points_count"] = points,
            ["segments_count"] = 6,
            ["config"] = new JsonObject
            {
                ["params"] = new JsonObject
                {
                    ["vectors"] = new JsonObject { ["dense"] = new JsonObject { ["size"] = 1536, ["distance"] = "Cosine" } },
                    ["shard_number"] = shards,
                    ["replication_factor"] = replication,
                    ["write_consistency_factor"] = writeConsistency,
                    ["on_disk_payload"] = true,
                    ["sparse_vectors"] = new JsonObject { ["bm25"] = new JsonObject { ["modifier"] = "idf" } },
                },
                ["hnsw_config"] = new JsonObject { ["m"] = 16, ["ef_construct"] = 100, ["full_scan_threshold"] = 10000, ["max_indexing_threads"] = 0, ["on_disk"] = false },
                ["optimizer_config"] = new JsonObject
                {
                    ["deleted_threshold"] = 0.2, ["vacuum_min_vector_number"] = 1000, ["default_segment_number"] = 0,
                    ["max_segment_size"] = null, ["memmap_threshold"] = null, ["indexing_threshold"] = 10000,
                    ["flush_interval_sec"] = 5, ["max_optimization_threads"] = null,
                },
                ["wal_config"] = new JsonObject { ["wal_capacity_mb"] = 32, ["wal_segments_ahead"] = 0 },
                ["quantization_config"] = null,
                ["metadata"] = embeddingModel is null ? null : new JsonObject { ["embeddingModel"] = embeddingModel },
            },
            ["payload_schema"] = new JsonObject
            {
                ["published"] = new JsonObject { ["data_type"] = "datetime", ["points"] = 900 },
                ["sourceKey"] = new JsonObject { ["data_type"] = "keyword", ["points"] = 1200 },
            },
        });

    public static JsonObject ChunkPayload(string articleId, int ordinal, string title, string text, string? source, string? published) => new()
    {
        ["kind"] = "chunk", ["articleId"] = articleId, ["chunkId"] = $"{articleId}:{ordinal}", ["ordinal"] = ordinal, ["startChar"] = 0,
        ["title"] = title, ["text"] = text, ["source"] = source, ["url"] = $"https://example.test/{articleId}",
        ["published"] = published, ["language"] = "ar",
    };
}
