using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using QABot.Core.Retrieval;
using QABot.Hosts.Web.Api;
using QABot.Hosts.Web.Assets;
using QABot.Hosts.Web.Http;
using QABot.Hosts.Web.Options;
using QABot.Hosts.Web.Security;
using QABot.Hosts.Web.Telemetry;

namespace QABot.Hosts.Web.Extensions;

public static class WebHostExtensions
{
    private const string ApiRateLimitPolicy = "qabot-api";

    /// <summary>
    /// Adds the help-desk web host (API, chat page, metrics) when Web:Enabled is true: Kestrel bound to Web:Urls,
    /// API-key access, per-client rate limiting and OpenTelemetry metrics. Needs IAnswerer and IArticleIndex.
    /// </summary>
    public static IHostApplicationBuilder AddWebHost(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(WebOptions.SectionName);
        builder.Services.AddOptions<WebOptions>().Bind(section);
        var settings = section.Get<WebOptions>() ?? new WebOptions();
        if (!settings.Enabled) return builder;

        builder.Services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.AddServerHeader = false;
            foreach (var endpoint in ParseUrls(settings.Urls)) kestrel.Listen(endpoint);
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ClientRequestExceptionHandler>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<FailedKeyThrottle>();
        builder.Services.AddSingleton<WebMetrics>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter(WebMetrics.MeterName)
            .AddPrometheusExporter());

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                RetryAfter.Set(context.HttpContext.Response, context.Lease, TimeSpan.FromMinutes(1));
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(ApiRateLimitPolicy, context =>
            {
                var perMinute = context.RequestServices.GetRequiredService<IOptions<WebOptions>>().Value.RateLimitPerMinute;
                var clock = context.RequestServices.GetRequiredService<TimeProvider>();
                return perMinute <= 0
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.Get(ApiAccessMiddleware.ClientOf(context), _ => new ClockedWindowLimiter(perMinute, TimeSpan.FromMinutes(1), clock));
            });
        });
        return builder;
    }

    /// <summary>
    /// Maps the API, the chat page, /healthz and /metrics (no-op when Web:Enabled is false), behind the mechanisms every
    /// endpoint shares, including ones mapped later: problem JSON for every error status (client-caused exceptions
    /// included), nosniff, HEAD wherever GET is, API-key access and rate limiting.
    /// </summary>
    public static WebApplication MapQABotWeb(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<WebOptions>>().Value.Enabled) return app;
        // Created now, so the index gauges are on /metrics before the first question.
        app.Services.GetRequiredService<WebMetrics>();

        app.UseMiddleware<ResponseHeadersMiddleware>();
        app.UseExceptionHandler();
        // 404, 405, 429 and any other error status written without a body get a problem JSON body.
        app.UseStatusCodePages();
        app.UseMiddleware<HeadAsGetMiddleware>();
        app.UseRouting();
        app.UseWhen(context => ApiAccessMiddleware.Guards(context.Request.Path), api => api.UseMiddleware<ApiAccessMiddleware>());
        app.UseRateLimiter();

        var api = app.MapGroup("/api").RequireRateLimiting(ApiRateLimitPolicy);
        api.MapPost("/ask", AskEndpoint.HandleAsync).WithName("Ask");
        api.MapPost("/check", AskEndpoint.CheckAsync).WithName("Check");
        // Catch-all: article ids may contain '/' (JSONL ids are free text).
        api.MapGet("/articles/{**id}", ArticleEndpoint.HandleAsync).WithName("GetArticle");
        api.MapPost("/articles", ArticleUploadEndpoint.HandleAsync).WithName("PostArticles");

        app.MapGet("/healthz", (IArticleIndex index) => Results.Json(new { status = "ok", index = index.BackendName }));
        app.MapPrometheusScrapingEndpoint("/metrics").WithMetadata(new HttpMethodMetadata([HttpMethods.Get]));

        app.MapGet("/", (HttpContext context) => EmbeddedAssets.Serve("index.html", context));
        app.MapGet("/articles/{**id}", (HttpContext context) => EmbeddedAssets.Serve("article.html", context));
        foreach (var file in EmbeddedAssets.FileNames.Where(f => !f.EndsWith(".html", StringComparison.Ordinal)))
            app.MapGet("/" + file, (HttpContext context) => EmbeddedAssets.Serve(file, context));
        return app;
    }

    /// <summary>"http://127.0.0.1:5080;http://localhost:0" → listen endpoints. TLS is left to a reverse proxy.</summary>
    public static IReadOnlyList<IPEndPoint> ParseUrls(string urls)
    {
        var endpoints = new List<IPEndPoint>();
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var normalized = url.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0");
            if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
                throw new InvalidOperationException($"Web:Urls entry '{url}' is not an http:// URL (terminate TLS in a reverse proxy).");
            var address = uri.IsLoopback && !IPAddress.TryParse(uri.Host, out _)
                ? IPAddress.Loopback
                : IPAddress.Parse(uri.Host.Trim('[', ']'));
            endpoints.Add(new IPEndPoint(address, uri.Port));
        }
        return endpoints;
    }
}
