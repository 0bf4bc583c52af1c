using System.Text.Json;
using System.Text.Json.Serialization;

namespace QABot.Retrieval.Qdrant.Client;

/// <summary>Schema <c>SparseVector</c>: parallel arrays of term ids and weights.</summary>
public sealed record SparseVector(
    [property: JsonPropertyName("indices")] IReadOnlyList<uint> Indices,
    [property: JsonPropertyName("values")] IReadOnlyList<float> Values)
{
    [JsonIgnore] public bool IsEmpty => Indices.Count == 0;
}

/// <summary>
/// Schema <c>PointStruct</c> with named vectors (schema <c>VectorStruct</c>, map form: a dense <c>float[]</c> or a
/// <see cref="SparseVector"/> per name). <see cref="Payload"/> is any JSON-serializable object.
/// </summary>
public sealed record PointStruct(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("vector")] IReadOnlyDictionary<string, object> Vector,
    [property: JsonPropertyName("payload")] object? Payload);

/// <summary>Schema <c>PointsList</c>.</summary>
public sealed record UpsertPointsRequest([property: JsonPropertyName("points")] IReadOnlyList<PointStruct> Points);

/// <summary>Schema <c>FilterSelector</c> (delete by filter).</summary>
public sealed record FilterSelector([property: JsonPropertyName("filter")] Filter Filter);

/// <summary>Schema <c>PointIdsList</c> (delete by ids).</summary>
public sealed record PointIdsList([property: JsonPropertyName("points")] IReadOnlyList<Guid> Points);

/// <summary>Schema <c>PointRequest</c> (retrieve by ids).</summary>
public sealed record PointRequest
{
    [JsonPropertyName("ids")] public required IReadOnlyList<Guid> Ids { get; init; }
    /// <summary>Schema <c>WithPayloadInterface</c>: true, false or the list of keys to return.</summary>
    [JsonPropertyName("with_payload")] public object? WithPayload { get; init; }
    [JsonPropertyName("with_vector")] public bool WithVector { get; init; }
}

/// <summary>Schema <c>ScrollRequest</c>.</summary>
public sealed record ScrollRequest
{
    [JsonPropertyName("filter")] public Filter? Filter { get; init; }
    [JsonPropertyName("limit")] public int? Limit { get; init; }
    /// <summary>The <c>next_page_offset</c> of the previous page (schema <c>ExtendedPointId</c>).</summary>
    [JsonPropertyName("offset")] public JsonElement? Offset { get; init; }
    [JsonPropertyName("with_payload")] public object? WithPayload { get; init; }
    [JsonPropertyName("with_vector")] public bool WithVector { get; init; }
    /// <summary>Order by an indexed payload key instead of by point id; points without the key are not returned.</summary>
    [JsonPropertyName("order_by")] public OrderBy? OrderBy { get; init; }
}

/// <summary>Schema <c>OrderBy</c>: <see cref="Direction"/> is "asc" or "desc".</summary>
public sealed record OrderBy([property: JsonPropertyName("key")] string Key, [property: JsonPropertyName("direction")] string Direction);

/// <summary>Schema <c>CountRequest</c>.</summary>
public sealed record CountRequest
{
    [JsonPropertyName("filter")] public Filter? Filter { get; init; }
    [JsonPropertyName("exact")] public bool Exact { get; init; } = true;
}

/// <summary>Schema <c>CountResult</c>.</summary>
public sealed record CountResult([property: JsonPropertyName("count")] long Count);

/// <summary>Schema <c>SetPayload</c> addressed by point ids.</summary>
public sealed record SetPayload(
    [property: JsonPropertyName("payload")] object Payload,
    [property: JsonPropertyName("points")] IReadOnlyList<Guid> Points);

/// <summary>Schema <c>UpdateOperations</c> (the batch endpoint): the operations run in order.</summary>
public sealed record UpdateOperationsRequest([property: JsonPropertyName("operations")] IReadOnlyList<UpdateOperation> Operations);

/// <summary>One of schema <c>UpdateOperation</c>: exactly one member is set.</summary>
public sealed record UpdateOperation
{
    [JsonPropertyName("set_payload")] public SetPayload? SetPayload { get; init; }
    [JsonPropertyName("upsert")] public UpsertPointsRequest? Upsert { get; init; }

    public static UpdateOperation SetPayloadOf(IReadOnlyList<Guid> points, object payload) => new() { SetPayload = new SetPayload(payload, points) };
}

/// <summary>Schema <c>Record</c> (scroll and retrieve results).</summary>
public sealed record PointRecord
{
    /// <summary>Schema <c>ExtendedPointId</c>: an unsigned integer or a UUID string.</summary>
    [JsonPropertyName("id")] public JsonElement Id { get; init; }
    [JsonPropertyName("payload")] public JsonElement? Payload { get; init; }
}

/// <summary>Schema <c>ScrollResult</c>.</summary>
public sealed record ScrollResult
{
    [JsonPropertyName("points")] public required IReadOnlyList<PointRecord> Points { get; init; }
    /// <summary>Null (or absent) on the last page.</summary>
    [JsonPropertyName("next_page_offset")] public JsonElement? NextPageOffset { get; init; }
}
