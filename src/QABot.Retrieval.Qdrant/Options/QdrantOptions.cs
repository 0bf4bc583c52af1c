namespace QABot.Retrieval.Qdrant.Options;

/// <summary>
/// Where the Qdrant backend stores chunks and how it talks to the server over gRPC. Bound from section
/// "Retrieval:Qdrant"; the environment variables QDRANT_URL and QDRANT_API_KEY override Url and ApiKey.
/// </summary>
public sealed class QdrantOptions
{
    public const string SectionName = "Retrieval:Qdrant";
    public const string UrlVariable = "QDRANT_URL";
    public const string ApiKeyVariable = "QDRANT_API_KEY";
    public const int GrpcPort = 6334;
    public const int RestPort = 6333;

    /// <summary>gRPC endpoint, e.g. http://localhost:6334 (https for TLS). Empty means "no Qdrant configured".</summary>
    public string Url { get; set; } = "";

    /// <summary>
    /// Qdrant's REST endpoint, used only to move snapshot files (download and upload have no gRPC call). Empty: the
    /// gRPC URL's host on port 6333.
    /// </summary>
    public string RestUrl { get; set; } = "";

    /// <summary>The REST endpoint as configured, or derived from <see cref="Url"/>.</summary>
    public Uri RestUri()
    {
        if (!string.IsNullOrWhiteSpace(RestUrl)) return new Uri(RestUrl.TrimEnd('/') + "/");
        var grpc = new Uri(Url);
        return new UriBuilder(grpc.Scheme, grpc.Host, RestPort).Uri;
    }

    /// <summary>Sent as the <c>api-key</c> request header when set.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>
    /// With an https Url: accept exactly the server certificate with this SHA-256 thumbprint (hex), e.g. a self-signed
    /// one. Empty means the operating system's usual certificate validation.
    /// </summary>
    public string CertificateThumbprint { get; set; } = "";

    /// <summary>
    /// The alias readers use. Full builds write into <c>{Collection}_v{n}</c> and move the alias on commit.
    /// </summary>
    public string Collection { get; set; } = "qabot_chunks";

    public int ShardNumber { get; set; } = 1;
    public int ReplicationFactor { get; set; } = 1;
    public int WriteConsistencyFactor { get; set; } = 1;

    /// <summary>Points per upsert request.</summary>
    public int UpsertBatchSize { get; set; } = 256;

    /// <summary>The gRPC deadline of one attempt; retries come on top (see <see cref="MaxRetries"/>).</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Retries of a call that failed with a transient status (Unavailable, DeadlineExceeded, ResourceExhausted, Aborted).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay; later ones back off exponentially with jitter.</summary>
    public int RetryDelayMilliseconds { get; set; } = 500;

    /// <summary>Optional write ordering for clusters ("weak", "medium", "strong"); null leaves Qdrant's default (weak).</summary>
    public string? WriteOrdering { get; set; }

    /// <summary>Optional read consistency for clusters ("majority", "quorum", "all" or a number of replicas); null leaves Qdrant's default.</summary>
    public string? ReadConsistency { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);

    /// <summary>Null when <see cref="Url"/> is usable; otherwise the one-line reason.</summary>
    public string? UrlProblem()
    {
        if (!IsConfigured) return null;
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return $"Retrieval:Qdrant:Url '{Url}' is not an http(s) URL: give Qdrant's gRPC endpoint, e.g. http://localhost:{GrpcPort}.";
        if (uri.Port == RestPort)
            return $"Retrieval:Qdrant:Url '{Url}' is Qdrant's REST port {RestPort}; QABot talks gRPC: use port {GrpcPort} ({uri.Scheme}://{uri.Host}:{GrpcPort}).";
        return null;
    }
}
