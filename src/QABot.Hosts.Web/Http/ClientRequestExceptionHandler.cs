using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace QABot.Hosts.Web.Http;

/// <summary>
/// Turns failures that are the client's doing into their own status instead of a logged 500, for every endpoint: a
/// body that ends early (400), arrives too slowly (408) or is too large (413), and a request the client abandoned.
/// Kestrel raises these from whatever line reads the body, so no endpoint has to catch them itself.
/// </summary>
public sealed class ClientRequestExceptionHandler(IProblemDetailsService problems, ILogger<ClientRequestExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>The nginx convention for "the client closed the request": nobody reads it, but logs and metrics do.</summary>
    public const int ClientClosedRequest = 499;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            context.Response.StatusCode = ClientClosedRequest;
            return true;
        }
        if (exception is not BadHttpRequestException bad) return false;

        logger.LogInformation("Rejected {Method} {Path}: {Status} {Reason}", context.Request.Method, context.Request.Path, bad.StatusCode, bad.Message);
        context.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = bad.StatusCode, Detail = DetailFor(bad.StatusCode) },
        });
    }

    private static string DetailFor(int status) => status switch
    {
        StatusCodes.Status408RequestTimeout => "The request body arrived too slowly; send it in one go.",
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        _ => "The request body is incomplete or malformed (it ended before its Content-Length).",
    };
}
