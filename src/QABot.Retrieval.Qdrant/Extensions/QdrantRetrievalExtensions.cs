using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QABot.Core.Retrieval;
using QABot.Retrieval.Options;
using QABot.Retrieval.Qdrant.Connection;
using QABot.Retrieval.Qdrant.Index;
using QABot.Retrieval.Qdrant.Options;

namespace QABot.Retrieval.Qdrant.Extensions;

public static class QdrantRetrievalExtensions
{
    public const string BackendKey = "Retrieval:Backend";
    public const string EmbeddedBackend = RetrievalBackends.Embedded;
    public const string QdrantBackend = RetrievalBackends.Qdrant;

    /// <summary>
    /// Registers the official Qdrant client over one gRPC channel (<see cref="QdrantConnection"/>: api key, TLS,
    /// deadlines, retries of transient statuses) and <see cref="QdrantArticleIndex"/>. When the effective backend is
    /// Qdrant (see <see cref="EffectiveBackend"/>) it replaces the <see cref="IArticleIndex"/> registered before it, so
    /// call it after AddRetrieval.
    /// </summary>
    public static IHostApplicationBuilder AddQdrantRetrieval(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<QdrantOptions>()
            .Bind(builder.Configuration.GetSection(QdrantOptions.SectionName))
            .PostConfigure(options => ApplyEnvironment(options, builder.Configuration))
            .Validate(o => o.UpsertBatchSize > 0, "Retrieval:Qdrant:UpsertBatchSize must be positive.")
            .Validate(o => o.TimeoutSeconds > 0, "Retrieval:Qdrant:TimeoutSeconds must be positive.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Collection), "Retrieval:Qdrant:Collection is empty.")
            .Validate(o => o.ShardNumber >= 1 && o.ReplicationFactor >= 1 && o.WriteConsistencyFactor >= 1,
                "Retrieval:Qdrant: ShardNumber, ReplicationFactor and WriteConsistencyFactor must be at least 1.");
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QdrantOptions>, QdrantUrlValidation>());

        services.TryAddSingleton<QdrantRequestCounter>();
        services.TryAddSingleton<QdrantConnection>();
        services.TryAddSingleton<QdrantArticleIndex>();

        if (EffectiveBackend(builder.Configuration) == QdrantBackend)
        {
            if (!ConfiguredUrl(builder.Configuration))
                throw new InvalidOperationException(
                    $"{BackendKey} is Qdrant but no Qdrant URL is configured: set Retrieval:Qdrant:Url or {QdrantOptions.UrlVariable}.");
            services.RemoveAll<IArticleIndex>();
            services.AddSingleton<IArticleIndex>(sp => sp.GetRequiredService<QdrantArticleIndex>());
            // Whatever reads Retrieval:Backend (status output, diagnostics) sees the backend actually in use.
            services.PostConfigure<RetrievalOptions>(o => o.Backend = RetrievalBackends.Qdrant);
        }
        return builder;
    }

    /// <summary>
    /// "Embedded" or "Qdrant". A backend set outside the appsettings files (environment <c>Retrieval__Backend</c>,
    /// command line, in-memory) wins; otherwise a non-empty <c>QDRANT_URL</c> selects Qdrant; otherwise
    /// <c>Retrieval:Backend</c> from appsettings (default Embedded).
    /// </summary>
    public static string EffectiveBackend(IConfiguration configuration)
    {
        var explicitBackend = configuration is IConfigurationRoot root
            ? root.Providers.Reverse().Where(p => p is not FileConfigurationProvider)
                .Select(p => p.TryGet(BackendKey, out var value) ? value : null).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
            : null;
        var backend = explicitBackend
            ?? (!string.IsNullOrWhiteSpace(configuration[QdrantOptions.UrlVariable]) ? QdrantBackend : configuration[BackendKey])
            ?? EmbeddedBackend;
        return backend.Equals(QdrantBackend, StringComparison.OrdinalIgnoreCase) ? QdrantBackend
            : backend.Equals(EmbeddedBackend, StringComparison.OrdinalIgnoreCase) ? EmbeddedBackend
            : throw new InvalidOperationException($"{BackendKey} is '{backend}': use Embedded or Qdrant.");
    }

    private static bool ConfiguredUrl(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[QdrantOptions.UrlVariable]) ||
        !string.IsNullOrWhiteSpace(configuration[QdrantOptions.SectionName + ":Url"]);

    /// <summary>
    /// QDRANT_URL and QDRANT_API_KEY arrive through the configuration's environment-variable provider (the host adds it),
    /// which keeps this testable without touching the process environment.
    /// </summary>
    private static void ApplyEnvironment(QdrantOptions options, IConfiguration configuration)
    {
        if (configuration[QdrantOptions.UrlVariable] is { Length: > 0 } url) options.Url = url;
        if (configuration[QdrantOptions.ApiKeyVariable] is { Length: > 0 } key) options.ApiKey = key;
    }
}

/// <summary>A URL that cannot be Qdrant's gRPC endpoint (the REST port 6333, no scheme) fails at startup with the reason.</summary>
internal sealed class QdrantUrlValidation : IValidateOptions<QdrantOptions>
{
    public ValidateOptionsResult Validate(string? name, QdrantOptions options) =>
        options.UrlProblem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
