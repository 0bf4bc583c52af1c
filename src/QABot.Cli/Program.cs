using QABot.Cli;
using QABot.Cli.Composition;

return await QABotCli.RunAsync(args, CliEnvironment.FromConsole());
