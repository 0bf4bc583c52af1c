using QABot.Cli.Composition;
using QABot.Testing;

namespace QABot.Cli.Tests;

/// <summary>Ingest's exit codes and summary: nothing ingested is a failure, passed-over files are counted, each failure is listed once.</summary>
[Trait("Category", "Cli")]
public sealed class IngestCommandTests : IDisposable
{
    private readonly CliRun _cli = new();
    private readonly TempDirectory _scratch = new();

    public void Dispose()
    {
        _cli.Dispose();
        _scratch.Dispose();
    }

    [Fact]
    public async Task Ingesting_nothing_but_failures_is_a_failure_not_a_partial_success()
    {
        var png = Path.Combine(_scratch.Path, "photo.png");
        await File.WriteAllBytesAsync(png, [0x89, 0x50, 0x4E, 0x47]);
        var broken = Path.Combine(_scratch.Path, "broken.jsonl");
        await File.WriteAllTextAsync(broken, "{not json\n");

        Assert.Equal(ExitCodes.Failure, (await _cli.RunAsync("ingest", png)).ExitCode);
        Assert.Equal(ExitCodes.Failure, (await _cli.RunAsync("ingest", broken)).ExitCode);
    }

    [Fact]
    public async Task Files_passed_over_in_a_folder_are_reported_in_the_summary()
    {
        await File.WriteAllBytesAsync(Path.Combine(_scratch.Path, "photo.png"), [0x89, 0x50, 0x4E, 0x47]);
        await File.WriteAllTextAsync(Path.Combine(_scratch.Path, "notes.pdf"), "%PDF");
        await File.WriteAllTextAsync(Path.Combine(_scratch.Path, "a.jsonl"),
            """{"id":"n1","title":"خبر","body":"افتتح وزير الصحة مستشفى جديدا في مدينة حمص اليوم."}""" + "\n");

        var (code, output, error) = await _cli.RunAsync("ingest", _scratch.Path);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("passed over 2 non-article files", output);
        Assert.Contains(".png", error);
        Assert.Contains(".pdf", error);
    }

    [Fact]
    public async Task Ingest_progress_and_summary_list_each_failure_once()
    {
        var file = Path.Combine(_scratch.Path, "mixed.jsonl");
        await File.WriteAllTextAsync(file,
            """{"id":"n1","title":"خبر","body":"افتتح وزير الصحة مستشفى جديدا في مدينة حمص اليوم."}""" + "\n{broken\n");

        var (code, _, error) = await _cli.RunAsync("ingest", file);

        Assert.Equal(ExitCodes.PartialFailure, code);
        Assert.Single(error.Split('\n'), l => l.Contains("mixed.jsonl:2"));
        Assert.DoesNotContain("warn:", error);
    }
}
