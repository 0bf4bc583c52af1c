using QABot.Cli;
using QABot.Cli.Composition;
using QABot.Testing;

namespace QABot.Cli.Tests;

/// <summary>Runs the real `qabot` command tree in-process against a temporary data directory.</summary>
public sealed class CliRun : IDisposable
{
    private readonly TempDirectory _data = new();

    public string DataDir => _data.Path;

    /// <summary>Configuration applied on top of the test defaults, e.g. another backend.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Runs as if standard output were a terminal (bidi marks are printed only there).</summary>
    public bool OutputIsTerminal { get; set; }

    public Task<(int ExitCode, string Out, string Error)> RunWithInputAsync(string stdin, params string[] args) =>
        RunUntilCancelledAsync(stdin, CancellationToken.None, args);

    /// <param name="cancellation">Stands for Ctrl-C: a long-running command (ingest --watch) stops when it is cancelled.</param>
    public async Task<(int ExitCode, string Out, string Error)> RunUntilCancelledAsync(string stdin, CancellationToken cancellation, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var env = new CliEnvironment(output, error, new StringReader(stdin), Interactive: false)
        {
            OutputIsTerminal = OutputIsTerminal,
            Overrides = new Dictionary<string, string?>
            {
                ["Data:Directory"] = _data.Path,
                ["Data:SampleCorpus"] = RepoPaths.SampleCorpus,
                // Keep the tests independent of any endpoint configured on the machine running them.
                ["Llm:Endpoint"] = "",
                ["Embeddings:Endpoint"] = "",
                ["Retrieval:Backend"] = "Embedded",
            },
        };
        foreach (var (key, value) in Settings) env.Overrides[key] = value;
        var code = await QABotCli.RunAsync(args, env, cancellation);
        // An unexpected failure should show its message in the test output, not just "1 != 0".
        if (code == 1) Console.Error.WriteLine($"qabot {string.Join(' ', args)} failed:\n{error}");
        return (code, output.ToString(), error.ToString());
    }

    public Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) => RunWithInputAsync("", args);

    public void Dispose() => _data.Dispose();
}
