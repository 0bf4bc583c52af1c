using System.Threading.RateLimiting;

namespace QABot.Hosts.Web.Security;

/// <summary>
/// A fixed window of <c>permits</c> per <c>window</c>, opened by the first request, that knows when it ends: a refused
/// lease carries the real time left as its Retry-After (the framework's fixed-window limiter reports the whole window).
/// One instance per client partition.
/// </summary>
public sealed class ClockedWindowLimiter(int permits, TimeSpan window, TimeProvider clock) : RateLimiter
{
    private readonly Lock _gate = new();
    private DateTimeOffset _windowEnd = DateTimeOffset.MinValue;
    private int _used;
    private long _successes, _failures;

    /// <summary>Idle once its window has ended, so a partitioned limiter can drop it.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                if (_windowEnd == DateTimeOffset.MinValue) return TimeSpan.Zero;
                var now = clock.GetUtcNow();
                return now >= _windowEnd ? now - _windowEnd : null;
            }
        }
    }

    public override RateLimiterStatistics GetStatistics()
    {
        lock (_gate)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = clock.GetUtcNow() >= _windowEnd ? permits : permits - _used,
                CurrentQueuedCount = 0,
                TotalSuccessfulLeases = _successes,
                TotalFailedLeases = _failures,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, permits);
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (now >= _windowEnd)
            {
                _windowEnd = now + window;
                _used = 0;
            }
            // Asking for nothing is how callers look without taking: it succeeds while a permit is left.
            if (_used + Math.Max(permitCount, 1) <= permits)
            {
                _used += permitCount;
                _successes++;
                return Lease.Acquired;
            }
            _failures++;
            return new Lease(false, _windowEnd - now);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
