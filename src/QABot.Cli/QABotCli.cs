using System.CommandLine;
using QABot.Cli.Commands;
using QABot.Cli.Composition;

namespace QABot.Cli;

/// <summary>The `qabot` command tree. Tests run it in-process with their own <see cref="CliEnvironment"/>.</summary>
public static class QABotCli
{
    public static RootCommand Build(CliEnvironment environment)
    {
        var globals = new GlobalOptions(environment);
        var root = new RootCommand("""
            QABot answers questions about Arabic news articles, in Arabic or English, citing each source's title, outlet,
            publication date and article id, and says so when the articles do not contain the answer.

            Start with:  qabot ask "ماذا أهدى بوتين لكيم جونغ أون؟"   (the bundled sample corpus is indexed on first use)
            """)
        {
            globals.DataDir,
            globals.Verbose,
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
        };
        return root;
    }

    public static Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default) =>
        Build(environment).Parse(args).InvokeAsync(new InvocationConfiguration { Output = environment.Out, Error = environment.Error }, cancellationToken);
}
