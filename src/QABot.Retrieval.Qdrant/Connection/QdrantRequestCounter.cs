using System.Collections.Concurrent;

namespace QABot.Retrieval.Qdrant.Connection;

/// <summary>
/// Counts the gRPC calls the application makes to Qdrant, in total and per method ("Points/Upsert"), and separately
/// the attempts (a retried call is one call and several attempts).
/// </summary>
public sealed class QdrantRequestCounter
{
    private readonly ConcurrentDictionary<string, long> _byMethod = new(StringComparer.Ordinal);
    private long _total;
    private long _attempts;

    public long Total => Interlocked.Read(ref _total);

    /// <summary>Attempts sent on the wire, retries included.</summary>
    public long Attempts => Interlocked.Read(ref _attempts);

    /// <summary>Calls per gRPC method, e.g. "Points/Upsert" → 124.</summary>
    public IReadOnlyDictionary<string, long> ByMethod => new SortedDictionary<string, long>(_byMethod, StringComparer.Ordinal);

    public void RecordCall(string method)
    {
        Interlocked.Increment(ref _total);
        _byMethod.AddOrUpdate(method, 1, (_, n) => n + 1);
    }

    public void RecordAttempt() => Interlocked.Increment(ref _attempts);

    public void Reset()
    {
        _byMethod.Clear();
        Interlocked.Exchange(ref _total, 0);
        Interlocked.Exchange(ref _attempts, 0);
    }
}
