using System.Collections.Concurrent;

namespace QABot.Retrieval.Qdrant.Client;

/// <summary>
/// Counts the requests every <see cref="QdrantRestClient"/> of the application sends (one per call; the resilience
/// handler's retried attempts are not counted again), in total and per spec operationId. A singleton, because typed
/// HttpClients are created per resolution.
/// </summary>
public sealed class QdrantRequestCounter
{
    private readonly ConcurrentDictionary<string, long> _byOperation = new(StringComparer.Ordinal);
    private long _total;

    public long Total => Interlocked.Read(ref _total);

    /// <summary>Requests per spec operationId, e.g. "upsert_points" → 124.</summary>
    public IReadOnlyDictionary<string, long> ByOperation => new SortedDictionary<string, long>(_byOperation, StringComparer.Ordinal);

    public void Record(string operationId)
    {
        Interlocked.Increment(ref _total);
        _byOperation.AddOrUpdate(operationId, 1, (_, n) => n + 1);
    }

    public void Reset()
    {
        _byOperation.Clear();
        Interlocked.Exchange(ref _total, 0);
    }
}
