using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QABot.Core.Configuration;

namespace QABot.Cli.Composition;

/// <summary>Options every command accepts, and the one way commands get a composed host.</summary>
public sealed class GlobalOptions(CliEnvironment environment)
{
    public CliEnvironment Environment { get; } = environment;

    public Option<string?> DataDir { get; } = new("--data-dir")
    {
        Description = "Where the index lives (default ./data, or env QABOT_DATA_DIR).",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Log diagnostics to stderr.",
        Recursive = true,
    };

    public CliEnvironment EnvironmentFor(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>(Environment.Overrides);
        if (parse.GetValue(DataDir) is { Length: > 0 } dataDir) overrides[$"{DataOptions.SectionName}:Directory"] = dataDir;
        return Environment with { Overrides = overrides };
    }

    /// <summary>Builds the host, runs <paramref name="body"/> with its services, and turns expected failures into clear messages.</summary>
    public async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken, Func<IServiceProvider, CancellationToken, Task<int>> body)
    {
        var env = EnvironmentFor(parse);
        try
        {
            using var host = QABotComposition.CreateBuilder(env, parse.GetValue(Verbose)).Build();
            return await body(host.Services, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await env.Error.WriteLineAsync("Cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The boundary of every command: a failing backend or a bad setting is a one-line message, not a stack trace.
            await env.Error.WriteLineAsync($"error: {ex.Message}");
            if (parse.GetValue(Verbose)) await env.Error.WriteLineAsync(ex.ToString());
            return ExitCodes.Failure;
        }
    }
}

public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
    /// <summary>The run finished but some inputs failed (ingest): the rest was committed.</summary>
    public const int PartialFailure = 3;
    public const int Cancelled = 130;
}
