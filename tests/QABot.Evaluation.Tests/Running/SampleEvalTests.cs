using System.Text.Json;
using Microsoft.Extensions.Configuration;
using QABot.Evaluation.Hosting;
using QABot.Evaluation.Running;
using QABot.Testing;

namespace QABot.Evaluation.Tests.Running;

/// <summary>
/// `qabot eval` end to end on the bundled QA set: the real ingestion pipeline, Lucene index, query planner and
/// extractive answerer over corpus/sample, with the repository's appsettings.json as "the current configuration".
/// </summary>
[Trait("Category", "Eval")]
[Trait("Speed", "Slow")]
public sealed class SampleEvalTests : IClassFixture<SampleEvalTests.SampleRun>
{
    private readonly SampleRun _run;

    public SampleEvalTests(SampleRun run) => _run = run;

    public static ServiceRecipe RepositoryRecipe() => new()
    {
        ContentRoot = RepoPaths.Root,
        BaseSettings = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepoPaths.Root, "appsettings.json"), optional: true).Build()
            .AsEnumerable().Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value),
    };

    public sealed class SampleRun : IAsyncLifetime
    {
        public TempDirectory Output { get; } = new();
        public EvalReport Report { get; private set; } = null!;
        public List<EvalProgress> Progress { get; } = [];

        public async Task InitializeAsync()
        {
            Report = await EvalRunner.RunAsync(new EvalRunOptions
            {
                DatasetPath = Path.Combine(RepoPaths.Root, "eval", "sample-qa.jsonl"),
                CorpusPaths = [RepoPaths.SampleCorpus],
                Configurations = [EvalConfiguration.Parse("bm25"), EvalConfiguration.Current],
                Services = RepositoryRecipe(),
                OutputJsonPath = Output.File("report.json"),
                PlotsDirectory = Output.File("img"),
                MarkdownPath = Output.File("benchmarks.md"),
                CommandLine = "qabot eval eval/sample-qa.jsonl --config bm25 --config current",
                WorkDirectory = Output.Path,
            }, new SynchronousProgress(Progress.Add));
        }

        public Task DisposeAsync()
        {
            Output.Dispose();
            return Task.CompletedTask;
        }
    }

    private sealed class SynchronousProgress(Action<EvalProgress> report) : IProgress<EvalProgress>
    {
        public void Report(EvalProgress value) => report(value);
    }

    [Fact]
    public void Every_question_is_asked_under_both_configurations_on_the_whole_sample_corpus()
    {
        Assert.Equal(["bm25", "current"], _run.Report.Configurations.Select(c => c.Name));
        foreach (var configuration in _run.Report.Configurations)
        {
            Assert.Equal(38, configuration.Questions.Count);
            Assert.Equal(8, configuration.Index.Articles);   // 5 seed articles + 3 appended ones
            Assert.Contains(configuration.Groups, g => g.Group == "all");
        }
        Assert.Contains(_run.Progress, p => p.Phase == "ask" && p.Done == 38);
    }

    [Fact]
    public void Arabic_questions_find_their_articles_and_cite_them_with_the_right_dates()
    {
        var arabic = _run.Report.Configurations.Single(c => c.Name == "current").Group("ar")!;
        Assert.True(arabic.Retrieval!.RecallAt5 >= 0.9, $"ar recall@5 = {arabic.Retrieval.RecallAt5}");
        Assert.True(arabic.Retrieval.Mrr10 >= 0.75, $"ar MRR@10 = {arabic.Retrieval.Mrr10}");
        Assert.True(arabic.Answers.CitationPrecision >= 0.6, $"ar citation precision = {arabic.Answers.CitationPrecision}");
        Assert.True(arabic.Answers.DateScored >= 10);
        Assert.True(arabic.Answers.DateCorrectness >= 0.95, $"ar date correctness = {arabic.Answers.DateCorrectness}");
        Assert.True(arabic.Answers.KeywordRecall >= 0.5, $"ar keyword recall = {arabic.Answers.KeywordRecall}");
    }

    [Fact]
    public void Dictionary_expansion_makes_English_questions_findable()
    {
        var plain = _run.Report.Configurations.Single(c => c.Name == "bm25").Group("en")!;
        var expanded = _run.Report.Configurations.Single(c => c.Name == "current").Group("en")!;
        Assert.True(expanded.Retrieval!.RecallAt5 >= 0.6, $"en recall@5 = {expanded.Retrieval.RecallAt5}");
        Assert.True(expanded.Retrieval.RecallAt5 > plain.Retrieval!.RecallAt5,
            $"expansion {expanded.Retrieval.RecallAt5} vs plain BM25 {plain.Retrieval.RecallAt5}");
    }

    [Fact]
    public void Off_corpus_questions_are_mostly_refused()
    {
        var current = _run.Report.Configurations.Single(c => c.Name == "current");
        var refusals = current.Questions.Where(q => q.ShouldRefuse).ToList();
        Assert.Equal(7, refusals.Count);
        Assert.True(refusals.Count(q => q.Refused) >= 5, $"refused {refusals.Count(q => q.Refused)} of 7 off-corpus questions");
    }

    [Fact]
    public void The_report_chart_and_markdown_section_are_written()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(_run.Output.File("report.json")));
        Assert.Equal("sample-qa", json.RootElement.GetProperty("dataset").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("configurations").GetArrayLength());

        var chart = Assert.Single(_run.Report.Charts);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(chart)[..4]);

        var markdown = File.ReadAllText(_run.Output.File("benchmarks.md"));
        Assert.Contains("<!-- begin:eval-sample-qa -->", markdown);
        Assert.Contains("qabot eval eval/sample-qa.jsonl --config bm25 --config current", markdown);
        Assert.Contains("](img/eval-sample-qa-recall.png)", markdown);
        Assert.Contains("| recall@1", markdown);
    }

    [Fact]
    public void Scratch_data_directories_are_removed()
    {
        Assert.Empty(Directory.GetDirectories(_run.Output.Path, "qabot-eval-*"));
    }

    [Fact]
    public async Task An_llm_configuration_without_an_llm_is_refused_up_front()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EvalRunner.RunAsync(new EvalRunOptions
        {
            DatasetPath = Path.Combine(RepoPaths.Root, "eval", "sample-qa.jsonl"),
            CorpusPaths = [RepoPaths.SampleCorpus],
            Configurations = [EvalConfiguration.Parse("llm:Llm:Endpoint=")],
            Services = RepositoryRecipe(),
            Limit = 1,
        }));
        Assert.Contains("Llm:Endpoint", error.Message);
    }
}
