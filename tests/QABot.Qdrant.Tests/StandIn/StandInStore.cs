using System.Globalization;
using Google.Protobuf.Collections;
using Grpc.Core;
using Qdrant.Client.Grpc;

namespace QABot.Qdrant.Tests.StandIn;

/// <summary>
/// The in-memory state of <see cref="QdrantStandIn"/>: collections, aliases, points and snapshots, and the few
/// search semantics QABot relies on, written from Qdrant's documentation, NOT from its code:
/// <list type="bullet">
/// <item>sparse search is the dot product over shared indices, each query weight multiplied by
/// idf = ln(1 + (N − n + 0.5) / (n + 0.5)) when the vector's modifier is IDF (N points with that vector, n with the index);
/// only points sharing an index are returned;</item>
/// <item>dense search is cosine similarity;</item>
/// <item>RRF gives each prefetch list's hit weight / (k + rank), rank from 1, k = 2 unless the request sets it;</item>
/// <item>filters: must / should / must_not, keyword and any-of matches (on strings or arrays of strings), datetime
/// ranges (strings without an offset read as UTC), is_empty, has_id and nested filters.</item>
/// </list>
/// Anything else answers Unimplemented, so a request the stand-in does not understand fails loudly instead of
/// passing silently.
/// </summary>
public sealed class StandInStore
{
    private readonly object _lock = new();
    private readonly Dictionary<string, StandInCollection> _collections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal);
    private long _operation;

    public IReadOnlyCollection<string> CollectionNames { get { lock (_lock) return _collections.Keys.ToList(); } }
    public IReadOnlyDictionary<string, string> Aliases { get { lock (_lock) return new Dictionary<string, string>(_aliases); } }

    /// <summary>Runs <paramref name="action"/> under the store's lock: every call is atomic, as Qdrant's operations are.</summary>
    public T Locked<T>(Func<StandInStore, T> action) { lock (_lock) return action(this); }

    public ulong NextOperation() => (ulong)Interlocked.Increment(ref _operation);

    // ---- collections and aliases (call under the lock) ----

    internal bool Exists(string collection) => _collections.ContainsKey(collection);

    internal IEnumerable<string> Collections => _collections.Keys;

    internal IEnumerable<KeyValuePair<string, string>> AliasPairs => _aliases;

    internal StandInCollection Resolve(string name) =>
        _collections.TryGetValue(_aliases.TryGetValue(name, out var target) ? target : name, out var collection)
            ? collection
            : throw new RpcException(new Status(StatusCode.NotFound, $"Not found: Collection `{name}` doesn't exist!"));

    internal void Create(CreateCollection request)
    {
        if (_collections.ContainsKey(request.CollectionName) || _aliases.ContainsKey(request.CollectionName))
            throw new RpcException(new Status(StatusCode.AlreadyExists, $"Wrong input: Collection `{request.CollectionName}` already exists!"));
        _collections[request.CollectionName] = new StandInCollection(request.Clone());
    }

    internal bool Delete(string name)
    {
        if (!_collections.Remove(name)) return false;
        foreach (var alias in _aliases.Where(a => a.Value == name).Select(a => a.Key).ToList()) _aliases.Remove(alias);
        return true;
    }

    /// <summary>All actions or none, like Qdrant's alias endpoint.</summary>
    internal void ChangeAliases(IEnumerable<AliasOperations> actions)
    {
        var next = new Dictionary<string, string>(_aliases, StringComparer.Ordinal);
        foreach (var action in actions)
        {
            switch (action.ActionCase)
            {
                case AliasOperations.ActionOneofCase.CreateAlias:
                    if (!_collections.ContainsKey(action.CreateAlias.CollectionName))
                        throw new RpcException(new Status(StatusCode.NotFound, $"Not found: Collection `{action.CreateAlias.CollectionName}` doesn't exist!"));
                    next[action.CreateAlias.AliasName] = action.CreateAlias.CollectionName;
                    break;
                case AliasOperations.ActionOneofCase.DeleteAlias:
                    if (!next.Remove(action.DeleteAlias.AliasName))
                        throw new RpcException(new Status(StatusCode.NotFound, $"Not found: Alias {action.DeleteAlias.AliasName} does not exists!"));
                    break;
                default:
                    throw Unimplemented($"alias action {action.ActionCase}");
            }
        }
        _aliases.Clear();
        foreach (var (alias, collection) in next) _aliases[alias] = collection;
    }

    // ---- snapshots (call under the lock) ----

    private readonly Dictionary<string, StandInCollection> _snapshots = new(StringComparer.Ordinal);
    private const string SnapshotFilePrefix = "qdrant-stand-in-snapshot:";

    /// <returns>The snapshot's file: it names the copy kept here (the stand-in's stand-in for Qdrant's archive).</returns>
    internal byte[] KeepSnapshot(string name, StandInCollection collection)
    {
        _snapshots[name] = collection.Copy();
        return System.Text.Encoding.UTF8.GetBytes(SnapshotFilePrefix + name);
    }

    internal byte[]? SnapshotFile(string collection, string name) =>
        _snapshots.ContainsKey(name) && name.StartsWith(collection + "-", StringComparison.Ordinal)
            ? System.Text.Encoding.UTF8.GetBytes(SnapshotFilePrefix + name) : null;

    /// <summary>Qdrant's recovery: the collection becomes the snapshot's copy, created when it does not exist.</summary>
    internal bool Recover(string collection, byte[] file)
    {
        var text = System.Text.Encoding.UTF8.GetString(file);
        if (!text.StartsWith(SnapshotFilePrefix, StringComparison.Ordinal) || !_snapshots.TryGetValue(text[SnapshotFilePrefix.Length..], out var kept)) return false;
        _collections[collection] = kept.Copy();
        return true;
    }

    /// <summary>For tests: an alias left pointing at a collection that is gone (Qdrant itself drops such aliases).</summary>
    public void ForceAlias(string alias, string collection) { lock (_lock) _aliases[alias] = collection; }

    internal static RpcException Unimplemented(string what) =>
        new(new Status(StatusCode.Unimplemented, $"The Qdrant stand-in does not implement {what}."));
}

/// <summary>One collection of the stand-in: its layout, payload indexes, points and snapshots.</summary>
public sealed class StandInCollection(CreateCollection layout)
{
    public CreateCollection Layout { get; } = layout;
    public Dictionary<string, PayloadSchemaType> Indexes { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, StoredPoint> Points { get; } = new(StringComparer.Ordinal);
    public List<SnapshotDescription> Snapshots { get; } = [];

    public static string Key(PointId id) => id.PointIdOptionsCase == PointId.PointIdOptionsOneofCase.Uuid
        ? Guid.Parse(id.Uuid).ToString("D")
        : id.Num.ToString("D20", CultureInfo.InvariantCulture);

    public void Upsert(PointStruct point) => Points[Key(point.Id)] = StoredPoint.From(point);

    /// <summary>A deep copy: later writes to either collection leave the other as it was.</summary>
    public StandInCollection Copy()
    {
        var copy = new StandInCollection(Layout.Clone());
        foreach (var (field, type) in Indexes) copy.Indexes[field] = type;
        foreach (var (key, point) in Points) copy.Points[key] = point.Copy();
        return copy;
    }

    public IEnumerable<StoredPoint> Matching(Filter? filter) => Points.Values.Where(p => StandInFilters.Matches(filter, p));

    // ---- search ----

    public List<(StoredPoint Point, float Score)> Query(Query? query, IEnumerable<PrefetchQuery> prefetches, string? vector, Filter? filter, ulong limit)
    {
        var prefetch = prefetches.ToList();
        List<(StoredPoint, float)> ranked;
        if (prefetch.Count > 0)
        {
            var lists = prefetch.Select(p => Query(p.Query, p.Prefetch, p.HasUsing ? p.Using : null, Both(filter, p.Filter), p.HasLimit ? p.Limit : 10)).ToList();
            ranked = query?.VariantCase switch
            {
                global::Qdrant.Client.Grpc.Query.VariantOneofCase.Fusion when query.Fusion == Fusion.Rrf => ReciprocalRankFusion(lists, 2, []),
                global::Qdrant.Client.Grpc.Query.VariantOneofCase.Rrf => ReciprocalRankFusion(lists, query.Rrf.HasK ? query.Rrf.K : 2, query.Rrf.Weights),
                _ => throw StandInStore.Unimplemented($"query {query?.VariantCase} over prefetches"),
            };
        }
        else if (query?.VariantCase == global::Qdrant.Client.Grpc.Query.VariantOneofCase.Nearest)
            ranked = Nearest(query.Nearest, vector ?? "", filter);
        else throw StandInStore.Unimplemented($"query {query?.VariantCase}");

        return ranked.Where(r => StandInFilters.Matches(filter, r.Item1)).Take((int)Math.Min(limit, int.MaxValue)).ToList();
    }

    private static Filter? Both(Filter? outer, Filter? inner) =>
        outer is null ? inner : inner is null ? outer : new Filter { Must = { new Condition { Filter = outer }, new Condition { Filter = inner } } };

    private List<(StoredPoint, float)> Nearest(VectorInput input, string vector, Filter? filter)
    {
        var candidates = Matching(filter);
        IEnumerable<(StoredPoint Point, float Score)> scored = input.VariantCase switch
        {
            VectorInput.VariantOneofCase.Sparse => SparseScores(input.Sparse, vector, candidates.ToList()),
            VectorInput.VariantOneofCase.Dense => candidates.Where(p => p.Dense.ContainsKey(vector))
                .Select(p => (p, Cosine(input.Dense.Data, p.Dense[vector]))),
            _ => throw StandInStore.Unimplemented($"nearest {input.VariantCase}"),
        };
        return scored.OrderByDescending(s => s.Score).ThenBy(s => s.Point.Key, StringComparer.Ordinal).ToList();
    }

    private IEnumerable<(StoredPoint, float)> SparseScores(global::Qdrant.Client.Grpc.SparseVector query, string vector, List<StoredPoint> candidates)
    {
        if (!Layout.SparseVectorsConfig.Map.TryGetValue(vector, out var config))
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"Wrong input: Not existing vector name error: {vector}"));
        var withVector = Points.Values.Where(p => p.Sparse.ContainsKey(vector)).ToList();
        var idf = config.HasModifier && config.Modifier == Modifier.Idf;
        var weights = new Dictionary<uint, float>();
        for (var i = 0; i < query.Indices.Count; i++)
        {
            var index = query.Indices[i];
            var n = withVector.Count(p => p.Sparse[vector].ContainsKey(index));
            weights[index] = query.Values[i] * (idf ? (float)Math.Log(1 + (withVector.Count - n + 0.5) / (n + 0.5)) : 1f);
        }
        foreach (var point in candidates)
        {
            if (!point.Sparse.TryGetValue(vector, out var document)) continue;
            var shared = weights.Keys.Where(document.ContainsKey).ToList();
            if (shared.Count > 0) yield return (point, shared.Sum(i => weights[i] * document[i]));
        }
    }

    private static float Cosine(IReadOnlyList<float> a, IReadOnlyList<float> b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++) { dot += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i]; }
        return na == 0 || nb == 0 ? 0 : (float)(dot / Math.Sqrt(na * nb));
    }

    private static List<(StoredPoint, float)> ReciprocalRankFusion(List<List<(StoredPoint Point, float Score)>> lists, uint k, IReadOnlyList<float> weights)
    {
        var fused = new Dictionary<string, (StoredPoint Point, float Score)>(StringComparer.Ordinal);
        for (var l = 0; l < lists.Count; l++)
        {
            var weight = weights.Count == 0 ? 1f : weights[l];
            for (var rank = 0; rank < lists[l].Count; rank++)
            {
                var point = lists[l][rank].Point;
                var score = weight / (k + rank + 1f);
                fused[point.Key] = fused.TryGetValue(point.Key, out var seen) ? (point, seen.Score + score) : (point, score);
            }
        }
        return fused.Values.OrderByDescending(f => f.Score).ThenBy(f => f.Point.Key, StringComparer.Ordinal).Select(f => (f.Point, f.Score)).ToList();
    }
}

/// <summary>A stored point: payload and vectors, copied out of the request.</summary>
public sealed class StoredPoint
{
    public required PointId Id { get; init; }
    public string Key => StandInCollection.Key(Id);
    public MapField<string, Value> Payload { get; } = new();
    public Dictionary<string, float[]> Dense { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Dictionary<uint, float>> Sparse { get; } = new(StringComparer.Ordinal);

    public StoredPoint Copy()
    {
        var copy = new StoredPoint { Id = Id.Clone() };
        foreach (var (key, value) in Payload) copy.Payload[key] = value.Clone();
        foreach (var (name, vector) in Dense) copy.Dense[name] = (float[])vector.Clone();
        foreach (var (name, vector) in Sparse) copy.Sparse[name] = new Dictionary<uint, float>(vector);
        return copy;
    }

    public static StoredPoint From(PointStruct point)
    {
        var stored = new StoredPoint { Id = point.Id.Clone() };
        stored.Payload.Add(point.Payload.ToDictionary(p => p.Key, p => p.Value.Clone()));
        if (point.Vectors?.VectorsOptionsCase == Vectors.VectorsOptionsOneofCase.Vector)
            stored.AddVector("", point.Vectors.Vector);
        else if (point.Vectors?.VectorsOptionsCase == Vectors.VectorsOptionsOneofCase.Vectors_)
            foreach (var (name, vector) in point.Vectors.Vectors_.Vectors) stored.AddVector(name, vector);
        return stored;
    }

    private void AddVector(string name, Vector vector)
    {
#pragma warning disable CS0612 // the deprecated flat form is what older clients send
        switch (vector.VectorCase)
        {
            case Vector.VectorOneofCase.Dense: Dense[name] = vector.Dense.Data.ToArray(); break;
            case Vector.VectorOneofCase.Sparse: Sparse[name] = Zip(vector.Sparse.Indices, vector.Sparse.Values); break;
            case Vector.VectorOneofCase.None when vector.Indices is not null: Sparse[name] = Zip(vector.Indices.Data, vector.Data); break;
            case Vector.VectorOneofCase.None: Dense[name] = vector.Data.ToArray(); break;
            default: throw StandInStore.Unimplemented($"vector kind {vector.VectorCase}");
        }
#pragma warning restore CS0612
    }

    private static Dictionary<uint, float> Zip(IList<uint> indices, IList<float> values) =>
        indices.Count != values.Count
            ? throw new RpcException(new Status(StatusCode.InvalidArgument, "Wrong input: sparse vector indices and values differ in length"))
            : indices.Zip(values).ToDictionary(p => p.First, p => p.Second);

    /// <summary>The payload as a selector asks for it.</summary>
    public MapField<string, Value> Selected(WithPayloadSelector? selector)
    {
        var result = new MapField<string, Value>();
        if (selector is null) return result;
        IEnumerable<KeyValuePair<string, Value>> chosen = selector.SelectorOptionsCase switch
        {
            WithPayloadSelector.SelectorOptionsOneofCase.Enable => selector.Enable ? Payload : [],
            WithPayloadSelector.SelectorOptionsOneofCase.Include => Payload.Where(p => selector.Include.Fields.Contains(p.Key)),
            WithPayloadSelector.SelectorOptionsOneofCase.Exclude => Payload.Where(p => !selector.Exclude.Fields.Contains(p.Key)),
            _ => [],
        };
        foreach (var (key, value) in chosen) result[key] = value.Clone();
        return result;
    }
}

/// <summary>Filter evaluation over a stored point's payload (see <see cref="StandInStore"/> for what is covered).</summary>
public static class StandInFilters
{
    public static bool Matches(Filter? filter, StoredPoint point) =>
        filter is null ||
        (filter.Must.All(c => Matches(c, point)) &&
         (filter.Should.Count == 0 || filter.Should.Any(c => Matches(c, point))) &&
         !filter.MustNot.Any(c => Matches(c, point)));

    private static bool Matches(Condition condition, StoredPoint point) => condition.ConditionOneOfCase switch
    {
        Condition.ConditionOneOfOneofCase.Field => Matches(condition.Field, point),
        Condition.ConditionOneOfOneofCase.IsEmpty => Values(point, condition.IsEmpty.Key).Count == 0,
        Condition.ConditionOneOfOneofCase.HasId => condition.HasId.HasId.Any(id => StandInCollection.Key(id) == point.Key),
        Condition.ConditionOneOfOneofCase.Filter => Matches(condition.Filter, point),
        var other => throw StandInStore.Unimplemented($"condition {other}"),
    };

    private static bool Matches(FieldCondition field, StoredPoint point)
    {
        var values = Values(point, field.Key);
        if (field.Match is { } match)
            return match.MatchValueCase switch
            {
                Match.MatchValueOneofCase.Keyword => values.Any(v => v.StringValue == match.Keyword),
                Match.MatchValueOneofCase.Keywords => values.Any(v => match.Keywords.Strings.Contains(v.StringValue)),
                var other => throw StandInStore.Unimplemented($"match {other}"),
            };
        if (field.DatetimeRange is { } range)
            return values.Select(v => Datetime(v.StringValue)).OfType<DateTimeOffset>().Any(t =>
                (range.Gte is null || t >= range.Gte.ToDateTimeOffset()) && (range.Gt is null || t > range.Gt.ToDateTimeOffset()) &&
                (range.Lte is null || t <= range.Lte.ToDateTimeOffset()) && (range.Lt is null || t < range.Lt.ToDateTimeOffset()));
        throw StandInStore.Unimplemented($"field condition on {field.Key} other than match or datetime_range");
    }

    /// <summary>The values under a top-level key: an array's elements, or the one value; nulls and missing keys give none.</summary>
    private static List<Value> Values(StoredPoint point, string key) =>
        !point.Payload.TryGetValue(key, out var value) ? []
        : value.KindCase == Value.KindOneofCase.ListValue ? value.ListValue.Values.ToList()
        : value.KindCase == Value.KindOneofCase.NullValue ? []
        : [value];

    /// <summary>RFC 3339; without an offset the time is UTC, as Qdrant reads it.</summary>
    public static DateTimeOffset? Datetime(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
}
