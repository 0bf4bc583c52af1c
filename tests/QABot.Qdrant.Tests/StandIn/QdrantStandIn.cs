using System.Collections.Concurrent;
using System.Net;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace QABot.Qdrant.Tests.StandIn;

/// <summary>
/// A loopback gRPC server that stands in for Qdrant in tests. It is NOT Qdrant: it serves the Collections, Points and
/// Snapshots services compiled from Qdrant's own .proto files (../shared/qdrant/protos, v1.19.0) with an in-memory
/// store that implements only what QABot calls, with the semantics described on <see cref="StandInStore"/>. Kestrel
/// speaks HTTP/2 without TLS on 127.0.0.1 and a free port. Every call is recorded (method and request message) for the
/// request checks, and <see cref="FailNext"/> scripts transient failures for the retry tests.
/// </summary>
public sealed class QdrantStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;

    private QdrantStandIn(WebApplication app, StandInRecorder recorder, StandInStore store)
    {
        _app = app;
        Recorder = recorder;
        Store = store;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToList();
        // Listeners are bound in the order they were configured: gRPC first, then REST.
        Url = addresses[0];
        RestUrl = addresses[1];
    }

    /// <summary>The gRPC endpoint, e.g. http://127.0.0.1:40123.</summary>
    public string Url { get; }

    /// <summary>
    /// The REST endpoint (HTTP/1.1), serving only the two snapshot file transfers QABot makes over REST: download
    /// and upload (see <see cref="StandInSnapshotFiles"/>).
    /// </summary>
    public string RestUrl { get; }

    public StandInStore Store { get; }

    internal StandInRecorder Recorder { get; }

    /// <summary>Every call received, in arrival order (retried attempts included).</summary>
    public IReadOnlyList<RecordedCall> Calls => Recorder.Calls.ToList();

    public IReadOnlyCollection<string> Collections => Store.CollectionNames;
    public IReadOnlyDictionary<string, string> Aliases => Store.Aliases;

    /// <summary>The requests of one method ("Points/Upsert"), in order.</summary>
    public IReadOnlyList<T> Requests<T>(string method) where T : IMessage =>
        Calls.Where(c => c.Method == method).Select(c => (T)c.Request).ToList();

    /// <summary>The next <paramref name="count"/> calls fail with this status before reaching the store.</summary>
    public void FailNext(int count, StatusCode status, string detail = "stand-in failure")
    {
        for (var i = 0; i < count; i++) Recorder.Failures.Enqueue(new Status(status, detail));
    }

    public static async Task<QdrantStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1);
        });
        var store = new StandInStore();
        var recorder = new StandInRecorder();
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(recorder);
        builder.Services.AddGrpc(grpc =>
        {
            grpc.Interceptors.Add<StandInRecorder>();
            grpc.MaxReceiveMessageSize = null;
        });
        var app = builder.Build();
        app.MapGrpcService<CollectionsStandIn>();
        app.MapGrpcService<PointsStandIn>();
        app.MapGrpcService<SnapshotsStandIn>();
        StandInSnapshotFiles.Map(app, store);
        await app.StartAsync();
        return new QdrantStandIn(app, recorder, store);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One call the stand-in received: "Points/Upsert" and its request message.</summary>
public sealed record RecordedCall(string Method, IMessage Request, Metadata Headers)
{
    public override string ToString() => $"{Method} {Request}";
}

/// <summary>Records each call and plays scripted failures (the stand-in's only server-side interceptor).</summary>
internal sealed class StandInRecorder : Interceptor
{
    public ConcurrentQueue<RecordedCall> Calls { get; } = new();
    public ConcurrentQueue<Status> Failures { get; } = new();

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var method = context.Method.TrimStart('/').Replace("qdrant.", "", StringComparison.Ordinal);
        Calls.Enqueue(new RecordedCall(method, ((IMessage)request).Clone(), context.RequestHeaders));
        if (Failures.TryDequeue(out var failure)) throw new RpcException(failure);
        return continuation(request, context);
    }
}

internal static class MessageCloning
{
    /// <summary>A copy the caller cannot change afterwards (requests are reused by clients).</summary>
    public static IMessage Clone(this IMessage message) => message.Descriptor.Parser.ParseFrom(message.ToByteString());
}
