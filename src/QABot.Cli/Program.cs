using QABot.Cli;
using QABot.Cli.Composition;
using QABot.Core.Diagnostics;

StartupTrace.Mark("main entered");

return await QABotCli.RunAsync(args, CliEnvironment.FromConsole());
