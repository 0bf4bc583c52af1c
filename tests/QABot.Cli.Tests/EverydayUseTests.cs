using QABot.Cli.Composition;
using QABot.Testing;

namespace QABot.Cli.Tests;

/// <summary>Small things a new user meets first: stats and list agree, chat knows its commands, eval leaves tracked docs alone.</summary>
[Trait("Category", "Cli")]
public sealed class EverydayUseTests : IDisposable
{
    private readonly CliRun _cli = new();
    private readonly TempDirectory _scratch = new();

    public void Dispose()
    {
        _cli.Dispose();
        _scratch.Dispose();
    }

    [Fact]
    public async Task Stats_prints_a_dash_for_articles_without_an_outlet_as_articles_list_does()
    {
        var file = Path.Combine(_scratch.Path, "no-outlet.jsonl");
        await File.WriteAllTextAsync(file, """{"id":"n1","title":"خبر","body":"افتتح وزير الصحة مستشفى جديدا في مدينة حمص اليوم."}""" + "\n");
        await _cli.RunAsync("ingest", file);

        var (_, stats, _) = await _cli.RunAsync("stats");
        var (_, list, _) = await _cli.RunAsync("articles", "list");

        Assert.Contains(stats.Split('\n'), l => l.Trim() == "1  -");
        Assert.Contains("  -  ", list);
    }

    [Fact]
    public async Task Chat_answers_unknown_slash_commands_and_explains_sources_after_a_refusal()
    {
        var (code, output, _) = await _cli.RunWithInputAsync("/foo\nWhat is the capital of Australia?\n/sources\n/exit\n", "chat");

        Assert.Equal(0, code);
        Assert.Contains("Unknown command /foo", output);
        Assert.Contains("the articles do not contain it", output);
        Assert.DoesNotContain("No sources yet", output);
    }

    [Fact]
    public async Task Eval_leaves_tracked_docs_alone_unless_asked_to_write_them()
    {
        var docs = Path.Combine(_scratch.Path, "docs");
        Directory.CreateDirectory(docs);
        var dataset = Path.Combine(RepoPaths.Root, "eval", "sample-qa.jsonl");

        var (code, _, _) = await _cli.RunAsync("eval", dataset, "--limit", "1", "--docs", docs);
        Assert.Equal(0, code);
        Assert.Empty(Directory.GetFileSystemEntries(docs));

        (code, _, _) = await _cli.RunAsync("eval", dataset, "--limit", "1", "--docs", docs, "--write-docs");
        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.Combine(docs, "benchmarks.md")));
    }

    [Fact]
    public async Task The_shipped_example_batch_answers_each_line_and_refuses_the_off_corpus_one()
    {
        var questions = Path.Combine(RepoPaths.Root, "eval", "questions.txt");
        var lines = File.ReadAllLines(questions).Where(l => l.Trim().Length > 0).ToList();

        var (code, output, _) = await _cli.RunWithInputAsync(File.ReadAllText(questions), "ask", "--json", "-");

        Assert.Equal(0, code);
        var answers = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(lines, answers.Select(a => a.GetProperty("question").GetString()));
        Assert.True(answers[^1].GetProperty("refused").GetBoolean(), "the last example is the one the corpus cannot answer");
        Assert.All(answers.SkipLast(1), a => Assert.False(a.GetProperty("refused").GetBoolean(), a.GetProperty("question").GetString()));
    }

    [Fact]
    public async Task The_launcher_reports_each_build_step_instead_of_staying_silent()
    {
        // A copy of the real launcher in a scratch tree, with a stand-in `dotnet` on PATH that prints what MSBuild
        // prints per project and "runs" the CLI: the launcher's own reporting is what is tested, not the compiler.
        var root = _scratch.Path;
        File.Copy(Path.Combine(RepoPaths.Root, "qabot"), Path.Combine(root, "qabot"));
        Directory.CreateDirectory(Path.Combine(root, "scripts"));
        Directory.CreateDirectory(Path.Combine(root, "src", "QABot.Cli"));
        Directory.CreateDirectory(Path.Combine(root, "bin"));
        await File.WriteAllTextAsync(Path.Combine(root, "scripts", "ensure-deps.sh"), "#!/bin/sh\nexit 0\n");
        await File.WriteAllTextAsync(Path.Combine(root, "bin", "dotnet"), """
            #!/bin/sh
            case "$1" in
              publish) echo "  QABot.Core -> /x/QABot.Core.dll"; echo "  QABot.Cli -> /x/qabot.dll"; mkdir -p "$QABOT_ROOT/artifacts/cli"; touch "$QABOT_ROOT/artifacts/cli/qabot.dll" ;;
              *) echo "ran $*" ;;
            esac
            """.Replace("\r", ""));
        foreach (var script in new[] { "qabot", "scripts/ensure-deps.sh", "bin/dotnet" })
            File.SetUnixFileMode(Path.Combine(root, script), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var start = new System.Diagnostics.ProcessStartInfo(Path.Combine(root, "qabot"), ["--help"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PATH"] = Path.Combine(root, "bin") + ":" + Environment.GetEnvironmentVariable("PATH");
        using var launcher = System.Diagnostics.Process.Start(start)!;
        var error = await launcher.StandardError.ReadToEndAsync();
        var output = await launcher.StandardOutput.ReadToEndAsync();
        await launcher.WaitForExitAsync();

        Assert.Equal(0, launcher.ExitCode);
        Assert.Contains("qabot: restoring packages", error);
        Assert.Contains("qabot:   built QABot.Core (", error);
        Assert.Contains("qabot:   built QABot.Cli (", error);
        Assert.Contains("qabot: built in ", error);
        Assert.StartsWith("ran ", output);
    }
}
