using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QABot.Answering.Extensions;
using QABot.Core.Configuration;
using QABot.Core.Retrieval;
using QABot.Ingestion.Extensions;
using QABot.Retrieval.Extensions;

namespace QABot.Evaluation.Hosting;

/// <summary>
/// How eval and bench compose the services of one configuration: the application's settings, its content root (for
/// relative resource paths) and its AddXxx calls, over a private data directory so a run never touches the user's index.
/// </summary>
public sealed record ServiceRecipe
{
    /// <summary>
    /// An eval-only switch: "none" removes every query expander (dictionary, gazetteer, LLM) after composition, so a
    /// configuration can measure plain BM25 against the product's expansion.
    /// </summary>
    public const string QueryExpansionKey = "Eval:QueryExpansion";

    /// <summary>The application's configuration, flattened (e.g. <c>configuration.AsEnumerable()</c>).</summary>
    public IReadOnlyDictionary<string, string?> BaseSettings { get; init; } = new Dictionary<string, string?>();

    public string? ContentRoot { get; init; }

    /// <summary>The capabilities to register; the CLI passes its own composition so eval measures what users run.</summary>
    public Action<IHostApplicationBuilder> Compose { get; init; } = ComposeDefault;

    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Warning;

    /// <summary>The model-free stack: embedded Lucene retrieval, ingestion and the extractive answerer.</summary>
    /// <summary>A recipe that runs the application's own configuration and composition (what `qabot ask` would use).</summary>
    public static ServiceRecipe FromApplication(IConfiguration configuration, string contentRoot, Action<IHostApplicationBuilder> compose) => new()
    {
        BaseSettings = configuration.AsEnumerable().Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase),
        ContentRoot = contentRoot,
        Compose = compose,
    };

    public static void ComposeDefault(IHostApplicationBuilder builder)
    {
        builder.AddRetrieval();
        builder.AddIngestion();
        builder.AddAnswering();
    }

    public IHost Build(string dataDirectory, IReadOnlyDictionary<string, string?> overrides)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = ContentRoot ?? Directory.GetCurrentDirectory(),
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(BaseSettings);
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{DataOptions.SectionName}:Directory"] = dataDirectory,
            // With the Qdrant backend configured, a run writes to a collection of its own, never the user's.
            ["Retrieval:Qdrant:Collection"] = "qabot_eval_" + Path.GetFileName(Path.TrimEndingDirectorySeparator(dataDirectory)).Replace('-', '_'),
        });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(MinimumLogLevel);
        builder.Services.AddOptions<DataOptions>().Bind(builder.Configuration.GetSection(DataOptions.SectionName));
        Compose(builder);
        if (string.Equals(builder.Configuration[QueryExpansionKey], "none", StringComparison.OrdinalIgnoreCase))
            builder.Services.RemoveAll<IQueryExpander>();
        return builder.Build();
    }

    /// <summary>Disposes a built host asynchronously: the index is IAsyncDisposable and a synchronous dispose would throw.</summary>
    public static async ValueTask ReleaseAsync(IHost host)
    {
        if (host is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync().ConfigureAwait(false);
        else host.Dispose();
    }
}
