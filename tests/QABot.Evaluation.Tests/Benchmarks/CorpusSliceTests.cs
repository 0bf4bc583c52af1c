using System.IO.Compression;
using QABot.Evaluation.Benchmarks;
using QABot.Testing;

namespace QABot.Evaluation.Tests.Benchmarks;

[Trait("Category", "Eval")]
public sealed class CorpusSliceTests
{
    [Fact]
    public async Task A_slice_holds_the_first_lines_and_counts_their_uncompressed_bytes()
    {
        using var temp = new TempDirectory();
        File.WriteAllLines(temp.File("c.jsonl"), ["{\"id\":1}", "", "{\"id\":\"٢\"}", "{\"id\":3}"]);

        var slice = await CorpusSlice.WriteAsync(temp.File("c.jsonl"), 2, temp.File("s.jsonl.gz"), CancellationToken.None);

        Assert.Equal(2, slice.Lines);   // the blank line is not an article
        Assert.Equal(8 + 1 + 11 + 1, slice.UncompressedBytes);   // «٢» is two UTF-8 bytes; +1 newline each
        using var reader = new StreamReader(new GZipStream(File.OpenRead(slice.Path), CompressionMode.Decompress));
        Assert.Equal("{\"id\":1}\n{\"id\":\"٢\"}\n", reader.ReadToEnd().Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task Only_jsonl_corpora_are_accepted()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("c.txt"), "x");
        await Assert.ThrowsAsync<InvalidDataException>(() => CorpusSlice.WriteAsync(temp.File("c.txt"), 1, temp.File("s.gz"), CancellationToken.None));
        await Assert.ThrowsAsync<FileNotFoundException>(() => CorpusSlice.WriteAsync(temp.File("none.jsonl"), 1, temp.File("s.gz"), CancellationToken.None));
    }

    [Fact]
    public void Latency_summaries_use_interpolated_percentiles_and_wall_time_throughput()
    {
        var summary = LatencySummary.Of([10, 20, 30, 40], TimeSpan.FromSeconds(2));
        Assert.Equal((4, 25.0, 38.5, 25.0, 2.0), (summary.Count, summary.P50Ms, summary.P95Ms, summary.MeanMs, summary.PerSecond));
        Assert.Equal(39.7, summary.P99Ms, 10);   // rank 2.97 → 30 + 0.97·10
    }

    [Fact]
    public void A_pool_with_repeated_questions_is_partitioned_by_distinct_text()
    {
        var (warmup, loads) = QueryLoad.Partition(["a", "b", "a", "c", "b", "d"], warmup: 1, loads: 1, perLoad: 10);
        Assert.Equal(["a"], warmup);
        Assert.Equal(["b", "c", "d"], loads[0]);
    }

    [Fact]
    public void Query_sets_for_each_load_are_disjoint_from_each_other_and_from_the_warmup()
    {
        var pool = Enumerable.Range(0, 11).Select(i => $"q{i}").ToList();
        var (warmup, loads) = QueryLoad.Partition(pool, warmup: 3, loads: 2, perLoad: 3);
        Assert.Equal(["q0", "q1", "q2"], warmup);
        Assert.Equal(["q3", "q5", "q7"], loads[0]);
        Assert.Equal(["q4", "q6", "q8"], loads[1]);

        // A pool too small for the warm-up asked for: the warm-up takes a fair share, the loads still get questions.
        var (smallWarmup, smallLoads) = QueryLoad.Partition(["a", "b", "c", "d"], warmup: 20, loads: 1, perLoad: 10);
        Assert.Equal(["a", "b"], smallWarmup);
        Assert.Equal(["c", "d"], smallLoads[0]);
    }
}
