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
    private const int WarmupArticles = 300;
    private const int ErrorsKept = 5;
    private const int QueryWarmup = 100;

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

        // An untimed small run first: JIT and first-use costs would otherwise inflate whichever size is measured first.
        progress?.Report(new BenchProgress($"warming up on the first {WarmupArticles} articles (not measured)"));
        var warmupSlice = await CorpusSlice.WriteAsync(options.CorpusPath, WarmupArticles, Path.Combine(work.Path, "slice-warmup.jsonl.gz"), cancellationToken).ConfigureAwait(false);
        await MeasureStepAsync(options with { Queries = Math.Min(options.Queries, 50) }, warmupSlice, Path.Combine(work.Path, "data-warmup"), null, cancellationToken).ConfigureAwait(false);
        TryDelete(Path.Combine(work.Path, "data-warmup"));
        File.Delete(warmupSlice.Path);

        for (var i = 0; i < sizes.Count; i++)
        {
            var label = sizes[i] == int.MaxValue ? "all" : sizes[i].ToString();
            progress?.Report(new BenchProgress($"slicing {(sizes[i] == int.MaxValue ? "all" : $"the first {label}")} articles of {options.CorpusPath}"));
            var slice = await CorpusSlice.WriteAsync(options.CorpusPath, sizes[i], Path.Combine(work.Path, $"slice-{label}.jsonl.gz"), cancellationToken).ConfigureAwait(false);
            // A size beyond the corpus measures the whole corpus, and is then the last one.
            var largest = i == sizes.Count - 1 || slice.Lines < sizes[i];

            var dataDirectory = largest && options.KeepIndexDirectory is { } keep ? PrepareKept(keep) : Path.Combine(work.Path, $"data-{label}");
            progress?.Report(new BenchProgress($"ingesting {slice.Lines} articles into {dataDirectory}"));
            steps.Add(await MeasureStepAsync(options, slice, dataDirectory, progress, cancellationToken).ConfigureAwait(false));
            if (largest && options.KeepIndexDirectory is not null) kept = dataDirectory;
            else TryDelete(dataDirectory);
            File.Delete(slice.Path);
            if (largest) break;
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
            // Given questions are replayed at every client count; titles are drawn fresh for each so no load replays a warmed question.
            var (warmup, sets) = options.Questions is { } given
                ? (given.Take(options.Warmup).ToList(), options.Clients.Select(_ => given).ToList())
                : QueryLoad.Partition(await QueryLoad.TitlesAsync(index, options.Warmup + options.Queries * options.Clients.Count, cancellationToken).ConfigureAwait(false),
                    options.Warmup, options.Clients.Count, options.Queries);

            var loads = new List<QueryLoadResult>();
            for (var i = 0; i < options.Clients.Count; i++)
            {
                progress?.Report(new BenchProgress($"{sets[i].Count} questions from {options.Clients[i]} concurrent client(s) on {stats.Articles} articles"));
                loads.Add(await QueryLoad.RunAsync(host.Services, sets[i], options.Clients[i], i == 0 ? warmup : [], cancellationToken).ConfigureAwait(false));
            }

            var report = new QueryBenchReport
            {
                DataDirectory = options.DataDirectory, CommandLine = options.CommandLine, StartedAt = started,
                IndexedArticles = stats.Articles, IndexedChunks = stats.Chunks, Questions = loads.Sum(l => l.Answer.Count), Loads = loads,
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
            var (warmup, sets) = QueryLoad.Partition(await QueryLoad.TitlesAsync(index, QueryWarmup + options.Queries, cancellationToken).ConfigureAwait(false), QueryWarmup, 1, options.Queries);
            var query = await QueryLoad.RunAsync(host.Services, sets[0], clients: 1, warmup, cancellationToken).ConfigureAwait(false);

            return new ScaleStep(
                slice.Lines, ingest.Ingested, ingest.Duplicates, ingest.Failed, stats.Articles, stats.Chunks,
                seconds, slice.Lines / seconds, slice.UncompressedBytes / Megabyte, slice.UncompressedBytes / Megabyte / seconds,
                peak / Megabyte, indexBytes / Megabyte, query, ingest.Errors.Take(ErrorsKept).Select(e => e.ToString()).ToList());
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
