using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using QABot.Answering.Extractive;
using QABot.Core.Answering;
using QABot.Core.Retrieval;
using QABot.Evaluation.Datasets;
using QABot.Evaluation.Hosting;
using QABot.Evaluation.Plots;
using QABot.Evaluation.Reports;
using QABot.Ingestion;

namespace QABot.Evaluation.Running;

/// <summary>
/// `qabot eval`: indexes a QA set's articles once per configuration into a private data directory, asks every
/// question through the configuration's own planner, index and answerer, and scores retrieval, answers, citations,
/// refusals and latency.
/// </summary>
public static class EvalRunner
{
    /// <summary>Chunks fetched per question: enough to fill the top 10 distinct articles when articles have several chunks.</summary>
    public const int SearchDepth = 50;

    /// <summary>Questions asked untimed first, so JIT, lazy loading and cold caches do not land on the measured questions.</summary>
    public const int WarmupQuestions = 5;

    public static async Task<EvalReport> RunAsync(EvalRunOptions options, IProgress<EvalProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Configurations.Count == 0) throw new ArgumentException("At least one configuration is needed.", nameof(options));
        var duplicate = options.Configurations.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"Configuration \"{duplicate.Key}\" is given twice; give each a distinct name.", nameof(options));

        var dataset = DatasetLoader.Load(options.DatasetPath, options.CorpusPaths, options.Limit);
        if (!options.IncludeUnanswerable) dataset = dataset with { HoldOut = null };

        var started = DateTimeOffset.Now;
        var clock = Stopwatch.StartNew();
        var results = new List<ConfigurationResult>();
        foreach (var configuration in options.Configurations)
            results.Add(await RunConfigurationAsync(dataset, configuration, options, progress, cancellationToken).ConfigureAwait(false));

        var report = new EvalReport
        {
            Dataset = dataset.Name,
            Format = dataset.Format,
            DatasetPath = dataset.Path,
            Limit = options.Limit,
            CommandLine = options.CommandLine,
            StartedAt = started,
            Elapsed = clock.Elapsed,
            Configurations = results,
        };

        var charts = new List<string>();
        if (options.PlotsDirectory is { } plots)
            charts.Add(RecallCurveChart.Write(report, Path.Combine(plots, $"eval-{dataset.Name}-recall.png")));
        report = report with { Charts = charts };

        if (options.OutputJsonPath is { } json) await ReportJson.WriteAsync(report, json, cancellationToken).ConfigureAwait(false);
        if (options.MarkdownPath is { } markdown)
            await BenchmarksDocument.UpdateSectionAsync(markdown, $"eval-{dataset.Name}", EvalMarkdown.Section(report, markdown), cancellationToken).ConfigureAwait(false);
        return report;
    }

    private static async Task<ConfigurationResult> RunConfigurationAsync(
        EvalDataset dataset, EvalConfiguration configuration, EvalRunOptions options, IProgress<EvalProgress>? progress, CancellationToken cancellationToken)
    {
        using var scratch = new ScratchDirectory(options.WorkDirectory, "eval-" + configuration.Name, keep: false);
        var host = options.Services.Build(scratch.Path, configuration.Settings);
        try
        {
            var services = host.Services;
            var index = services.GetRequiredService<IArticleIndex>();
            var pipeline = services.GetRequiredService<IngestionPipeline>();
            var planner = services.GetRequiredService<IQueryPlanner>();
            var answerer = services.GetRequiredService<IAnswerer>();
            if (configuration.Name.Equals(EvalConfiguration.LlmName, StringComparison.OrdinalIgnoreCase) && answerer is ExtractiveAnswerer)
                throw new InvalidOperationException("The \"llm\" configuration needs an LLM: set Llm:Endpoint and Llm:Model (see README).");

            progress?.Report(new EvalProgress(configuration.Name, "index", 0, 1));
            var ingest = await IngestAsync(pipeline, dataset, cancellationToken).ConfigureAwait(false);
            var stats = await index.GetStatsAsync(cancellationToken).ConfigureAwait(false);
            if (stats.Articles == 0) throw new InvalidOperationException($"Nothing was indexed for {dataset.Path}; check the corpus paths.");

            // One question of every group too: the English dictionary, for one, loads on the first English question.
            var warmup = dataset.Questions.Take(WarmupQuestions).Concat(dataset.Questions.DistinctBy(q => q.Group));
            foreach (var question in warmup)
                await AskAsync(question, configuration, planner, index, answerer, options.Now, cancellationToken).ConfigureAwait(false);

            var questions = new List<QuestionResult>(dataset.QuestionCount);
            var total = dataset.QuestionCount;
            foreach (var question in dataset.Questions)
            {
                questions.Add(await AskAsync(question, configuration, planner, index, answerer, options.Now, cancellationToken).ConfigureAwait(false));
                ReportEvery(progress, configuration.Name, "ask", questions.Count, total);
            }

            if (dataset.HoldOut is { } holdOut)
            {
                progress?.Report(new EvalProgress(configuration.Name, "hold out", questions.Count, total));
                await RemoveAsync(index, holdOut.ArticleIds, cancellationToken).ConfigureAwait(false);
                foreach (var question in holdOut.Questions)
                {
                    questions.Add(await AskAsync(question, configuration, planner, index, answerer, options.Now, cancellationToken).ConfigureAwait(false));
                    ReportEvery(progress, configuration.Name, "ask unanswerable", questions.Count, total);
                }
            }

            var groups = questions.GroupBy(q => q.Group).Select(g => ScoreCard.Score(g.Key, g.ToList())).ToList();
            groups.Add(ScoreCard.Score("all", questions));
            return new ConfigurationResult
            {
                Name = configuration.Name,
                Settings = configuration.Settings,
                Index = new IndexedCorpus(stats.Articles, stats.Chunks, ingest.Failed, ingest.Duplicates, ingest.Elapsed.TotalSeconds, dataset.HoldOut?.ArticleIds.Count ?? 0),
                Groups = groups,
                Questions = questions,
            };
        }
        finally
        {
            await ServiceRecipe.ReleaseAsync(host).ConfigureAwait(false);
        }
    }

    private static async Task<IngestReport> IngestAsync(IngestionPipeline pipeline, EvalDataset dataset, CancellationToken cancellationToken)
    {
        var report = dataset.Articles.Count > 0
            ? await pipeline.IngestArticlesAsync(dataset.Articles, null, cancellationToken).ConfigureAwait(false)
            : await pipeline.IngestPathsAsync(dataset.CorpusPaths, null, cancellationToken).ConfigureAwait(false);
        if (report.Failed > 0)
        {
            var first = report.Errors.Count > 0 ? report.Errors[0].ToString() : "no details";
            throw new InvalidOperationException($"{report.Failed} input(s) of {dataset.Name} failed to index (first: {first}); the scores would be meaningless.");
        }
        return report;
    }

    private static async Task<QuestionResult> AskAsync(
        EvalQuestion question, EvalConfiguration configuration, IQueryPlanner planner, IArticleIndex index, IAnswerer answerer,
        DateTimeOffset? now, CancellationToken cancellationToken)
    {
        try
        {
            var clock = Stopwatch.StartNew();
            var request = await planner.PlanAsync(question.Text, SearchDepth, null, cancellationToken).ConfigureAwait(false);
            var hits = await index.SearchAsync(request with { Top = SearchDepth }, cancellationToken).ConfigureAwait(false);
            var searchMs = clock.Elapsed.TotalMilliseconds;

            clock.Restart();
            var answer = await answerer.AnswerAsync(new AnswerRequest { Question = question.Text, Now = now }, cancellationToken).ConfigureAwait(false);
            var answerMs = clock.Elapsed.TotalMilliseconds;
            return QuestionJudge.Judge(question, hits, answer, searchMs, answerMs);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new InvalidOperationException($"Question {question.Id} («{question.Text}») failed under configuration \"{configuration.Name}\": {ex.Message}", ex);
        }
    }

    private static async Task RemoveAsync(IArticleIndex index, IReadOnlyList<string> articleIds, CancellationToken cancellationToken)
    {
        await using var session = await index.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        foreach (var id in articleIds) await session.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void ReportEvery(IProgress<EvalProgress>? progress, string configuration, string phase, int done, int total)
    {
        if (progress is not null && (done % 25 == 0 || done == total)) progress.Report(new EvalProgress(configuration, phase, done, total));
    }
}
