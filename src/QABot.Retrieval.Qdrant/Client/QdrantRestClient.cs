using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using QABot.Retrieval.Qdrant.Options;

namespace QABot.Retrieval.Qdrant.Client;

/// <summary>
/// Typed client for Qdrant's REST API, written from the official OpenAPI spec (v1.19.0). Each method is one HTTP
/// request named after the spec's <c>operationId</c>. Retries and timeouts come from the resilience handler the
/// HttpClient is registered with; every failure surfaces as a <see cref="QdrantException"/> with Qdrant's message.
/// </summary>
public sealed class QdrantRestClient
{
    public const string ApiKeyHeader = "api-key";

    private readonly HttpClient _http;
    private readonly QdrantOptions _options;

    public QdrantRestClient(HttpClient http, IOptions<QdrantOptions> options, QdrantRequestCounter? counter = null)
    {
        _http = http;
        _options = options.Value;
        Counter = counter ?? new QdrantRequestCounter();
        if (_http.BaseAddress is null && _options.IsConfigured) _http.BaseAddress = new Uri(_options.Url.TrimEnd('/') + "/");
        if (!string.IsNullOrEmpty(_options.ApiKey) && !_http.DefaultRequestHeaders.Contains(ApiKeyHeader))
            _http.DefaultRequestHeaders.Add(ApiKeyHeader, _options.ApiKey);
    }

    /// <summary>Shared by every client instance of the application (see <see cref="QdrantRequestCounter"/>).</summary>
    public QdrantRequestCounter Counter { get; }

    /// <summary>Requests sent (a retried request counts once; the resilience handler's attempts are below it).</summary>
    public long RequestCount => Counter.Total;

    /// <summary>Requests per spec operationId, e.g. "upsert_points" → 124.</summary>
    public IReadOnlyDictionary<string, long> RequestsByOperation => Counter.ByOperation;

    // ---- collections ----

    public async Task<IReadOnlyList<string>> GetCollectionsAsync(CancellationToken cancellationToken = default) =>
        (await SendAsync<CollectionsResult>(HttpMethod.Get, "collections", null, "get_collections", cancellationToken))
        .Collections.Select(c => c.Name).ToList();

    public Task<CollectionInfo> GetCollectionAsync(string collection, CancellationToken cancellationToken = default) =>
        SendAsync<CollectionInfo>(HttpMethod.Get, $"collections/{Escape(collection)}", null, "get_collection", cancellationToken);

    public async Task<bool> CollectionExistsAsync(string collection, CancellationToken cancellationToken = default) =>
        (await SendAsync<CollectionExistence>(HttpMethod.Get, $"collections/{Escape(collection)}/exists", null, "collection_exists", cancellationToken)).Exists;

    public Task<bool> CreateCollectionAsync(string collection, CreateCollectionRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<bool>(HttpMethod.Put, $"collections/{Escape(collection)}", request, "create_collection", cancellationToken);

    public Task<bool> DeleteCollectionAsync(string collection, CancellationToken cancellationToken = default) =>
        SendAsync<bool>(HttpMethod.Delete, $"collections/{Escape(collection)}", null, "delete_collection", cancellationToken);

    // ---- aliases ----

    public async Task<IReadOnlyList<AliasDescription>> GetAliasesAsync(CancellationToken cancellationToken = default) =>
        (await SendAsync<AliasesResult>(HttpMethod.Get, "aliases", null, "get_collections_aliases", cancellationToken)).Aliases;

    public async Task<IReadOnlyList<AliasDescription>> GetCollectionAliasesAsync(string collection, CancellationToken cancellationToken = default) =>
        (await SendAsync<AliasesResult>(HttpMethod.Get, $"collections/{Escape(collection)}/aliases", null, "get_collection_aliases", cancellationToken)).Aliases;

    /// <summary>Runs the alias actions atomically: readers switch from the old collection to the new one at once.</summary>
    public Task<bool> UpdateAliasesAsync(IReadOnlyList<AliasAction> actions, CancellationToken cancellationToken = default) =>
        SendAsync<bool>(HttpMethod.Post, "collections/aliases", new ChangeAliasesRequest(actions), "update_aliases", cancellationToken);

    // ---- payload indexes ----

    public Task<UpdateResult> CreatePayloadIndexAsync(string collection, string field, string schemaType, CancellationToken cancellationToken = default) =>
        SendAsync<UpdateResult>(HttpMethod.Put, $"collections/{Escape(collection)}/index{WriteQuery()}",
            new CreateFieldIndexRequest(field, schemaType), "create_field_index", cancellationToken);

    // ---- points ----

    public Task<UpdateResult> UpsertPointsAsync(string collection, IReadOnlyList<PointStruct> points, CancellationToken cancellationToken = default) =>
        SendAsync<UpdateResult>(HttpMethod.Put, $"collections/{Escape(collection)}/points{WriteQuery()}",
            new UpsertPointsRequest(points), "upsert_points", cancellationToken);

    public Task<UpdateResult> DeletePointsAsync(string collection, Filter filter, CancellationToken cancellationToken = default) =>
        SendAsync<UpdateResult>(HttpMethod.Post, $"collections/{Escape(collection)}/points/delete{WriteQuery()}",
            new FilterSelector(filter), "delete_points", cancellationToken);

    public Task<UpdateResult> DeletePointsAsync(string collection, IReadOnlyList<Guid> ids, CancellationToken cancellationToken = default) =>
        SendAsync<UpdateResult>(HttpMethod.Post, $"collections/{Escape(collection)}/points/delete{WriteQuery()}",
            new PointIdsList(ids), "delete_points", cancellationToken);

    /// <summary>Several updates in one request, applied in order (schema <c>UpdateOperations</c>).</summary>
    public Task<IReadOnlyList<UpdateResult>> BatchUpdateAsync(string collection, IReadOnlyList<UpdateOperation> operations, CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<UpdateResult>>(HttpMethod.Post, $"collections/{Escape(collection)}/points/batch{WriteQuery()}",
            new UpdateOperationsRequest(operations), "batch_update", cancellationToken);

    public Task<IReadOnlyList<PointRecord>> GetPointsAsync(string collection, PointRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<PointRecord>>(HttpMethod.Post, $"collections/{Escape(collection)}/points{ReadQuery()}", request, "get_points", cancellationToken);

    public Task<ScrollResult> ScrollAsync(string collection, ScrollRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<ScrollResult>(HttpMethod.Post, $"collections/{Escape(collection)}/points/scroll{ReadQuery()}", request, "scroll_points", cancellationToken);

    public async Task<long> CountAsync(string collection, CountRequest request, CancellationToken cancellationToken = default) =>
        (await SendAsync<CountResult>(HttpMethod.Post, $"collections/{Escape(collection)}/points/count{ReadQuery()}", request, "count_points", cancellationToken)).Count;

    /// <summary>The Query API: nearest neighbours, or fusion of prefetched candidate lists.</summary>
    public async Task<IReadOnlyList<ScoredPoint>> QueryAsync(string collection, QueryRequest request, CancellationToken cancellationToken = default) =>
        (await SendAsync<QueryResponse>(HttpMethod.Post, $"collections/{Escape(collection)}/points/query{ReadQuery()}", request, "query_points", cancellationToken)).Points;

    // ---- snapshots ----

    public Task<SnapshotDescription> CreateSnapshotAsync(string collection, CancellationToken cancellationToken = default) =>
        SendAsync<SnapshotDescription>(HttpMethod.Post, $"collections/{Escape(collection)}/snapshots?wait=true", null, "create_snapshot", cancellationToken);

    public Task<IReadOnlyList<SnapshotDescription>> ListSnapshotsAsync(string collection, CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<SnapshotDescription>>(HttpMethod.Get, $"collections/{Escape(collection)}/snapshots", null, "list_snapshots", cancellationToken);

    // ---- transport ----

    /// <summary>Writes wait until applied, so a committed session is visible to the next read.</summary>
    private string WriteQuery() =>
        string.IsNullOrWhiteSpace(_options.WriteOrdering) ? "?wait=true" : $"?wait=true&ordering={Uri.EscapeDataString(_options.WriteOrdering)}";

    private string ReadQuery() =>
        string.IsNullOrWhiteSpace(_options.ReadConsistency) ? "" : $"?consistency={Uri.EscapeDataString(_options.ReadConsistency)}";

    private static string Escape(string collection) => Uri.EscapeDataString(collection);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, string operationId, CancellationToken cancellationToken)
    {
        if (_http.BaseAddress is null)
            throw new InvalidOperationException($"Qdrant is not configured: set Retrieval:Qdrant:Url or {QdrantOptions.UrlVariable}.");

        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: QdrantJson.Options);
        var operation = $"{method.Method} /{path.Split('?')[0]}";

        Counter.Record(operationId);

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new QdrantException(e.StatusCode ?? HttpStatusCode.ServiceUnavailable, e.Message, operation, e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw new QdrantException(response.StatusCode, ErrorMessage(text), operation);
            try
            {
                var envelope = JsonSerializer.Deserialize<QdrantEnvelope<T>>(text, QdrantJson.Options);
                if (envelope is null || envelope.Result is null)
                    throw new QdrantException(response.StatusCode, "response has no result: " + Truncate(text), operation);
                return envelope.Result;
            }
            catch (JsonException e)
            {
                throw new QdrantException(response.StatusCode, $"unreadable response ({e.Message}): {Truncate(text)}", operation, e);
            }
        }
    }

    /// <summary>Qdrant's <c>ErrorResponse</c> carries the reason in <c>status.error</c>; anything else is reported raw.</summary>
    internal static string ErrorMessage(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object &&
                doc.RootElement.TryGetProperty("status", out var status) &&
                status.ValueKind == JsonValueKind.Object &&
                status.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
                return error.GetString()!;
        }
        catch (JsonException) { }
        return string.IsNullOrWhiteSpace(body) ? "(empty response body)" : Truncate(body);
    }

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500] + "…";
}
