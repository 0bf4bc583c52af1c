using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace QABot.Qdrant.Tests.StandIn;

/// <summary>
/// A loopback HTTP server that answers a few Qdrant REST routes with spec-shaped bodies. It is NOT Qdrant: it keeps
/// only collection and alias names, stores no points, and every read of points answers "empty". It exists for
/// HTTP-level tests of the client (retries, error surfacing, api-key header, request counting and batching) and for
/// contract tests that capture what the client sends. It must never serve as a search backend in the conformance suite.
/// </summary>
public sealed class QdrantStandIn : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<(int Status, string Body)> _failures = new();
    private readonly object _state = new();
    private readonly HashSet<string> _collections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal);

    public QdrantStandIn()
    {
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>Every request received, in arrival order (retried attempts included).</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Scripted answers that take precedence over the default routes: return null to fall through.</summary>
    public Func<RecordedRequest, (int Status, string Body)?>? Script { get; set; }

    /// <summary>The next <paramref name="count"/> requests fail with this status and a Qdrant error body.</summary>
    public void FailNext(int count, HttpStatusCode status, string error)
    {
        for (var i = 0; i < count; i++) _failures.Enqueue(((int)status, ErrorBody(error)));
    }

    public IReadOnlyCollection<string> Collections { get { lock (_state) return _collections.ToList(); } }
    public IReadOnlyDictionary<string, string> Aliases { get { lock (_state) return new Dictionary<string, string>(_aliases); } }

    public static string ErrorBody(string error) =>
        new JsonObject { ["status"] = new JsonObject { ["error"] = error }, ["time"] = 0.001 }.ToJsonString();

    public static string Ok(JsonNode? result) =>
        new JsonObject { ["result"] = result, ["status"] = "ok", ["time"] = 0.001 }.ToJsonString();

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening) { return; }
            catch (HttpListenerException) { return; }

            var request = context.Request;
            string body;
            using (var reader = new StreamReader(request.InputStream, Encoding.UTF8)) body = await reader.ReadToEndAsync();
            var recorded = new RecordedRequest(request.HttpMethod, request.Url!.PathAndQuery, body,
                request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => request.Headers[k]!, StringComparer.OrdinalIgnoreCase));
            Requests.Enqueue(recorded);

            var (status, response) = _failures.TryDequeue(out var failure) ? failure : Script?.Invoke(recorded) ?? Route(recorded);
            recorded.ResponseStatus = status;
            recorded.ResponseBody = response;
            var bytes = Encoding.UTF8.GetBytes(response);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            try
            {
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
            catch (HttpListenerException) { }
        }
    }

    /// <summary>Default answers: collection and alias bookkeeping; point writes acknowledged; point reads empty.</summary>
    private (int, string) Route(RecordedRequest request)
    {
        var path = request.Path.Split('?')[0].Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        var completed = new JsonObject { ["operation_id"] = 1, ["status"] = "completed" };
        lock (_state)
        {
            switch (request.Method, path)
            {
                case ("GET", ["collections"]):
                    return (200, Ok(new JsonObject { ["collections"] = new JsonArray(_collections.Select(c => (JsonNode)new JsonObject { ["name"] = c }).ToArray()) }));
                case ("GET", ["aliases"]):
                    return (200, Ok(AliasList(_aliases)));
                case ("POST", ["collections", "aliases"]):
                    ApplyAliasActions(JsonNode.Parse(request.Body)!["actions"]!.AsArray());
                    return (200, Ok(true));
                case ("GET", ["collections", var name, "exists"]):
                    return (200, Ok(new JsonObject { ["exists"] = _collections.Contains(name) || _aliases.ContainsKey(name) }));
                case ("GET", ["collections", var name, "aliases"]):
                    return (200, Ok(AliasList(_aliases.Where(a => a.Value == name))));
                case ("PUT", ["collections", var name]):
                    if (_collections.Contains(name) || _aliases.ContainsKey(name)) return (409, ErrorBody($"Wrong input: Collection `{name}` already exists!"));
                    _collections.Add(name);
                    return (200, Ok(true));
                case ("DELETE", ["collections", var name]):
                    return (200, Ok(_collections.Remove(name)));
                case (_, ["collections", var name, ..]) when !Exists(name):
                    return (404, ErrorBody($"Not found: Collection `{name}` doesn't exist!"));
                case ("GET", ["collections", _]):
                    return (200, Contract.SpecFixtures.CollectionInfo());
                case ("PUT", ["collections", _, "index"]):
                case ("PUT", ["collections", _, "points"]):
                case ("POST", ["collections", _, "points", "delete"]):
                    return (200, Ok(completed));
                case ("POST", ["collections", _, "points", "batch"]):
                    var count = JsonNode.Parse(request.Body)!["operations"]!.AsArray().Count;
                    return (200, Ok(new JsonArray(Enumerable.Range(0, count).Select(_ => (JsonNode)completed.DeepClone()).ToArray())));
                case ("POST", ["collections", _, "points"]):
                    return (200, Ok(new JsonArray()));
                case ("POST", ["collections", _, "points", "scroll"]):
                    return (200, Ok(new JsonObject { ["points"] = new JsonArray(), ["next_page_offset"] = null }));
                case ("POST", ["collections", _, "points", "count"]):
                    return (200, Ok(new JsonObject { ["count"] = 0 }));
                case ("POST", ["collections", _, "points", "query"]):
                    return (200, Ok(new JsonObject { ["points"] = new JsonArray() }));
                case ("POST", ["collections", _, "snapshots"]):
                    return (200, Ok(new JsonObject { ["name"] = "standin-snapshot.snapshot", ["creation_time"] = "2026-11-23T09:00:00", ["size"] = 1024, ["checksum"] = "00" }));
                case ("GET", ["collections", _, "snapshots"]):
                    return (200, Ok(new JsonArray()));
                default:
                    return (404, ErrorBody($"The stand-in has no route for {request.Method} {request.Path}"));
            }
        }
    }

    private bool Exists(string name) => _collections.Contains(name) || _aliases.ContainsKey(name);

    private static JsonObject AliasList(IEnumerable<KeyValuePair<string, string>> aliases) =>
        new() { ["aliases"] = new JsonArray(aliases.Select(a => (JsonNode)new JsonObject { ["alias_name"] = a.Key, ["collection_name"] = a.Value }).ToArray()) };

    private void ApplyAliasActions(JsonArray actions)
    {
        foreach (var action in actions)
        {
            if (action!["delete_alias"] is { } delete) _aliases.Remove(delete["alias_name"]!.GetValue<string>());
            if (action["create_alias"] is { } create) _aliases[create["alias_name"]!.GetValue<string>()] = create["collection_name"]!.GetValue<string>();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try { await _loop; } catch (ObjectDisposedException) { }
        _listener.Close();
    }
}

public sealed class RecordedRequest(string method, string path, string body, IReadOnlyDictionary<string, string> headers)
{
    public string Method { get; } = method;
    /// <summary>Path and query, e.g. "/collections/qabot_v1/points?wait=true".</summary>
    public string Path { get; } = path;
    public string Body { get; } = body;
    public IReadOnlyDictionary<string, string> Headers { get; } = headers;
    public int ResponseStatus { get; set; }
    public string ResponseBody { get; set; } = "";

    public string Operation => $"{Method} {Path.Split('?')[0]}";
    public JsonNode? Json => string.IsNullOrEmpty(Body) ? null : JsonNode.Parse(Body);

    public override string ToString() => $"{Operation} {Body[..Math.Min(Body.Length, 200)]}";
}
