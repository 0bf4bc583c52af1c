using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using Grpc.Core;
using Qdrant.Client.Grpc;
using GrpcCollections = Qdrant.Client.Grpc.Collections;
using GrpcPoints = Qdrant.Client.Grpc.Points;
using GrpcSnapshots = Qdrant.Client.Grpc.Snapshots;

namespace QABot.Qdrant.Tests.StandIn;

/// <summary>The stand-in's Collections service: collections and aliases (see <see cref="StandInStore"/>).</summary>
internal sealed class CollectionsStandIn(StandInStore store) : GrpcCollections.CollectionsBase
{
    public override Task<ListCollectionsResponse> List(ListCollectionsRequest request, ServerCallContext context) =>
        Task.FromResult(store.Locked(s => new ListCollectionsResponse { Collections = { s.Collections.Select(n => new CollectionDescription { Name = n }) } }));

    public override Task<CollectionExistsResponse> CollectionExists(CollectionExistsRequest request, ServerCallContext context) =>
        Task.FromResult(store.Locked(s => new CollectionExistsResponse { Result = new CollectionExists { Exists = s.Exists(request.CollectionName) } }));

    public override Task<CollectionOperationResponse> Create(CreateCollection request, ServerCallContext context)
    {
        store.Locked(s => { s.Create(request); return true; });
        return Task.FromResult(new CollectionOperationResponse { Result = true });
    }

    public override Task<CollectionOperationResponse> Delete(DeleteCollection request, ServerCallContext context) =>
        Task.FromResult(new CollectionOperationResponse { Result = store.Locked(s => s.Delete(request.CollectionName)) });

    public override Task<CollectionOperationResponse> UpdateAliases(ChangeAliases request, ServerCallContext context)
    {
        store.Locked(s => { s.ChangeAliases(request.Actions); return true; });
        return Task.FromResult(new CollectionOperationResponse { Result = true });
    }

    public override Task<ListAliasesResponse> ListAliases(ListAliasesRequest request, ServerCallContext context) =>
        Task.FromResult(store.Locked(s => new ListAliasesResponse { Aliases = { Describe(s.AliasPairs) } }));

    public override Task<ListAliasesResponse> ListCollectionAliases(ListCollectionAliasesRequest request, ServerCallContext context) =>
        Task.FromResult(store.Locked(s => new ListAliasesResponse { Aliases = { Describe(s.AliasPairs.Where(a => a.Value == request.CollectionName)) } }));

    public override Task<GetCollectionInfoResponse> Get(GetCollectionInfoRequest request, ServerCallContext context) =>
        Task.FromResult(store.Locked(s =>
        {
            var collection = s.Resolve(request.CollectionName);
            var layout = collection.Layout;
            var info = new CollectionInfo
            {
                Status = CollectionStatus.Green,
                OptimizerStatus = new OptimizerStatus { Ok = true },
                SegmentsCount = 1,
                PointsCount = (ulong)collection.Points.Count,
                IndexedVectorsCount = (ulong)collection.Points.Values.Sum(p => p.Dense.Count + p.Sparse.Count),
                Config = new CollectionConfig
                {
                    Params = new CollectionParams
                    {
                        ShardNumber = layout.HasShardNumber ? layout.ShardNumber : 1,
                        ReplicationFactor = layout.HasReplicationFactor ? layout.ReplicationFactor : 1,
                        WriteConsistencyFactor = layout.HasWriteConsistencyFactor ? layout.WriteConsistencyFactor : 1,
                        VectorsConfig = layout.VectorsConfig,
                        SparseVectorsConfig = layout.SparseVectorsConfig,
                    },
                    HnswConfig = new HnswConfigDiff(),
                    OptimizerConfig = new OptimizersConfigDiff(),
                    WalConfig = new WalConfigDiff(),
                    Metadata = { layout.Metadata },
                },
                PayloadSchema =
                {
                    collection.Indexes.ToDictionary(i => i.Key, i => new PayloadSchemaInfo
                    {
                        DataType = i.Value, Points = (ulong)collection.Points.Values.Count(p => p.Payload.ContainsKey(i.Key)),
                    }),
                },
            };
            return new GetCollectionInfoResponse { Result = info };
        }));

    private static IEnumerable<AliasDescription> Describe(IEnumerable<KeyValuePair<string, string>> aliases) =>
        aliases.Select(a => new AliasDescription { AliasName = a.Key, CollectionName = a.Value }).ToList();
}

/// <summary>The stand-in's Points service: writes, retrieval, scroll, count and the Query API (see <see cref="StandInStore"/>).</summary>
internal sealed class PointsStandIn(StandInStore store) : GrpcPoints.PointsBase
{
    public override Task<PointsOperationResponse> Upsert(UpsertPoints request, ServerCallContext context) =>
        Write(request.CollectionName, c => { foreach (var point in request.Points) c.Upsert(point); });

    public override Task<PointsOperationResponse> Delete(DeletePoints request, ServerCallContext context) =>
        Write(request.CollectionName, c => DeletePoints(c, request.Points));

    public override Task<PointsOperationResponse> SetPayload(SetPayloadPoints request, ServerCallContext context) =>
        Write(request.CollectionName, c => SetPayload(c, request.PointsSelector, request.Payload));

    public override Task<PointsOperationResponse> CreateFieldIndex(CreateFieldIndexCollection request, ServerCallContext context) =>
        Write(request.CollectionName, c => c.Indexes[request.FieldName] = request.HasFieldType
            ? Enum.Parse<PayloadSchemaType>(request.FieldType.ToString())
            : throw new RpcException(new Status(StatusCode.InvalidArgument, "Wrong input: field_type is required")));

    public override Task<UpdateBatchResponse> UpdateBatch(UpdateBatchPoints request, ServerCallContext context) =>
        Task.FromResult(store.Locked(s =>
        {
            var collection = s.Resolve(request.CollectionName);
            var response = new UpdateBatchResponse();
            foreach (var operation in request.Operations)
            {
                switch (operation.OperationCase)
                {
                    case PointsUpdateOperation.OperationOneofCase.SetPayload:
                        SetPayload(collection, operation.SetPayload.PointsSelector, operation.SetPayload.Payload);
                        break;
                    case PointsUpdateOperation.OperationOneofCase.Upsert:
                        foreach (var point in operation.Upsert.Points) collection.Upsert(point);
                        break;
                    case PointsUpdateOperation.OperationOneofCase.DeletePoints:
                        DeletePoints(collection, operation.DeletePoints.Points);
                        break;
                    default:
                        throw StandInStore.Unimplemented($"batch operation {operation.OperationCase}");
                }
                response.Result.Add(Completed(s));
            }
            return response;
        }));

    public override Task<GetResponse> Get(GetPoints request, ServerCallContext context) =>
        Task.FromResult(store.Locked(s =>
        {
            var collection = s.Resolve(request.CollectionName);
            var found = request.Ids.Select(id => collection.Points.GetValueOrDefault(StandInCollection.Key(id))).OfType<StoredPoint>();
            return new GetResponse { Result = { found.Select(p => Retrieved(p, request.WithPayload)) } };
        }));

    public override Task<ScrollResponse> Scroll(ScrollPoints request, ServerCallContext context) =>
        Task.FromResult(store.Locked(s =>
        {
            var collection = s.Resolve(request.CollectionName);
            var limit = request.HasLimit ? (int)request.Limit : 10;
            var matching = collection.Matching(request.Filter);
            if (request.OrderBy is { } order)
            {
                // Ordered scrolls return only points that have the key, and no next page offset.
                var keyed = matching.Select(p => (Point: p, At: p.Payload.TryGetValue(order.Key, out var v) ? StandInFilters.Datetime(v.StringValue) : null))
                    .Where(p => p.At is not null);
                var sorted = order.HasDirection && order.Direction == Direction.Desc ? keyed.OrderByDescending(p => p.At) : keyed.OrderBy(p => p.At);
                return new ScrollResponse { Result = { sorted.Take(limit).Select(p => Retrieved(p.Point, request.WithPayload)) } };
            }
            var from = request.Offset is null ? null : StandInCollection.Key(request.Offset);
            var page = matching.Where(p => from is null || string.CompareOrdinal(p.Key, from) >= 0).Take(limit + 1).ToList();
            var response = new ScrollResponse { Result = { page.Take(limit).Select(p => Retrieved(p, request.WithPayload)) } };
            if (page.Count > limit) response.NextPageOffset = page[limit].Id.Clone();
            return response;
        }));

    public override Task<CountResponse> Count(CountPoints request, ServerCallContext context) =>
        Task.FromResult(store.Locked(s => new CountResponse { Result = new CountResult { Count = (ulong)s.Resolve(request.CollectionName).Matching(request.Filter).Count() } }));

    public override Task<QueryResponse> Query(QueryPoints request, ServerCallContext context) =>
        Task.FromResult(store.Locked(s =>
        {
            var hits = s.Resolve(request.CollectionName).Query(request.Query, request.Prefetch, request.HasUsing ? request.Using : null, request.Filter,
                request.HasLimit ? request.Limit : 10);
            return new QueryResponse
            {
                Result = { hits.Select(h => new ScoredPoint { Id = h.Point.Id.Clone(), Score = h.Score, Payload = { h.Point.Selected(request.WithPayload) } }) },
            };
        }));

    private Task<PointsOperationResponse> Write(string collection, Action<StandInCollection> write) =>
        Task.FromResult(store.Locked(s =>
        {
            write(s.Resolve(collection));
            return new PointsOperationResponse { Result = Completed(s) };
        }));

    private static UpdateResult Completed(StandInStore store) => new() { OperationId = store.NextOperation(), Status = UpdateStatus.Completed };

    private static RetrievedPoint Retrieved(StoredPoint point, WithPayloadSelector? selector) =>
        new() { Id = point.Id.Clone(), Payload = { point.Selected(selector) } };

    private static void DeletePoints(StandInCollection collection, PointsSelector selector)
    {
        foreach (var key in Selected(collection, selector)) collection.Points.Remove(key);
    }

    private static void SetPayload(StandInCollection collection, PointsSelector selector, IDictionary<string, Value> payload)
    {
        foreach (var key in Selected(collection, selector))
            foreach (var (name, value) in payload) collection.Points[key].Payload[name] = value.Clone();
    }

    private static List<string> Selected(StandInCollection collection, PointsSelector selector) => selector.PointsSelectorOneOfCase switch
    {
        PointsSelector.PointsSelectorOneOfOneofCase.Points => selector.Points.Ids.Select(StandInCollection.Key).Where(collection.Points.ContainsKey).ToList(),
        PointsSelector.PointsSelectorOneOfOneofCase.Filter => collection.Matching(selector.Filter).Select(p => p.Key).ToList(),
        _ => throw new RpcException(new Status(StatusCode.InvalidArgument, "Wrong input: points selector is empty")),
    };
}

/// <summary>
/// The stand-in's Snapshots service: a snapshot is a copy of the collection as it is now, kept in the store, and a
/// small file naming it (served over REST by <see cref="StandInSnapshotFiles"/>), not Qdrant's tar archive.
/// </summary>
internal sealed class SnapshotsStandIn(StandInStore store) : GrpcSnapshots.SnapshotsBase
{
    public override Task<CreateSnapshotResponse> Create(CreateSnapshotRequest request, ServerCallContext context) =>
        Task.FromResult(store.Locked(s =>
        {
            var collection = s.Resolve(request.CollectionName);
            var name = $"{request.CollectionName}-standin-{collection.Snapshots.Count + 1}.snapshot";
            var file = s.KeepSnapshot(name, collection);
            var snapshot = new SnapshotDescription
            {
                Name = name,
                CreationTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
                Size = file.Length,
                Checksum = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file)),
            };
            collection.Snapshots.Add(snapshot);
            return new CreateSnapshotResponse { SnapshotDescription = snapshot };
        }));

    public override Task<ListSnapshotsResponse> List(ListSnapshotsRequest request, ServerCallContext context) =>
        Task.FromResult(store.Locked(s => new ListSnapshotsResponse { SnapshotDescriptions = { s.Resolve(request.CollectionName).Snapshots } }));
}
