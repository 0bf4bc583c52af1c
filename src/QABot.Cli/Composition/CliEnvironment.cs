namespace QABot.Cli.Composition;

/// <summary>
/// What a command needs from the outside world: settings shared by every command plus the console streams, injected so
/// tests can run the real command tree in-process.
/// </summary>
/// <param name="Interactive">Both stdout and stderr are a terminal: progress bars and prompts make sense.</param>
public sealed record CliEnvironment(TextWriter Out, TextWriter Error, TextReader In, bool Interactive)
{
    public static CliEnvironment FromConsole() =>
        new(Console.Out, Console.Error, Console.In, !Console.IsOutputRedirected && !Console.IsErrorRedirected)
        {
            OutputIsTerminal = !Console.IsOutputRedirected,
        };

    /// <summary>Standard output is a terminal (not a pipe or file): the only place bidi marks are printed to.</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>Extra configuration (key → value) applied last, e.g. from --data-dir or tests.</summary>
    public IDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();
}
