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
}
