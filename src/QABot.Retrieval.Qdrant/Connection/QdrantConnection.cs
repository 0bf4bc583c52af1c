using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Qdrant.Client;
using Qdrant.Client.Grpc;
using QABot.Retrieval.Qdrant.Options;

namespace QABot.Retrieval.Qdrant.Connection;

/// <summary>
/// The one gRPC channel to Qdrant and the official <see cref="QdrantClient"/> over it. The channel is created on
/// first use, so a host that never touches Qdrant never needs a valid URL.
/// </summary>
public sealed class QdrantConnection : IDisposable
{
    /// <summary>The gRPC statuses worth another attempt: the server was busy, away or too slow, not wrong.</summary>
    public static readonly IReadOnlySet<StatusCode> TransientStatuses =
        new HashSet<StatusCode> { StatusCode.Unavailable, StatusCode.DeadlineExceeded, StatusCode.ResourceExhausted, StatusCode.Aborted };

    private readonly QdrantOptions _options;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly Lazy<(GrpcChannel Channel, QdrantClient Client)> _connection;

    public QdrantConnection(IOptions<QdrantOptions> options, QdrantRequestCounter counter, ILoggerFactory? loggerFactory = null)
    {
        _options = options.Value;
        _loggerFactory = loggerFactory;
        Counter = counter;
        _connection = new Lazy<(GrpcChannel, QdrantClient)>(Open, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public QdrantRequestCounter Counter { get; }

    public QdrantClient Client => _connection.Value.Client;

    public string Url => _options.Url;

    private (GrpcChannel, QdrantClient) Open()
    {
        if (!_options.IsConfigured)
            throw new InvalidOperationException($"Qdrant is not configured: set Retrieval:Qdrant:Url or {QdrantOptions.UrlVariable}.");
        if (_options.UrlProblem() is { } problem) throw new InvalidOperationException(problem);

        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        if (!string.IsNullOrWhiteSpace(_options.CertificateThumbprint))
            handler.SslOptions.RemoteCertificateValidationCallback = MatchesThumbprint(_options.CertificateThumbprint);
        var channel = GrpcChannel.ForAddress(_options.Url, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
        var interceptor = new QdrantCallInterceptor(_options.ApiKey, TimeSpan.FromSeconds(_options.TimeoutSeconds), RetryPipeline(_options), Counter);
        var grpc = new QdrantGrpcClient(channel.Intercept(interceptor));
        // No client-wide deadline: the interceptor sets one per attempt, so a retry gets its own full time.
        return (channel, new QdrantClient(grpc, default, _loggerFactory));
    }

    internal static ResiliencePipeline RetryPipeline(QdrantOptions options)
    {
        if (options.MaxRetries <= 0) return ResiliencePipeline.Empty;
        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                // Every Qdrant write QABot sends is idempotent (deterministic point ids, delete by id or filter,
                // set payload), so retrying a write whose answer was lost is safe.
                ShouldHandle = new PredicateBuilder().Handle<RpcException>(e => TransientStatuses.Contains(e.StatusCode)),
                MaxRetryAttempts = options.MaxRetries,
                Delay = TimeSpan.FromMilliseconds(Math.Max(0, options.RetryDelayMilliseconds)),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .Build();
    }

    /// <summary>Accepts exactly the certificate with this SHA-256 (or, for older setups, SHA-1) thumbprint.</summary>
    private static RemoteCertificateValidationCallback MatchesThumbprint(string thumbprint)
    {
        var expected = thumbprint.Replace(":", "").Replace(" ", "").ToUpperInvariant();
        return (_, certificate, _, _) => certificate is X509Certificate2 cert &&
            (cert.GetCertHashString(HashAlgorithmName.SHA256) == expected || cert.GetCertHashString() == expected);
    }

    public void Dispose()
    {
        if (!_connection.IsValueCreated) return;
        _connection.Value.Client.Dispose();
        _connection.Value.Channel.Dispose();
    }
}
