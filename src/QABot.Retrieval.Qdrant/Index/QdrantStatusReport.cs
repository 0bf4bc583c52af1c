using System.Text.Json;
using QABot.Retrieval.Qdrant.Client;

namespace QABot.Retrieval.Qdrant.Index;

/// <summary>The state of the Qdrant backend as <c>qabot qdrant status</c> prints it.</summary>
/// <param name="Alias">The name readers use (<c>Retrieval:Qdrant:Collection</c>).</param>
/// <param name="Collection">The collection behind the alias, or null when nothing is built yet.</param>
/// <param name="Status">"green", "yellow", "grey" or "red"; "missing" when there is no collection.</param>
/// <param name="OptimizerStatus">"ok" or the optimizer's error.</param>
/// <param name="DenseVectors">Named dense vectors: name → "size/distance".</param>
/// <param name="SparseVectors">Named sparse vectors: name → modifier ("idf" or "none").</param>
/// <param name="PayloadIndexes">Indexed payload keys: key → data type.</param>
public sealed record QdrantStatusReport(
    string Url,
    string Alias,
    string? Collection,
    string Status,
    string? OptimizerStatus,
    long? Points,
    long? IndexedVectors,
    long? Segments,
    int? ShardNumber,
    int? ReplicationFactor,
    int? WriteConsistencyFactor,
    IReadOnlyDictionary<string, string> DenseVectors,
    IReadOnlyDictionary<string, string> SparseVectors,
    IReadOnlyDictionary<string, string> PayloadIndexes,
    IReadOnlyList<string> Aliases,
    string? EmbeddingModel,
    IReadOnlyList<string> Warnings)
{
    public bool Exists => Collection is not null;

    public static QdrantStatusReport Missing(string url, string alias) =>
        new(url, alias, null, "missing", null, null, null, null, null, null, null,
            new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, string>(), [], null, []);

    public static QdrantStatusReport From(string url, string alias, string collection, CollectionInfo info, IReadOnlyList<string> aliases)
    {
        var parameters = info.Config.Params;
        return new QdrantStatusReport(
            url, alias, collection, info.Status,
            info.OptimizerStatus.ValueKind == JsonValueKind.String ? info.OptimizerStatus.GetString()
                : info.OptimizerStatus.TryGetProperty("error", out var error) ? "error: " + error.GetString() : info.OptimizerStatus.ToString(),
            info.PointsCount, info.IndexedVectorsCount, info.SegmentsCount,
            parameters.ShardNumber, parameters.ReplicationFactor, parameters.WriteConsistencyFactor,
            DenseVectorsOf(parameters.Vectors),
            (parameters.SparseVectors ?? new Dictionary<string, SparseVectorParams>()).ToDictionary(kv => kv.Key, kv => kv.Value.Modifier ?? "none"),
            info.PayloadSchema.ToDictionary(kv => kv.Key, kv => kv.Value.DataType),
            aliases,
            info.Config.Metadata is { } metadata && metadata.TryGetValue(QdrantArticleIndex.EmbeddingModelMetadataKey, out var model) ? model.ToString() : null,
            info.Warnings?.Select(w => w.Message).ToList() ?? []);
    }

    /// <summary><c>VectorsConfig</c> is either one unnamed <c>VectorParams</c> or a map of named ones.</summary>
    private static IReadOnlyDictionary<string, string> DenseVectorsOf(JsonElement vectors)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (vectors.ValueKind != JsonValueKind.Object) return result;
        if (vectors.TryGetProperty("size", out _)) result[""] = Describe(vectors);
        else foreach (var named in vectors.EnumerateObject()) result[named.Name] = Describe(named.Value);
        return result;

        static string Describe(JsonElement p) =>
            $"{(p.TryGetProperty("size", out var s) ? s.ToString() : "?")}/{(p.TryGetProperty("distance", out var d) ? d.GetString() : "?")}";
    }
}
