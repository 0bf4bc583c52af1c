using System.Text.Json;
using System.Text.Json.Serialization;

namespace QABot.Retrieval.Qdrant.Client;

/// <summary>
/// Schema <c>QueryRequest</c> of the Query API. <see cref="Query"/> is either a nearest-vector query
/// (<see cref="NearestQuery"/> over a dense <c>float[]</c> or a <see cref="SparseVector"/>) or a
/// <see cref="FusionQuery"/> over <see cref="Prefetch"/> results.
/// </summary>
public sealed record QueryRequest
{
    [JsonPropertyName("prefetch")] public IReadOnlyList<Prefetch>? Prefetch { get; init; }
    [JsonPropertyName("query")] public object? Query { get; init; }
    [JsonPropertyName("using")] public string? Using { get; init; }
    [JsonPropertyName("filter")] public Filter? Filter { get; init; }
    [JsonPropertyName("limit")] public int? Limit { get; init; }
    [JsonPropertyName("with_payload")] public object? WithPayload { get; init; }
    [JsonPropertyName("with_vector")] public bool? WithVector { get; init; }
}

/// <summary>Schema <c>Prefetch</c>: a sub-query whose candidates the outer query re-ranks or fuses.</summary>
public sealed record Prefetch
{
    [JsonPropertyName("query")] public required object Query { get; init; }
    [JsonPropertyName("using")] public string? Using { get; init; }
    [JsonPropertyName("filter")] public Filter? Filter { get; init; }
    [JsonPropertyName("limit")] public int? Limit { get; init; }
}

/// <summary>Schema <c>NearestQuery</c>.</summary>
public sealed record NearestQuery([property: JsonPropertyName("nearest")] object Nearest)
{
    public static NearestQuery Sparse(SparseVector vector) => new(vector);
    public static NearestQuery Dense(ReadOnlyMemory<float> vector) => new(vector.ToArray());
}

/// <summary>Schema <c>FusionQuery</c>; <see cref="Fusion"/> is "rrf" (reciprocal rank fusion) or "dbsf".</summary>
public sealed record FusionQuery([property: JsonPropertyName("fusion")] string Fusion)
{
    public static FusionQuery Rrf { get; } = new("rrf");
}

/// <summary>Schema <c>QueryResponse</c>.</summary>
public sealed record QueryResponse([property: JsonPropertyName("points")] IReadOnlyList<ScoredPoint> Points);

/// <summary>Schema <c>ScoredPoint</c>.</summary>
public sealed record ScoredPoint
{
    [JsonPropertyName("id")] public JsonElement Id { get; init; }
    [JsonPropertyName("version")] public long Version { get; init; }
    [JsonPropertyName("score")] public double Score { get; init; }
    [JsonPropertyName("payload")] public JsonElement? Payload { get; init; }
}
