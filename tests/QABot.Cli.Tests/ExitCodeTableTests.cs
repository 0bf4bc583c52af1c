using System.CommandLine;
using System.Text.RegularExpressions;
using QABot.Cli.Composition;
using QABot.Testing;

namespace QABot.Cli.Tests;

/// <summary>The README's exit-code table covers the command tree as built: a command added later without a row fails here.</summary>
[Trait("Category", "Cli")]
public sealed partial class ExitCodeTableTests
{
    [Fact]
    public void Every_command_has_a_row_in_the_readme_exit_code_table_and_every_row_a_command()
    {
        var root = QABotCli.Build(new CliEnvironment(TextWriter.Null, TextWriter.Null, TextReader.Null, Interactive: false));
        var commands = LeafCommands(root, "").Select(c => c.Name).Order().ToList();

        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var section = readme[readme.IndexOf("### Exit codes", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n#", 1, StringComparison.Ordinal)];
        var rows = TableRow().Matches(section).Select(m => m.Groups["command"].Value).Order().ToList();

        Assert.Equal(commands, rows);
    }

    [Fact]
    public void The_table_names_the_codes_the_boundary_returns()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        Assert.Contains($"| command | {ExitCodes.Success} | {ExitCodes.Failure} | {ExitCodes.BadInput} | {ExitCodes.PartialFailure} | {ExitCodes.Busy} |", readme);
        Assert.Contains($"`{ExitCodes.Cancelled}` interrupted", readme);
        Assert.Contains($"`{ExitCodes.InUse}` in use (`index restore` only", readme);
    }

    [Fact]
    public void Exactly_the_commands_that_take_no_wait_document_the_busy_code()
    {
        var root = QABotCli.Build(new CliEnvironment(TextWriter.Null, TextWriter.Null, TextReader.Null, Interactive: false));
        var waiting = LeafCommands(root, "").Where(c => c.Command.Options.Any(o => o.Name == "--no-wait")).Select(c => c.Name).Order().ToList();

        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var documented = TableRow().Matches(readme)
            .Where(m => ReadmeLine(readme, m.Index).Split('|', StringSplitOptions.TrimEntries)[^2] is not ("–" or ""))
            .Select(m => m.Groups["command"].Value).Order().ToList();

        Assert.Contains("ingest", waiting);
        Assert.Equal(waiting, documented);
    }

    private static string ReadmeLine(string text, int index) => text[index..text.IndexOf('\n', index)];

    private static IEnumerable<(string Name, Command Command)> LeafCommands(Command command, string prefix)
    {
        foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
        {
            var name = (prefix + " " + sub.Name).Trim();
            if (sub.Subcommands.Count == 0) yield return (name, sub);
            else foreach (var leaf in LeafCommands(sub, name)) yield return leaf;
        }
    }


    [GeneratedRegex(@"^\| `(?<command>[a-z][a-z -]*)` \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
