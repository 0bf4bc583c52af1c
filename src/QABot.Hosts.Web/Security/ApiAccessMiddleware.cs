using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using QABot.Hosts.Web.Http;
using QABot.Hosts.Web.Options;

namespace QABot.Hosts.Web.Security;

/// <summary>
/// Guards /api/* and /metrics: a configured X-Api-Key is required (401 otherwise, 429 after too many wrong ones from one
/// address); with no keys configured only loopback clients are served (403 otherwise). Records who the client is for
/// per-client rate limiting.
/// </summary>
public sealed class ApiAccessMiddleware(RequestDelegate next, IOptions<WebOptions> options, FailedKeyThrottle throttle)
{
    public const string HeaderName = "X-Api-Key";

    /// <summary>Longer keys are refused unread: no real key is this long, and a huge header must not cost a comparison.</summary>
    public const int MaxKeyChars = 256;

    private const string ClientItemKey = "qabot.client";

    private readonly byte[][] _keys = options.Value.ApiKeys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(Encoding.UTF8.GetBytes).ToArray();

    public static bool Guards(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/metrics");

    /// <summary>Rate-limit partition: the key's index when one was presented, else the client address.</summary>
    public static string ClientOf(HttpContext context) =>
        context.Items[ClientItemKey] as string ?? "ip:" + context.Connection.RemoteIpAddress;

    public async Task InvokeAsync(HttpContext context)
    {
        if (_keys.Length == 0)
        {
            if (!IsLoopback(context.Connection.RemoteIpAddress))
            {
                await Problem(context, StatusCodes.Status403Forbidden, "No API keys are configured (Web:ApiKeys): the API only serves loopback clients.");
                return;
            }
            await next(context);
            return;
        }

        var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
        using (var blocked = throttle.Blocked(address))
        {
            if (blocked is not null)
            {
                await TooManyFailures(context, blocked);
                return;
            }
        }

        var header = context.Request.Headers[HeaderName].ToString();
        var match = header.Length is > 0 and <= MaxKeyChars ? Array.FindIndex(_keys, k => CryptographicOperations.FixedTimeEquals(k, Encoding.UTF8.GetBytes(header))) : -1;
        if (match < 0)
        {
            using var refused = throttle.RecordFailure(address);
            if (refused is not null)
            {
                await TooManyFailures(context, refused);
                return;
            }
            context.Response.Headers.WWWAuthenticate = "ApiKey header=\"" + HeaderName + "\"";
            await Problem(context, StatusCodes.Status401Unauthorized, header.Length > MaxKeyChars
                ? $"The X-Api-Key header is longer than {MaxKeyChars} characters."
                : "Missing or wrong X-Api-Key header.");
            return;
        }
        context.Items[ClientItemKey] = "key:" + match;
        await next(context);
    }

    private static Task TooManyFailures(HttpContext context, System.Threading.RateLimiting.RateLimitLease lease)
    {
        RetryAfter.Set(context.Response, lease, TimeSpan.FromMinutes(1));
        return Problem(context, StatusCodes.Status429TooManyRequests, "Too many wrong API keys from this address; wait before trying again.");
    }

    private static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private static Task Problem(HttpContext context, int status, string detail) =>
        Results.Problem(detail: detail, statusCode: status).ExecuteAsync(context);
}
