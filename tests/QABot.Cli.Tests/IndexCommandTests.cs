using System.Text.Json;
using QABot.Cli.Composition;
using QABot.Retrieval.Lucene;
using QABot.Testing;

namespace QABot.Cli.Tests;

/// <summary>`qabot index check|repair|snapshot|restore` on real indexes, and the first-run rule that protects a lost one.</summary>
[Trait("Category", "Cli")]
public sealed class IndexCommandTests : IDisposable
{
    private readonly CliRun _cli = new();
    private readonly TempDirectory _scratch = new();

    private string Lucene => Path.Combine(_cli.DataDir, LuceneArticleIndex.DirectoryName);

    public void Dispose()
    {
        _cli.Dispose();
        _scratch.Dispose();
    }

    [Fact]
    public async Task A_snapshot_taken_while_a_reader_is_open_restores_that_commit_and_keeps_the_replaced_index()
    {
        await IngestAsync(RepoPaths.SampleCorpus);
        var sample = await ArticlesAsync();
        var snapshot = _scratch.File("snapshot");
        // A reader holding the index open, as `serve` does.
        await using (var serving = new LuceneArticleIndex(Lucene))
        {
            Assert.Equal(sample, (await serving.GetStatsAsync()).Articles);
            var (code, output, error) = await _cli.RunAsync("index", "snapshot", snapshot);
            Assert.True(code == ExitCodes.Success, error);
            Assert.Contains($"{sample} articles", output);
        }
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(snapshot, LuceneIndexMaintenance.SnapshotManifestFileName))).RootElement;
        Assert.Equal(sample, manifest.GetProperty("articles").GetInt32());

        await IngestAsync(SyntheticArticles.Write(_scratch.File("more.jsonl"), "more", 10));
        Assert.Equal(sample + 10, await ArticlesAsync());

        var restore = await _cli.RunAsync("index", "restore", snapshot);
        Assert.True(restore.ExitCode == ExitCodes.Success, restore.Error);
        Assert.Equal(sample, await ArticlesAsync());
        var backup = Assert.Single(Directory.GetDirectories(_cli.DataDir, "lucene.before-restore-*"));
        Assert.Contains(backup, restore.Out);
        await using var replaced = new LuceneArticleIndex(backup);
        Assert.Equal(sample + 10, (await replaced.GetStatsAsync()).Articles);
    }

    [Fact]
    public async Task A_snapshot_with_a_modified_file_is_refused_and_the_index_is_left_as_it_was()
    {
        await IngestAsync(RepoPaths.SampleCorpus);
        var snapshot = _scratch.File("snapshot");
        Assert.Equal(ExitCodes.Success, (await _cli.RunAsync("index", "snapshot", snapshot)).ExitCode);
        await IngestAsync(SyntheticArticles.Write(_scratch.File("more.jsonl"), "more", 10));
        var damaged = Directory.EnumerateFiles(snapshot, "*.fdt").First();
        var held = await ArticlesAsync();
        await using (var stream = File.OpenWrite(damaged)) stream.WriteByte(0xFF);

        var (code, _, error) = await _cli.RunAsync("index", "restore", snapshot);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("differs from the manifest", error);
        Assert.Equal(held, await ArticlesAsync());
        Assert.Empty(Directory.GetDirectories(_cli.DataDir, "lucene.before-*"));
    }

    [Fact]
    public async Task Repair_drops_an_unreadable_segment_after_a_backup_and_says_what_was_lost()
    {
        await IngestAsync(RepoPaths.SampleCorpus);
        var sample = await ArticlesAsync();
        var sampleSegments = Segments();
        await IngestAsync(SyntheticArticles.Write(_scratch.File("more.jsonl"), "more", 40));
        var lost = Segments().Except(sampleSegments).First();
        File.Delete(Path.Combine(Lucene, $"{lost}.fdt"));

        var check = await _cli.RunAsync("index", "check");
        Assert.Equal(ExitCodes.Failure, check.ExitCode);
        Assert.Contains(check.Out.Split('\n'), line => line.Contains(lost, StringComparison.Ordinal) && line.Contains("BROKEN", StringComparison.Ordinal));
        Assert.Equal(ExitCodes.BadInput, (await _cli.RunAsync("index", "repair")).ExitCode);

        var (code, output, error) = await _cli.RunAsync("index", "repair", "--yes");

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains($"dropped segment {lost}", output);
        var backup = Assert.Single(Directory.GetDirectories(_cli.DataDir, "lucene.before-repair-*"));
        Assert.True(File.Exists(Path.Combine(backup, $"{lost}.si")));
        Assert.Equal(ExitCodes.Success, (await _cli.RunAsync("index", "check")).ExitCode);
        // The sample corpus was in segments of its own: all of it is still there, and only some of the 40 are gone.
        var left = await ArticlesAsync();
        Assert.InRange(left, sample, sample + 39);
        Assert.Equal(ExitCodes.Success, (await _cli.RunAsync("articles", "show", "004_ed7c3fead92d0ce9")).ExitCode);
    }

    private List<string> Segments() => Directory.EnumerateFiles(Lucene, "*.si").Select(f => Path.GetFileNameWithoutExtension(f)!).ToList();

    [Fact]
    public async Task A_data_directory_that_held_an_index_is_not_refilled_with_the_sample_corpus()
    {
        // CliRun's data directory counts as the default one: the first question fills it with the sample corpus.
        Assert.Equal(ExitCodes.Success, (await _cli.RunAsync("ask", "ماذا أهدى بوتين لكيم جونغ أون؟")).ExitCode);
        Directory.Delete(Lucene, recursive: true);

        var (code, _, error) = await _cli.RunAsync("ask", "ماذا أهدى بوتين لكيم جونغ أون؟");

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("has held articles", error);
        Assert.Equal(0, await ArticlesAsync());
    }

    private async Task IngestAsync(string path)
    {
        var (code, _, error) = await _cli.RunAsync("ingest", path);
        Assert.True(code == ExitCodes.Success, error);
    }

    private async Task<int> ArticlesAsync()
    {
        var (code, output, error) = await _cli.RunAsync("stats", "--json");
        Assert.True(code == ExitCodes.Success, error);
        return JsonDocument.Parse(output).RootElement.GetProperty("articles").GetInt32();
    }
}
