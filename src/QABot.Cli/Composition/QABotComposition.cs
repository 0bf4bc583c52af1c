using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QABot.Answering.Extensions;
using QABot.Answering.Llm.Extensions;
using QABot.Core.Configuration;
using QABot.Ingestion.Extensions;
using QABot.Retrieval.Extensions;
using QABot.Retrieval.Qdrant.Extensions;


namespace QABot.Cli.Composition;

/// <summary>
/// Composes the one generic host every command runs in: configuration (appsettings.json beside the app or under
/// QABOT_ROOT, environment, command-line overrides) and every capability's AddXxx extension.
/// </summary>
public static class QABotComposition
{
    /// <summary>The folder holding appsettings.json and the bundled sample corpus: QABOT_ROOT (set by ./qabot) or the app folder.</summary>
    public static string ContentRoot =>
        Environment.GetEnvironmentVariable("QABOT_ROOT") is { Length: > 0 } root && Directory.Exists(root)
            ? Path.GetFullPath(root)
            : AppContext.BaseDirectory;

    public static HostApplicationBuilder CreateBuilder(CliEnvironment environment, bool verbose = false)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = ContentRoot,
            EnvironmentName = Environments.Production,
            DisableDefaults = true,
        });
        ConfigureSources(builder.Configuration, builder.Environment.ContentRootPath, environment);
        ConfigureLogging(builder.Logging, builder.Configuration, verbose);
        builder.AddQABot();
        return builder;
    }

    /// <summary>Shared by the plain host and the web host of `qabot serve`.</summary>
    public static void ConfigureSources(IConfigurationBuilder configuration, string contentRoot, CliEnvironment environment)
    {
        configuration.AddJsonFile(Path.Combine(contentRoot, "appsettings.json"), optional: true, reloadOnChange: false);
        configuration.AddEnvironmentVariables();
        var aliases = new Dictionary<string, string?>();
        if (Environment.GetEnvironmentVariable("QABOT_DATA_DIR") is { Length: > 0 } dataDir)
        {
            aliases[$"{DataOptions.SectionName}:Directory"] = dataDir;
            aliases[GlobalOptions.ExplicitDataDirectoryKey] = "true";
        }
        configuration.AddInMemoryCollection(aliases);
        configuration.AddInMemoryCollection(environment.Overrides);
    }

    public static void ConfigureLogging(ILoggingBuilder logging, IConfiguration configuration, bool verbose)
    {
        logging.ClearProviders();
        logging.AddConfiguration(configuration.GetSection("Logging"));
        // Logs go to stderr so `ask --json` output on stdout stays machine-readable.
        logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = null; });
        logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Warning);
        logging.AddFilter("QABot", verbose ? LogLevel.Debug : LogLevel.Warning);
        // Retries are reported by the failure they end in (a one-line error); each attempt's stack trace is for --verbose.
        logging.AddFilter("Polly", verbose ? LogLevel.Warning : LogLevel.None);
    }

    /// <summary>Every capability, in dependency order; later registrations replace defaults (Qdrant over Lucene, LLM over extractive).</summary>
    public static IHostApplicationBuilder AddQABot(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DataOptions>().Bind(builder.Configuration.GetSection(DataOptions.SectionName));
        builder.AddRetrieval();
        builder.AddQdrantRetrieval();
        builder.AddIngestion();
        builder.AddAnswering();
        builder.AddLlmAnswering();
        builder.Services.AddSingleton<SampleCorpusBootstrapper>();
        return builder;
    }
}
