namespace QABot.Hosts.Web.Load;

/// <summary>What `qabot bench serve` drives: N concurrent clients asking questions until either bound is reached.</summary>
public sealed record LoadRunOptions
{
    public required Uri BaseAddress { get; init; }
    public required IReadOnlyList<string> Questions { get; init; }
    public int Concurrency { get; init; } = 16;
    /// <summary>Stop after this many requests in total (null: only the duration bounds the run).</summary>
    public int? MaxRequests { get; init; } = 2000;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);
    public string? ApiKey { get; init; }
    public int Top { get; init; } = 8;
}

/// <summary>Measured outcome of a load run. Latencies are client-observed, in milliseconds.</summary>
public sealed record LoadReport(
    int Requests,
    int Errors,
    TimeSpan Elapsed,
    double RequestsPerSecond,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    int Concurrency,
    IReadOnlyDictionary<string, int> ErrorsByKind)
{
    /// <summary>
    /// CPU time of the measuring process per answered request, when server and clients share it (`qabot bench serve`):
    /// on a shared machine throughput follows the other processes' load, CPU per request follows the code.
    /// </summary>
    public double? CpuMsPerRequest { get; init; }

    /// <summary>The 1-minute load average when the run started.</summary>
    public double? LoadAverage { get; init; }
}
