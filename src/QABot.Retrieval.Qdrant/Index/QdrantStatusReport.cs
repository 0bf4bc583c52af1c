using Qdrant.Client.Grpc;

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

    /// <summary>The alias exists but its collection does not: reported, never recreated empty.</summary>
    public static QdrantStatusReport Dangling(string url, string alias, string collection) =>
        Missing(url, alias) with
        {
            Status = "dangling",
            Warnings = [$"alias {alias} points to collection {collection}, which does not exist: restore it from a snapshot or move the alias"],
        };

    public static QdrantStatusReport From(string url, string alias, string collection, CollectionInfo info, IReadOnlyList<string> aliases)
    {
        var parameters = info.Config.Params;
        return new QdrantStatusReport(
            url, alias, collection, info.Status.ToString().ToLowerInvariant(),
            info.OptimizerStatus is null ? null : info.OptimizerStatus.Ok ? "ok" : "error: " + info.OptimizerStatus.Error,
            info.HasPointsCount ? (long)info.PointsCount : null,
            info.HasIndexedVectorsCount ? (long)info.IndexedVectorsCount : null,
            (long)info.SegmentsCount,
            (int)parameters.ShardNumber, (int)parameters.ReplicationFactor, (int)parameters.WriteConsistencyFactor,
            DenseVectorsOf(parameters.VectorsConfig),
            (parameters.SparseVectorsConfig?.Map ?? []).ToDictionary(kv => kv.Key, kv => kv.Value.HasModifier ? kv.Value.Modifier.ToString().ToLowerInvariant() : "none"),
            info.PayloadSchema.ToDictionary(kv => kv.Key, kv => kv.Value.DataType.ToString().ToLowerInvariant()),
            aliases,
            info.Config.Metadata.TryGetValue(QdrantArticleIndex.EmbeddingModelMetadataKey, out var model) ? model.StringValue : null,
            info.Warnings.Select(w => w.Message).ToList());
    }

    /// <summary><c>VectorsConfig</c> is either one unnamed <c>VectorParams</c> or a map of named ones.</summary>
    private static IReadOnlyDictionary<string, string> DenseVectorsOf(VectorsConfig? vectors) => vectors?.ConfigCase switch
    {
        VectorsConfig.ConfigOneofCase.Params => new Dictionary<string, string> { [""] = Describe(vectors.Params) },
        VectorsConfig.ConfigOneofCase.ParamsMap => vectors.ParamsMap.Map.ToDictionary(kv => kv.Key, kv => Describe(kv.Value), StringComparer.Ordinal),
        _ => new Dictionary<string, string>(),
    };

    private static string Describe(VectorParams p) => $"{p.Size}/{p.Distance}";
}
