using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QABot.Core.Configuration;
using QABot.Core.Diagnostics;

namespace QABot.Cli.Composition;

/// <summary>Options every command accepts, and the one way commands get a composed host and turn failures into exit codes.</summary>
public sealed class GlobalOptions(CliEnvironment environment)
{
    /// <summary>Set when the data directory was chosen explicitly (--data-dir or QABOT_DATA_DIR): an empty one is then not filled with the sample corpus.</summary>
    public const string ExplicitDataDirectoryKey = DataOptions.SectionName + ":Explicit";

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

    public Option<bool> Plain { get; } = new("--plain")
    {
        Description = "Print no bidi marks around Arabic lines and Latin ids (they are printed only to a terminal anyway).",
        Recursive = true,
    };

    public CliEnvironment EnvironmentFor(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>(Environment.Overrides);
        if (parse.GetValue(DataDir) is { Length: > 0 } dataDir)
        {
            overrides[$"{DataOptions.SectionName}:Directory"] = dataDir;
            overrides[ExplicitDataDirectoryKey] = "true";
        }
        return Environment with { Overrides = overrides };
    }

    /// <summary>Builds the host, runs <paramref name="body"/> with its services, and turns expected failures into clear messages.</summary>
    public Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken, Func<IServiceProvider, CancellationToken, Task<int>> body) =>
        GuardAsync(parse, cancellationToken, async token =>
        {
            StartupTrace.Mark("command line parsed");
            var builder = QABotComposition.CreateBuilder(EnvironmentFor(parse), parse.GetValue(Verbose));
            StartupTrace.Mark("host configured");
            using var host = builder.Build();
            StartupTrace.Mark("host built");
            var code = await body(host.Services, token);
            StartupTrace.Mark("command done");
            return code;
        });

    /// <summary>
    /// The boundary of every command and the one exit-code policy: bad input → 2 with its message, Ctrl-C → 130,
    /// any other failure → 1 with one line naming its cause (the stack trace only with --verbose).
    /// </summary>
    public async Task<int> GuardAsync(ParseResult parse, CancellationToken cancellationToken, Func<CancellationToken, Task<int>> body)
    {
        var env = EnvironmentFor(parse);
        try
        {
            return await body(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await env.Error.WriteLineAsync("Cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (BadInputException ex)
        {
            await env.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (DataDirectoryBusyException ex)
        {
            await env.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Busy;
        }
        catch (IndexInUseException ex)
        {
            await env.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.InUse;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await env.Error.WriteLineAsync($"error: {ErrorText.Describe(ex)}");
            if (parse.GetValue(Verbose)) await env.Error.WriteLineAsync(ex.ToString());
            return ExitCodes.Failure;
        }
    }
}

/// <summary>What the user asked for cannot be done as asked (exit code 2); the message says what to change.</summary>
public sealed class BadInputException(string message) : Exception(message);

/// <summary>Exit codes of every command; README.md has the table per command (a test keeps it complete).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>Nothing (or not everything) could be done: a backend, disk or configuration failure.</summary>
    public const int Failure = 1;
    /// <summary>Usage or input error: unknown option, missing or empty argument, unknown id, missing path.</summary>
    public const int BadInput = 2;
    /// <summary>The run finished but some inputs failed (ingest: files or lines; ask -: lines): the rest was done.</summary>
    public const int PartialFailure = 3;
    /// <summary>Another process is writing to the data directory and --no-wait was given: nothing was done.</summary>
    public const int Busy = 4;
    /// <summary>index restore: another process (serve, ask, …) has the index open; nothing was changed.</summary>
    public const int InUse = 5;
    public const int Cancelled = 130;
}
