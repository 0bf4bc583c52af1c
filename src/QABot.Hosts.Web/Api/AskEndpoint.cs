using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QABot.Core.Answering;
using QABot.Core.Domain;
using QABot.Core.Json;
using QABot.Hosts.Web.Options;
using QABot.Hosts.Web.Telemetry;

namespace QABot.Hosts.Web.Api;

/// <summary>
/// POST /api/ask. The body is read by hand rather than bound, so every malformed body (binary, invalid JSON, wrong
/// content type) gets the same 400 and an oversized one 413; a body that ends early or arrives too slowly is answered
/// by <see cref="Http.ClientRequestExceptionHandler"/> like on every endpoint. Replies with <see cref="AnswerJson"/>, or with server-sent
/// events ("delta" fragments, then one "answer") when the client accepts text/event-stream.
/// POST /api/check is the same with the text taken as a claim to check: the answer always carries a "verdict".
/// </summary>
public static class AskEndpoint
{
    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web);

    public static Task<IResult> HandleAsync(
        HttpContext context, IAnswerer answerer, WebMetrics metrics, IOptions<WebOptions> options, ILoggerFactory loggers) =>
        AnswerAsync(context, answerer, metrics, options, isClaim: false);

    public static Task<IResult> CheckAsync(
        HttpContext context, IAnswerer answerer, WebMetrics metrics, IOptions<WebOptions> options, ILoggerFactory loggers) =>
        AnswerAsync(context, answerer, metrics, options, isClaim: true);

    private static async Task<IResult> AnswerAsync(HttpContext context, IAnswerer answerer, WebMetrics metrics, IOptions<WebOptions> options, bool isClaim)
    {
        var limits = options.Value;
        if (context.Request.ContentLength > limits.MaxRequestBytes) return TooLarge(limits);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            sizeFeature.MaxRequestBodySize = limits.MaxRequestBytes;

        AskRequest? ask;
        try
        {
            ask = await JsonSerializer.DeserializeAsync<AskRequest>(context.Request.Body, RequestJson, context.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limits); // says how large a body may be
        }
        catch (JsonException)
        {
            return Results.Problem(statusCode: 400, detail: isClaim
                ? "The body must be a JSON object: {\"claim\": \"...\", \"conversationId\": \"...\", \"top\": 8}."
                : "The body must be a JSON object: {\"question\": \"...\", \"conversationId\": \"...\", \"top\": 8}.");
        }
        if (ask is null) return Results.Problem(statusCode: 400, detail: "The body must be a JSON object.");
        if (ask.Validate(limits) is { } problem) return Results.Problem(statusCode: 400, detail: problem);

        var request = new AnswerRequest { Question = ask.Text!.Trim(), ConversationId = ask.ScopedConversationId, Top = ask.Top ?? 8, IsClaim = isClaim };
        var outlets = context.RequestServices.GetService<IOutletNames>();
        var stopwatch = Stopwatch.StartNew();
        if (WantsEventStream(context.Request))
        {
            await StreamAsync(context, answerer, request, metrics, stopwatch, outlets);
            return Results.Empty; // already written
        }
        var answer = await answerer.AnswerAsync(request, context.RequestAborted);
        metrics.Record(answer, stopwatch.Elapsed);
        return Results.Json(AnswerJson.From(answer, outlets), AnswerJson.SerializerOptions);
    }

    private static async Task StreamAsync(HttpContext context, IAnswerer answerer, AnswerRequest request, WebMetrics metrics, Stopwatch stopwatch,
        IOutletNames? outlets)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        var ct = context.RequestAborted;

        Answer? answer = null;
        if (answerer is IStreamingAnswerer streaming)
        {
            await foreach (var fragment in streaming.StreamAsync(request, completed => answer = completed, ct))
                await WriteEventAsync(response, "delta", JsonSerializer.Serialize(new { text = fragment }, AnswerJson.SerializerOptions), ct);
        }
        // A non-streaming answerer, or a streaming one that did not report its final answer: the whole answer at once.
        answer ??= await answerer.AnswerAsync(request, ct);
        metrics.Record(answer, stopwatch.Elapsed);
        await WriteEventAsync(response, "answer", AnswerJson.Serialize(answer, outlets: outlets), ct);
    }

    private static async Task WriteEventAsync(HttpResponse response, string name, string json, CancellationToken ct)
    {
        await response.WriteAsync($"event: {name}\ndata: {json}\n\n", ct);
        await response.Body.FlushAsync(ct);
    }

    private static bool WantsEventStream(HttpRequest request) =>
        request.Headers.Accept.Any(a => a?.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) == true);

    private static IResult TooLarge(WebOptions limits) =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, detail: $"The request body is larger than {limits.MaxRequestBytes} bytes.");
}
