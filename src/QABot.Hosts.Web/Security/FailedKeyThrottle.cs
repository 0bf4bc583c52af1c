using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using QABot.Hosts.Web.Options;

namespace QABot.Hosts.Web.Security;

/// <summary>
/// Counts wrong or missing API keys per client address. A client that used up its allowance is refused (429) until its
/// window ends, whatever key it sends, so guessing keys costs a window per few attempts. Consulted before the key check,
/// because the per-key rate limiter only ever sees requests that already passed it.
/// </summary>
public sealed class FailedKeyThrottle(IOptions<WebOptions> options, TimeProvider clock) : IDisposable
{
    private readonly PartitionedRateLimiter<IPAddress> _failures = PartitionedRateLimiter.Create<IPAddress, IPAddress>(client =>
        options.Value.FailedKeyAttemptsPerMinute <= 0
            ? RateLimitPartition.GetNoLimiter(client)
            : RateLimitPartition.Get(client, _ => new ClockedWindowLimiter(options.Value.FailedKeyAttemptsPerMinute, TimeSpan.FromMinutes(1), clock)));

    /// <summary>A refused lease (with its Retry-After) when the client has no failed attempts left, else null.</summary>
    public RateLimitLease? Blocked(IPAddress client) => Refused(_failures.AttemptAcquire(client, permitCount: 0));

    /// <summary>Records one failed attempt; a refused lease when it was one too many.</summary>
    public RateLimitLease? RecordFailure(IPAddress client) => Refused(_failures.AttemptAcquire(client));

    private static RateLimitLease? Refused(RateLimitLease lease)
    {
        if (!lease.IsAcquired) return lease;
        lease.Dispose();
        return null;
    }

    public void Dispose() => _failures.Dispose();
}
