using Microsoft.AspNetCore.Http;

namespace QABot.Hosts.Web.Http;

/// <summary>
/// Headers every response carries, whichever endpoint or error path wrote it. Added when the response starts, because
/// the exception handler clears the headers set before it.
/// </summary>
public sealed class ResponseHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            // JSON and problem JSON must never be sniffed into HTML by a browser.
            ((HttpResponse)state).Headers.XContentTypeOptions = "nosniff";
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}
