using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using QABot.Core.Retrieval;
using QABot.Evaluation.Hosting;
using QABot.Evaluation.Plots;
using QABot.Evaluation.Reports;
using QABot.Ingestion;

namespace QABot.Evaluation.Benchmarks;

/// <summary>`qabot bench ingest|query`: throughput, memory, index size and latency of the configured stack at scale.</summary>
public static class BenchRunner
{
    private const double Megabyte = 1024 * 1024;

    /// <summary>Ingests the first N articles of the corpus into a fresh index for every size, then times questions on it.</summary>
    public static async Task<IngestBenchReport> RunIngestAsync(IngestBenchOptions options, IProgress<BenchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Sizes.Count == 0 || options.Sizes.Any(s => s <= 0)) throw new ArgumentException("Sizes must be positive article counts.", nameof(options));
        var started = DateTimeOffset.Now;
        using var work = new ScratchDirectory(options.WorkDirectory, "bench", keep: false);
        var sizes = options.Sizes.Distinct().Order().ToList();
        var steps = new List<ScaleStep>();
        string? kept = null;

        for (var i = 0; i < sizes.Count; i++)
        {
            var largest = i == sizes.Count - 1;
            var label = sizes[i] == int.MaxValue ? "all" : sizes[i].ToString();
            progress?.Report(new BenchProgress($"slicing the first {label} articles of {options.CorpusPath}"));
            var slice = await CorpusSlice.WriteAsync(options.CorpusPath, sizes[i], Path.Combine(work.Path, $"slice-{label}.jsonl.gz"), cancellationToken).ConfigureAwait(false);
            if (steps.Count > 0 && slice.Lines == steps[^1].Lines) break;   // the corpus ran out before this size

            var dataDirectory = largest && options.KeepIndexDirectory is { } keep ? PrepareKept(keep) : Path.Combine(work.Path, $"data-{label}");
            progress?.Report(new BenchProgress($"ingesting {slice.Lines} articles into {dataDirectory}"));
            steps.Add(await MeasureStepAsync(options, slice, dataDirectory, progress, cancellationToken).ConfigureAwait(false));
            if (largest && options.KeepIndexDirectory is not null) kept = dataDirectory;
            else TryDelete(dataDirectory);
            File.Delete(slice.Path);
        }

        var report = new IngestBenchReport { Corpus = options.CorpusPath, CommandLine = options.CommandLine, StartedAt = started, Steps = steps, KeptIndex = kept };
        if (options.PlotsDirectory is { } plots) report = report with { Charts = ScalingCharts.Write(report, plots) };
        if (options.OutputJsonPath is { } json) await ReportJson.WriteAsync(report, json, cancellationToken).ConfigureAwait(false);
        if (options.MarkdownPath is { } markdown)
            await BenchmarksDocument.UpdateSectionAsync(markdown, "bench-ingest", BenchMarkdown.IngestSection(report, markdown), cancellationToken).ConfigureAwait(false);
        return report;
    }

    /// <summary>Times questions on an existing index at each client count (1 and 8 by default).</summary>
    public static async Task<QueryBenchReport> RunQueryAsync(QueryBenchOptions options, IProgress<BenchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Clients.Count == 0 || options.Clients.Any(c => c <= 0)) throw new ArgumentException("Client counts must be positive.", nameof(options));
        var started = DateTimeOffset.Now;
        var host = options.Services.Build(options.DataDirectory, new Dictionary<string, string?>());
        try
        {
            var index = host.Services.GetRequiredService<IArticleIndex>();
            var stats = await index.GetStatsAsync(cancellationToken).ConfigureAwait(false);
            if (stats.Articles == 0)
                throw new InvalidOperationException($"The index at {options.DataDirectory} is empty: run `qabot bench ingest --keep-index DIR` or `qabot --data-dir DIR ingest CORPUS` first.");
            var questions = options.Questions ?? await QueryLoad.TitlesAsync(index, options.Queries, cancellationToken).ConfigureAwait(false);

            var loads = new List<QueryLoadResult>();
            foreach (var clients in options.Clients)
            {
                progress?.Report(new BenchProgress($"{questions.Count} questions from {clients} concurrent client(s) on {stats.Articles} articles"));
                loads.Add(await QueryLoad.RunAsync(host.Services, questions, clients, options.Warmup, cancellationToken).ConfigureAwait(false));
            }

            var report = new QueryBenchReport
            {
                DataDirectory = options.DataDirectory, CommandLine = options.CommandLine, StartedAt = started,
                IndexedArticles = stats.Articles, IndexedChunks = stats.Chunks, Questions = questions.Count, Loads = loads,
            };
            if (options.PlotsDirectory is { } plots) report = report with { Charts = [ScalingCharts.WriteConcurrency(report, plots)] };
            if (options.OutputJsonPath is { } json) await ReportJson.WriteAsync(report, json, cancellationToken).ConfigureAwait(false);
            if (options.MarkdownPath is { } markdown)
                await BenchmarksDocument.UpdateSectionAsync(markdown, "bench-query", BenchMarkdown.QuerySection(report, markdown), cancellationToken).ConfigureAwait(false);
            return report;
        }
        finally
        {
            await ServiceRecipe.ReleaseAsync(host).ConfigureAwait(false);
        }
    }

    private static async Task<ScaleStep> MeasureStepAsync(IngestBenchOptions options, CorpusSlice slice, string dataDirectory, IProgress<BenchProgress>? progress, CancellationToken cancellationToken)
    {
        var host = options.Services.Build(dataDirectory, new Dictionary<string, string?>());
        try
        {
            var pipeline = host.Services.GetRequiredService<IngestionPipeline>();
            var index = host.Services.GetRequiredService<IArticleIndex>();

            GC.Collect();
            GC.WaitForPendingFinalizers();
            IngestReport ingest;
            long peak;
            var clock = Stopwatch.StartNew();
            await using (var sampler = new PeakMemorySampler())
            {
                ingest = await pipeline.IngestPathsAsync([slice.Path], null, cancellationToken).ConfigureAwait(false);
                peak = sampler.PeakBytes;
            }
            var seconds = clock.Elapsed.TotalSeconds;

            var stats = await index.GetStatsAsync(cancellationToken).ConfigureAwait(false);
            var indexBytes = new DirectoryInfo(dataDirectory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
            progress?.Report(new BenchProgress($"{slice.Lines} articles in {seconds:0.0} s; timing {options.Queries} questions"));
            var questions = await QueryLoad.TitlesAsync(index, options.Queries, cancellationToken).ConfigureAwait(false);
            var query = await QueryLoad.RunAsync(host.Services, questions, clients: 1, warmup: 20, cancellationToken).ConfigureAwait(false);

            return new ScaleStep(
                slice.Lines, ingest.Ingested, ingest.Duplicates, ingest.Failed, stats.Articles, stats.Chunks,
                seconds, slice.Lines / seconds, slice.UncompressedBytes / Megabyte, slice.UncompressedBytes / Megabyte / seconds,
                peak / Megabyte, indexBytes / Megabyte, query);
        }
        finally
        {
            await ServiceRecipe.ReleaseAsync(host).ConfigureAwait(false);
        }
    }

    private static string PrepareKept(string directory)
    {
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
            throw new InvalidOperationException($"--keep-index {directory} is not empty; give an empty or new folder so no index is overwritten.");
        Directory.CreateDirectory(directory);
        return Path.GetFullPath(directory);
    }

    private static void TryDelete(string directory)
    {
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
