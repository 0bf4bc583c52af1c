using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace QABot.Hosts.Web.Assets;

/// <summary>The chat page's files, embedded in this assembly under "wwwroot/" (see the csproj).</summary>
public static class EmbeddedAssets
{
    private static readonly Assembly Assembly = typeof(EmbeddedAssets).Assembly;

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    /// <summary>Content-Security-Policy for the pages: scripts and styles only from this server, no inline code.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IReadOnlyList<string> FileNames { get; } = Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("wwwroot/", StringComparison.Ordinal))
        .Select(n => n["wwwroot/".Length..])
        .ToList();

    public static IResult Serve(string fileName, HttpContext context)
    {
        var stream = Assembly.GetManifestResourceStream("wwwroot/" + fileName);
        if (stream is null) return Results.NotFound();
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-cache";
        return Results.Stream(stream, ContentTypes.GetValueOrDefault(Path.GetExtension(fileName), "application/octet-stream"));
    }
}
