using System.CommandLine;
using System.CommandLine.Invocation;
using QABot.Cli.Commands;
using QABot.Cli.Composition;
using QABot.Cli.Terminal;

namespace QABot.Cli;

/// <summary>The `qabot` command tree. Tests run it in-process with their own <see cref="CliEnvironment"/>.</summary>
public static class QABotCli
{
    public static RootCommand Build(CliEnvironment environment) => Build(environment, out _);

    private static RootCommand Build(CliEnvironment environment, out GlobalOptions globals)
    {
        globals = new GlobalOptions(environment);
        var root = new RootCommand("""
            QABot answers questions about Arabic news articles, in Arabic or English, citing each source's title, outlet,
            publication date and article id, and says so when the articles do not contain the answer.

            Start with:  qabot ask "ماذا أهدى بوتين لكيم جونغ أون؟"   (the bundled sample corpus is indexed on first use)
            """)
        {
            globals.DataDir,
            globals.Verbose,
            globals.Plain,
            AskCommand.Create(globals),
            CheckCommand.Create(globals),
            ChatCommand.Create(globals),
            IngestCommand.Create(globals),
            ArticlesCommand.Create(globals),
            StatsCommand.Create(globals),
            ServeCommand.Create(globals),
            EvalCommand.Create(globals),
            BenchCommand.Create(globals),
            QdrantCommand.Create(globals),
            IndexCommand.Create(globals),
        };
        return root;
    }

    /// <summary>
    /// How long a command may take to stop after Ctrl-C or SIGTERM before the process is ended anyway. The default two
    /// seconds can end `serve` while it still drains requests under load (the SIGTERM fault test saw a nonzero exit); the host's own
    /// shutdown timeout is 30 s, so this leaves it room. Commands that watch their token stop long before.
    /// </summary>
    private static readonly TimeSpan TerminationGrace = TimeSpan.FromSeconds(35);

    /// <summary>
    /// Runs one command line. Policies that hold for every command live here: printed text passes through
    /// <see cref="TerminalSafeWriter"/>, bidi marks go only to a terminal (<see cref="RtlText"/>), and a command line
    /// that does not parse exits with <see cref="ExitCodes.BadInput"/>.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        environment = environment with { Out = TerminalSafeWriter.Wrap(environment.Out), Error = TerminalSafeWriter.Wrap(environment.Error) };
        var parse = Build(environment, out var globals).Parse(args);
        using var marks = RtlText.UseMarks(environment.OutputIsTerminal && !parse.GetValue(globals.Plain));
        var code = await parse.InvokeAsync(new InvocationConfiguration
        {
            Output = environment.Out,
            Error = environment.Error,
            ProcessTerminationTimeout = TerminationGrace,
        }, cancellationToken);
        return parse.Action is ParseErrorAction ? ExitCodes.BadInput : code;
    }
}
