using Microsoft.AspNetCore.Http;

namespace QABot.Hosts.Web.Http;

/// <summary>
/// HEAD is answered wherever GET is (RFC 9110 §9.3.2): routed as GET, so every GET endpoint, present or added later,
/// gets it. Kestrel keeps the request's original method for the response and sends headers without a body.
/// </summary>
public sealed class HeadAsGetMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }
        context.Request.Method = HttpMethods.Get;
        try { await next(context); }
        finally { context.Request.Method = HttpMethods.Head; }
    }
}
