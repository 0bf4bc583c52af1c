using System.IO.Compression;
using System.Text.Json;
using QABot.Evaluation.Benchmarks;
using QABot.Evaluation.Tests.Running;
using QABot.Testing;

namespace QABot.Evaluation.Tests.Benchmarks;

/// <summary>
/// Both benchmarks end to end on a small generated corpus through the real pipeline and index. Nothing here asserts a
/// speed (that is what the commands measure); it asserts the counts, files and hand-off between the two.
/// </summary>
[Trait("Category", "Eval")]
[Trait("Speed", "Slow")]
public sealed class BenchRunnerTests
{
    private static readonly string[] Topics = ["الاقتصاد", "الرياضة", "السياسة", "الثقافة", "الصحة", "التعليم", "الطاقة", "الزراعة"];

    /// <summary>40 articles, the last 5 repeating earlier bodies under new ids (as the ANT corpus repeats URLs).</summary>
    private static string WriteCorpus(TempDirectory temp)
    {
        var path = temp.File("corpus.jsonl.gz");
        using var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        using var writer = new StreamWriter(gzip);
        for (var i = 0; i < 40; i++)
        {
            var n = i < 35 ? i : i - 35;
            var topic = Topics[n % Topics.Length];
            writer.WriteLine(JsonSerializer.Serialize(new
            {
                id = $"a{i:000}",
                title = $"تقرير {topic} رقم {n} عن تطورات {topic} في المنطقة",
                source = "اختبار",
                published = "2018-02-18T21:35:43+04:00",
                body = $"يتناول هذا التقرير رقم {n} موضوع {topic} بالتفصيل. وقال المسؤولون إن قطاع {topic} شهد تطورات مهمة خلال العام. " +
                       $"وأضافوا أن الخطة رقم {n} تهدف إلى تحسين {topic} في السنوات المقبلة عبر برامج جديدة ومشاريع مشتركة.",
            }));
        }
        return path;
    }

    [Fact]
    public async Task Ingest_bench_measures_every_size_and_hands_the_largest_index_to_the_query_bench()
    {
        using var temp = new TempDirectory();
        var corpus = WriteCorpus(temp);
        var kept = temp.File("kept-index");

        var ingest = await BenchRunner.RunIngestAsync(new IngestBenchOptions
        {
            CorpusPath = corpus,
            Sizes = [10, int.MaxValue, 100],   // 100 exceeds the corpus: its 40 articles and 60 synthetic copies
            Queries = 5,
            Services = SampleEvalTests.RepositoryRecipe(),
            WorkDirectory = temp.Path,
            KeepIndexDirectory = kept,
            OutputJsonPath = temp.File("ingest.json"),
            PlotsDirectory = temp.File("img"),
            MarkdownPath = temp.File("benchmarks.md"),
            CommandLine = "qabot bench ingest corpus.jsonl.gz",
        });

        Assert.Equal([10, 40, 100], ingest.Steps.Select(s => s.Lines));
        Assert.Equal([0, 0, 60], ingest.Steps.Select(s => s.Synthetic));
        var all = ingest.Steps[1];
        Assert.Equal((35, 5, 0), (all.StoredArticles, all.Duplicates, all.Failed));
        Assert.True(all.Chunks >= all.StoredArticles);
        Assert.True(all.IndexMegabytes > 0 && all.PeakWorkingSetMegabytes > 0 && all.InputMegabytes > 0);
        Assert.Equal(5, all.Query.FirstPass.Count);
        Assert.Equal(5, all.Query.Warm.Count);
        Assert.Null(all.ColdAsk);   // no launcher given
        // Synthetic copies are new bodies: dedup does not collapse them onto the real articles.
        var extended = ingest.Steps[^1];
        Assert.Equal((95, 5, 0), (extended.StoredArticles, extended.Duplicates, extended.Failed));
        Assert.Equal(Path.GetFullPath(kept), ingest.KeptIndex);
        Assert.Equal(2, ingest.Charts.Count);
        Assert.All(ingest.Charts, chart => Assert.True(new FileInfo(chart).Length > 1000));
        Assert.Contains("<!-- begin:bench-ingest -->", File.ReadAllText(temp.File("benchmarks.md")));
        Assert.Empty(Directory.GetDirectories(temp.Path, "qabot-bench-*"));   // slices and smaller indexes removed

        var query = await BenchRunner.RunQueryAsync(new QueryBenchOptions
        {
            DataDirectory = kept,
            Queries = 12,
            Clients = [1, 3],
            Warmup = 2,
            Services = SampleEvalTests.RepositoryRecipe(),
            MarkdownPath = temp.File("benchmarks.md"),
        });

        Assert.Equal(95, query.IndexedArticles);   // the kept index is the largest size
        Assert.Equal([1, 3], query.Loads.Select(l => l.Clients));
        Assert.All(query.Loads, l => Assert.Equal(12, l.FirstPass.Count));
        Assert.Equal(2, query.Warmup);
        var markdown = File.ReadAllText(temp.File("benchmarks.md"));
        Assert.Contains("<!-- begin:bench-ingest -->", markdown);   // the other section is kept
        Assert.Contains("<!-- begin:bench-query -->", markdown);
    }

    [Fact]
    public async Task Given_questions_are_split_so_no_timed_question_was_asked_before()
    {
        using var temp = new TempDirectory();
        var kept = temp.File("index");
        await BenchRunner.RunIngestAsync(new IngestBenchOptions
        {
            CorpusPath = WriteCorpus(temp), Sizes = [int.MaxValue], Queries = 1, Services = SampleEvalTests.RepositoryRecipe(),
            WorkDirectory = temp.Path, KeepIndexDirectory = kept,
        });
        string[] questions = ["تطورات الاقتصاد", "قطاع الرياضة", "خطة السياسة", "برامج الثقافة", "مشاريع الصحة", "تطورات التعليم"];

        var report = await BenchRunner.RunQueryAsync(new QueryBenchOptions
        {
            DataDirectory = kept, Questions = [.. questions, questions[0]], Warmup = 2, Clients = [1, 2], Queries = 10,
            Services = SampleEvalTests.RepositoryRecipe(),
        });

        // 6 distinct questions: 2 warm the process up, the other 4 are split between the two loads, none repeated.
        Assert.Equal(2, report.Warmup);
        Assert.Equal([2, 2], report.Loads.Select(l => l.FirstPass.Count));

        var tooFew = await Assert.ThrowsAsync<InvalidOperationException>(() => BenchRunner.RunQueryAsync(new QueryBenchOptions
        {
            DataDirectory = kept, Questions = ["تطورات الاقتصاد"], Warmup = 2, Clients = [1, 2], Services = SampleEvalTests.RepositoryRecipe(),
        }));
        Assert.Contains("too few", tooFew.Message);
    }

    [Fact]
    public async Task A_kept_index_folder_that_is_not_empty_is_never_overwritten()
    {
        using var temp = new TempDirectory();
        var corpus = WriteCorpus(temp);
        Directory.CreateDirectory(temp.File("busy"));
        File.WriteAllText(temp.File("busy/keep.txt"), "x");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BenchRunner.RunIngestAsync(new IngestBenchOptions
        {
            CorpusPath = corpus, Sizes = [10], Queries = 1, Services = SampleEvalTests.RepositoryRecipe(),
            WorkDirectory = temp.Path, KeepIndexDirectory = temp.File("busy"),
        }));
        Assert.Contains("not empty", error.Message);
        Assert.True(File.Exists(temp.File("busy/keep.txt")));
    }

    [Fact]
    public async Task The_query_bench_refuses_an_empty_index()
    {
        using var temp = new TempDirectory();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BenchRunner.RunQueryAsync(new QueryBenchOptions
        {
            DataDirectory = temp.File("empty"), Services = SampleEvalTests.RepositoryRecipe(),
        }));
        Assert.Contains("is empty", error.Message);
    }
}
