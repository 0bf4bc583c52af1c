namespace QABot.Cli.Composition;

/// <summary>
/// What a command needs from the outside world: settings shared by every command plus the console streams, injected so
/// tests can run the real command tree in-process.
/// </summary>
public sealed record CliEnvironment(TextWriter Out, TextWriter Error, TextReader In, bool Interactive)
{
    public static CliEnvironment FromConsole() =>
        new(Console.Out, Console.Error, Console.In, !Console.IsOutputRedirected && !Console.IsErrorRedirected);

    /// <summary>Extra configuration (key → value) applied last, e.g. from --data-dir or tests.</summary>
    public IDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();
}
