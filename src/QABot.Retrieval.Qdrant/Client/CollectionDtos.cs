using System.Text.Json;
using System.Text.Json.Serialization;

namespace QABot.Retrieval.Qdrant.Client;

// Request and response shapes of the collection, alias and snapshot endpoints, named as in Qdrant's OpenAPI spec
// (components/schemas). Only the members this project sends or reads are modelled.

/// <summary>Schema <c>CreateCollection</c>.</summary>
public sealed record CreateCollectionRequest
{
    /// <summary>Named dense vectors (schema <c>VectorsConfig</c>, map form); null for a sparse-only collection.</summary>
    [JsonPropertyName("vectors")] public IReadOnlyDictionary<string, VectorParams>? Vectors { get; init; }
    [JsonPropertyName("sparse_vectors")] public IReadOnlyDictionary<string, SparseVectorParams>? SparseVectors { get; init; }
    [JsonPropertyName("shard_number")] public int? ShardNumber { get; init; }
    [JsonPropertyName("replication_factor")] public int? ReplicationFactor { get; init; }
    [JsonPropertyName("write_consistency_factor")] public int? WriteConsistencyFactor { get; init; }
    /// <summary>Free-form collection metadata (schema <c>Payload</c>): records the embedding model of the dense vectors.</summary>
    [JsonPropertyName("metadata")] public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}

/// <summary>Schema <c>VectorParams</c>.</summary>
public sealed record VectorParams(
    [property: JsonPropertyName("size")] int Size,
    [property: JsonPropertyName("distance")] string Distance);

/// <summary>Schema <c>SparseVectorParams</c>; <see cref="Modifier"/> "idf" makes Qdrant weight query terms by inverse document frequency.</summary>
public sealed record SparseVectorParams([property: JsonPropertyName("modifier")] string? Modifier = null);

public static class Distances
{
    public const string Cosine = "Cosine";
    public const string Dot = "Dot";
    public const string Euclid = "Euclid";
}

/// <summary>Schema <c>CreateFieldIndex</c> with a plain <c>PayloadSchemaType</c>.</summary>
public sealed record CreateFieldIndexRequest(
    [property: JsonPropertyName("field_name")] string FieldName,
    [property: JsonPropertyName("field_schema")] string FieldSchema);

public static class PayloadSchemaTypes
{
    public const string Keyword = "keyword";
    public const string Integer = "integer";
    public const string Datetime = "datetime";
}

/// <summary>Schema <c>ChangeAliasesOperation</c>: the actions run atomically.</summary>
public sealed record ChangeAliasesRequest([property: JsonPropertyName("actions")] IReadOnlyList<AliasAction> Actions);

/// <summary>One of schema <c>AliasOperations</c>: exactly one member is set.</summary>
public sealed record AliasAction
{
    [JsonPropertyName("create_alias")] public AliasDescription? CreateAlias { get; init; }
    [JsonPropertyName("delete_alias")] public DeleteAlias? DeleteAlias { get; init; }

    public static AliasAction Create(string alias, string collection) => new() { CreateAlias = new AliasDescription(alias, collection) };
    public static AliasAction Delete(string alias) => new() { DeleteAlias = new DeleteAlias(alias) };
}

/// <summary>Schemas <c>CreateAlias</c> and <c>AliasDescription</c> (same members).</summary>
public sealed record AliasDescription(
    [property: JsonPropertyName("alias_name")] string AliasName,
    [property: JsonPropertyName("collection_name")] string CollectionName);

/// <summary>Schema <c>DeleteAlias</c>.</summary>
public sealed record DeleteAlias([property: JsonPropertyName("alias_name")] string AliasName);

/// <summary>Schema <c>CollectionsAliasesResponse</c>.</summary>
public sealed record AliasesResult([property: JsonPropertyName("aliases")] IReadOnlyList<AliasDescription> Aliases);

/// <summary>Schema <c>CollectionsResponse</c>.</summary>
public sealed record CollectionsResult([property: JsonPropertyName("collections")] IReadOnlyList<CollectionDescription> Collections);

public sealed record CollectionDescription([property: JsonPropertyName("name")] string Name);

/// <summary>Schema <c>CollectionExistence</c>.</summary>
public sealed record CollectionExistence([property: JsonPropertyName("exists")] bool Exists);

/// <summary>Schema <c>CollectionInfo</c>. The config is kept as JSON: its shape varies with the vector setup.</summary>
public sealed record CollectionInfo
{
    [JsonPropertyName("status")] public required string Status { get; init; }
    /// <summary>"ok" or <c>{"error": "..."}</c> (schema <c>OptimizersStatus</c>).</summary>
    [JsonPropertyName("optimizer_status")] public JsonElement OptimizerStatus { get; init; }
    [JsonPropertyName("points_count")] public long? PointsCount { get; init; }
    [JsonPropertyName("indexed_vectors_count")] public long? IndexedVectorsCount { get; init; }
    [JsonPropertyName("segments_count")] public long SegmentsCount { get; init; }
    [JsonPropertyName("config")] public required CollectionConfig Config { get; init; }
    [JsonPropertyName("payload_schema")] public IReadOnlyDictionary<string, PayloadIndexInfo> PayloadSchema { get; init; } = new Dictionary<string, PayloadIndexInfo>();
    [JsonPropertyName("warnings")] public IReadOnlyList<CollectionWarning>? Warnings { get; init; }
}

/// <summary>Schema <c>CollectionConfig</c> (the parts reported by <c>qabot qdrant status</c>).</summary>
public sealed record CollectionConfig
{
    [JsonPropertyName("params")] public required CollectionParams Params { get; init; }
    [JsonPropertyName("metadata")] public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }
}

/// <summary>Schema <c>CollectionParams</c>.</summary>
public sealed record CollectionParams
{
    /// <summary>Schema <c>VectorsConfig</c>: one unnamed <c>VectorParams</c> or a map of named ones.</summary>
    [JsonPropertyName("vectors")] public JsonElement Vectors { get; init; }
    [JsonPropertyName("sparse_vectors")] public IReadOnlyDictionary<string, SparseVectorParams>? SparseVectors { get; init; }
    [JsonPropertyName("shard_number")] public int ShardNumber { get; init; } = 1;
    [JsonPropertyName("replication_factor")] public int ReplicationFactor { get; init; } = 1;
    [JsonPropertyName("write_consistency_factor")] public int WriteConsistencyFactor { get; init; } = 1;
}

/// <summary>Schema <c>PayloadIndexInfo</c>.</summary>
public sealed record PayloadIndexInfo(
    [property: JsonPropertyName("data_type")] string DataType,
    [property: JsonPropertyName("points")] long Points);

public sealed record CollectionWarning([property: JsonPropertyName("message")] string Message);

/// <summary>Schema <c>SnapshotDescription</c>.</summary>
public sealed record SnapshotDescription
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("creation_time")] public string? CreationTime { get; init; }
    [JsonPropertyName("size")] public long Size { get; init; }
    [JsonPropertyName("checksum")] public string? Checksum { get; init; }
}

/// <summary>Schema <c>UpdateResult</c>.</summary>
public sealed record UpdateResult
{
    [JsonPropertyName("operation_id")] public long? OperationId { get; init; }
    /// <summary>"acknowledged", "completed" or "wait_timeout".</summary>
    [JsonPropertyName("status")] public required string Status { get; init; }
}
