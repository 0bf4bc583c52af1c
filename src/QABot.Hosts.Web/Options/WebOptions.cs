namespace QABot.Hosts.Web.Options;

/// <summary>Bound from section "Web".</summary>
public sealed class WebOptions
{
    public const string SectionName = "Web";

    public bool Enabled { get; set; } = true;

    /// <summary>Semicolon-separated http:// URLs. Loopback by default; TLS belongs to a reverse proxy in front.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>
    /// Keys accepted in the X-Api-Key header for /api/* and /metrics. When empty, those paths are open to loopback
    /// clients only (anything else gets 403), so an unconfigured server is never an open API on the network.
    /// </summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>Largest accepted request body; larger requests get 413.</summary>
    public long MaxRequestBytes { get; set; } = 16 * 1024;

    public int MaxQuestionChars { get; set; } = 1000;

    /// <summary>Largest body accepted by POST /api/articles (a JSON article or a JSONL batch); larger ones get 413.</summary>
    public long MaxIngestBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Requests per minute per API key (or per client IP without one); 0 disables the limit.</summary>
    public int RateLimitPerMinute { get; set; } = 120;

    /// <summary>Wrong or missing API keys accepted per client address per minute before it gets 429; 0 disables.</summary>
    public int FailedKeyAttemptsPerMinute { get; set; } = 10;
}
