using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace QABot.Hosts.Web.Http;

/// <summary>The Retry-After header of a 429: the limiter's own wait, in whole seconds rounded up.</summary>
public static class RetryAfter
{
    public static void Set(HttpResponse response, RateLimitLease lease, TimeSpan fallback)
    {
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : fallback;
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }
}
