using System.Diagnostics;
using System.Globalization;
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
    private const int ColdAskRuns = 3;

    /// <summary>
    /// Ingests the first N articles of the corpus into a fresh index for every size (sizes past the corpus are extended
    /// with <see cref="SyntheticCorpus"/> copies), then times fresh questions and a cold `ask` on it.
    /// </summary>
    public static async Task<IngestBenchReport> RunIngestAsync(IngestBenchOptions options, IProgress<BenchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Sizes.Count == 0 || options.Sizes.Any(s => s <= 0)) throw new ArgumentException("Sizes must be positive article counts.", nameof(options));
        var started = DateTimeOffset.Now;
        var load = SystemLoad.OneMinuteAverage();
        using var work = new ScratchDirectory(options.WorkDirectory, "bench", keep: false);
        var steps = new List<ScaleStep>();
        string? kept = null;

        // An untimed small run first: JIT and first-use costs would otherwise inflate whichever size is measured first.
        progress?.Report(new BenchProgress($"warming up on the first {WarmupArticles} articles (not measured)"));
        var warmupSlice = await CorpusSlice.WriteAsync(options.CorpusPath, WarmupArticles, Path.Combine(work.Path, "slice-warmup.jsonl.gz"), cancellationToken).ConfigureAwait(false);
        await MeasureStepAsync(options with { Queries = Math.Min(options.Queries, 50), Launcher = null }, warmupSlice, 0, Path.Combine(work.Path, "data-warmup"), null, cancellationToken).ConfigureAwait(false);
        TryDelete(Path.Combine(work.Path, "data-warmup"));
        File.Delete(warmupSlice.Path);

        // Every slice is written before anything is measured, so the synthetic generator's memory is gone by then.
        var slices = await WriteSlicesAsync(options, work.Path, progress, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < slices.Count; i++)
        {
            var (slice, synthetic) = slices[i];
            var largest = i == slices.Count - 1;
            var dataDirectory = largest && options.KeepIndexDirectory is { } keep ? PrepareKept(keep) : Path.Combine(work.Path, $"data-{slice.Lines}");
            progress?.Report(new BenchProgress($"ingesting {slice.Lines:N0} articles ({synthetic:N0} synthetic) into {dataDirectory}"));
            steps.Add(await MeasureStepAsync(options, slice, synthetic, dataDirectory, progress, cancellationToken).ConfigureAwait(false));
            if (largest && options.KeepIndexDirectory is not null) kept = dataDirectory;
            else TryDelete(dataDirectory);
            File.Delete(slice.Path);
        }

        var report = new IngestBenchReport { Corpus = options.CorpusPath, CommandLine = options.CommandLine, StartedAt = started, LoadAverage = load, Steps = steps, KeptIndex = kept };
        if (options.PlotsDirectory is { } plots) report = report with { Charts = ScalingCharts.Write(report, plots) };
        if (options.OutputJsonPath is { } json) await ReportJson.WriteAsync(report, json, cancellationToken).ConfigureAwait(false);
        if (options.MarkdownPath is { } markdown)
            await BenchmarksDocument.UpdateSectionAsync(markdown, "bench-ingest", BenchMarkdown.IngestSection(report, markdown), cancellationToken).ConfigureAwait(false);
        return report;
    }

    /// <summary>
    /// One slice per distinct size, smallest first: "all" (int.MaxValue) is the corpus as it is; a count past the
    /// corpus is the corpus followed by synthetic copies.
    /// </summary>
    private static async Task<List<(CorpusSlice Slice, int Synthetic)>> WriteSlicesAsync(IngestBenchOptions options, string folder, IProgress<BenchProgress>? progress, CancellationToken cancellationToken)
    {
        var slices = new List<(CorpusSlice, int)>();
        SyntheticCorpus? synthetic = null;
        foreach (var size in options.Sizes.Distinct().Order())
        {
            var label = size == int.MaxValue ? "all" : size.ToString(CultureInfo.InvariantCulture);
            var path = Path.Combine(folder, $"slice-{label}.jsonl.gz");
            progress?.Report(new BenchProgress($"writing {(size == int.MaxValue ? "the whole corpus" : $"{size:N0} articles")} to {path}"));
            var slice = await CorpusSlice.WriteAsync(options.CorpusPath, size, path, cancellationToken).ConfigureAwait(false);
            var real = slice.Lines;
            if (slice.Lines < size && size != int.MaxValue)
            {
                synthetic ??= await SyntheticCorpus.LoadAsync(options.CorpusPath, cancellationToken).ConfigureAwait(false);
                slice = await synthetic.WriteAsync(options.CorpusPath, size, path, cancellationToken).ConfigureAwait(false);
            }
            // "all" and a count past a tiny corpus can come to the same articles: measured once.
            if (slices.Any(s => s.Item1.Lines == slice.Lines)) File.Delete(slice.Path);
            else slices.Add((slice, slice.Lines - real));
        }
        return [.. slices.OrderBy(s => s.Item1.Lines)];
    }

    /// <summary>Times questions on an existing index at each client count (1 and 8 by default).</summary>
    public static async Task<QueryBenchReport> RunQueryAsync(QueryBenchOptions options, IProgress<BenchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Clients.Count == 0 || options.Clients.Any(c => c <= 0)) throw new ArgumentException("Client counts must be positive.", nameof(options));
        var started = DateTimeOffset.Now;
        var load = SystemLoad.OneMinuteAverage();
        var host = options.Services.Build(options.DataDirectory, new Dictionary<string, string?>(), privateStore: false);
        try
        {
            var index = host.Services.GetRequiredService<IArticleIndex>();
            var stats = await index.GetStatsAsync(cancellationToken).ConfigureAwait(false);
            if (stats.Articles == 0)
                throw new InvalidOperationException($"The index at {options.DataDirectory} is empty: run `qabot bench ingest --keep-index DIR` or `qabot --data-dir DIR ingest CORPUS` first.");
            // Given questions or titles, the warm-up and every client count get disjoint sets: no timed first pass is a replay.
            var pool = options.Questions ?? await QueryLoad.TitlesAsync(index, options.Warmup + options.Queries * options.Clients.Count, cancellationToken).ConfigureAwait(false);
            var (warmup, sets) = QueryLoad.Partition(pool, options.Warmup, options.Clients.Count, options.Queries);
            if (sets.Any(s => s.Count == 0))
                throw new InvalidOperationException($"{pool.Count} distinct questions are too few for a warm-up and {options.Clients.Count} disjoint timed sets; give more questions or fewer client counts.");

            var loads = new List<QueryLoadResult>();
            for (var i = 0; i < options.Clients.Count; i++)
            {
                progress?.Report(new BenchProgress($"{sets[i].Count} questions from {options.Clients[i]} concurrent client(s) on {stats.Articles} articles"));
                loads.Add(await QueryLoad.RunAsync(host.Services, sets[i], options.Clients[i], i == 0 ? warmup : [], cancellationToken).ConfigureAwait(false));
            }

            var report = new QueryBenchReport
            {
                DataDirectory = options.DataDirectory, CommandLine = options.CommandLine, StartedAt = started, LoadAverage = load,
                IndexedArticles = stats.Articles, IndexedChunks = stats.Chunks, Questions = loads.Sum(l => l.FirstPass.Count), Warmup = warmup.Count, Loads = loads,
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

    private static async Task<ScaleStep> MeasureStepAsync(IngestBenchOptions options, CorpusSlice slice, int synthetic, string dataDirectory, IProgress<BenchProgress>? progress, CancellationToken cancellationToken)
    {
        var host = options.Services.Build(dataDirectory, new Dictionary<string, string?>());
        ScaleStep step;
        try
        {
            var pipeline = host.Services.GetRequiredService<IngestionPipeline>();
            var index = host.Services.GetRequiredService<IArticleIndex>();

            // Aggressive: the memory of the previous size and of the synthetic generator goes back to the OS, so
            // this size's peak working set starts from the process as it is, not from what an earlier phase left.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
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
            progress?.Report(new BenchProgress($"{slice.Lines:N0} articles in {seconds:0.0} s; timing {options.Queries} fresh questions"));
            var (warmup, sets) = QueryLoad.Partition(await QueryLoad.TitlesAsync(index, QueryWarmup + options.Queries, cancellationToken).ConfigureAwait(false), QueryWarmup, 1, options.Queries);
            var query = await QueryLoad.RunAsync(host.Services, sets[0], clients: 1, warmup, cancellationToken).ConfigureAwait(false);

            step = new ScaleStep(
                slice.Lines, synthetic, ingest.Ingested, ingest.Duplicates, ingest.Failed, stats.Articles, stats.Chunks,
                seconds, slice.Lines / seconds, slice.UncompressedBytes / Megabyte, slice.UncompressedBytes / Megabyte / seconds,
                peak / Megabyte, indexBytes / Megabyte, query, null, ingest.Errors.Take(ErrorsKept).Select(e => e.ToString()).ToList());
        }
        finally
        {
            await ServiceRecipe.ReleaseAsync(host).ConfigureAwait(false);
        }

        if (options.Launcher is not { Count: > 0 } launcher) return step;
        // In a new process, with this one's index closed: what a user typing `qabot ask` waits for at this size.
        progress?.Report(new BenchProgress($"timing a cold `ask` on {slice.Lines:N0} articles ({ColdAskRuns} runs)"));
        var cold = await StartupBench.RunAsync(new StartupBenchOptions
        {
            DataDirectory = dataDirectory, Launcher = launcher, Runs = ColdAskRuns, Commands = [StartupBench.AskArabic],
        }, null, cancellationToken).ConfigureAwait(false);
        return step with { ColdAsk = cold.Results.FirstOrDefault() };
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
