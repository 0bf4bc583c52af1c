using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QABot.Core.Json;
using QABot.Core.Retrieval;
using QABot.Hosts.Web.Options;
using QABot.Ingestion;
using QABot.Ingestion.Reading;

namespace QABot.Hosts.Web.Api;

/// <summary>
/// POST /api/articles: ingests through the running server with the pipeline of `qabot ingest` (same parsing, validation
/// and dedup; one commit per request). The body is one JSON article or an array (application/json) or JSON lines
/// (application/x-ndjson); the answer says what happened to each record. Writing needs a real key: with no
/// Web:ApiKeys configured the endpoint refuses every caller, loopback included.
/// </summary>
public static class ArticleUploadEndpoint
{
    public sealed record LineJson(int? Line, string? Id, string Status, string? Error);

    public sealed record UploadJson(int Ingested, int Replaced, int Unchanged, int Duplicates, int Failed, long? Generation, IReadOnlyList<LineJson> Lines);

    private static readonly string[] JsonLinesTypes = ["application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines"];

    public static async Task<IResult> HandleAsync(HttpContext context, IOptions<WebOptions> options, IArticleIndex index)
    {
        var limits = options.Value;
        if (!limits.ApiKeys.Any(k => !string.IsNullOrWhiteSpace(k)))
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden,
                detail: "Ingesting over HTTP is disabled: it needs an API key. Configure Web:ApiKeys (e.g. Web__ApiKeys__0=...) and send it in X-Api-Key.");
        if (context.RequestServices.GetService<IngestionPipeline>() is not { } pipeline)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: "This server was started without ingestion.");
        if (FormatOf(context.Request.ContentType) is not { } format)
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                detail: "Send one JSON article or an array as application/json, or JSON lines as application/x-ndjson.");

        if (context.Request.ContentLength > limits.MaxIngestBytes) return TooLarge(limits);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            sizeFeature.MaxRequestBodySize = limits.MaxIngestBytes;
        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limits);
        }
        if (body.Length == 0) return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "The body is empty: send at least one article.");

        // Records without an id get "{name}-{line}": named by the content, the same batch posted twice is "unchanged".
        var name = "api-" + Convert.ToHexStringLower(SHA256.HashData(body))[..12];
        var report = await pipeline.IngestUploadAsync(body, format, name, context.RequestAborted);
        var commit = await index.GetCommitAsync(context.RequestAborted);
        var upload = new UploadJson(report.Ingested, report.Replaced, report.Skipped, report.Duplicates, report.Failed, commit?.Generation,
            report.Items.Select(i => new LineJson(i.Line, i.ArticleId, i.Status.ToString().ToLowerInvariant(), i.Error)).ToList());
        if (report.ArticlesSeen == 0 && report.Failed > 0)
            return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, detail: "No record could be ingested; see \"lines\".",
                extensions: new Dictionary<string, object?> { ["lines"] = upload.Lines });
        return Results.Json(upload, AnswerJson.SerializerOptions);
    }

    private static InputFormat? FormatOf(string? contentType)
    {
        var mediaType = contentType?.Split(';')[0].Trim();
        if (string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase)) return InputFormat.JsonArray;
        return JsonLinesTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase) ? InputFormat.JsonLines : null;
    }

    private static IResult TooLarge(WebOptions limits) =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
            detail: $"The request body is larger than {limits.MaxIngestBytes} bytes (Web:MaxIngestBytes); split the batch.");
}
