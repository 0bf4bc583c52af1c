namespace QABot.Retrieval.Qdrant.Options;

/// <summary>
/// Where the Qdrant backend stores chunks and how it talks to the cluster. Bound from section "Retrieval:Qdrant";
/// the environment variables QDRANT_URL and QDRANT_API_KEY override Url and ApiKey.
/// </summary>
public sealed class QdrantOptions
{
    public const string SectionName = "Retrieval:Qdrant";
    public const string UrlVariable = "QDRANT_URL";
    public const string ApiKeyVariable = "QDRANT_API_KEY";

    /// <summary>REST endpoint, e.g. http://localhost:6333. Empty means "no Qdrant configured".</summary>
    public string Url { get; set; } = "";

    /// <summary>Sent as the <c>api-key</c> header when set.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>
    /// The alias readers use. Full builds write into <c>{Collection}_v{n}</c> and move the alias on commit.
    /// </summary>
    public string Collection { get; set; } = "qabot_chunks";

    public int ShardNumber { get; set; } = 1;
    public int ReplicationFactor { get; set; } = 1;
    public int WriteConsistencyFactor { get; set; } = 1;

    /// <summary>Points per upsert request.</summary>
    public int UpsertBatchSize { get; set; } = 256;

    /// <summary>Timeout of one HTTP attempt; retries come on top (see <see cref="MaxRetries"/>).</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Retries of a failed attempt (5xx, 408, 429, network errors); all writes are idempotent.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay; later ones back off exponentially with jitter.</summary>
    public int RetryDelayMilliseconds { get; set; } = 500;

    /// <summary>Optional write ordering for clusters ("weak", "medium", "strong"); null leaves Qdrant's default.</summary>
    public string? WriteOrdering { get; set; }

    /// <summary>Optional read consistency for clusters ("majority", "quorum", "all" or a number); null leaves Qdrant's default.</summary>
    public string? ReadConsistency { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);
}
