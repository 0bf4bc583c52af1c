using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using QABot.Evaluation.Metrics;
using QABot.Evaluation.Reports;

namespace QABot.Evaluation.Benchmarks;

public sealed record StartupBenchOptions : BenchOutputOptions
{
    /// <summary>The data directory every command is pointed at (--data-dir).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The program and leading arguments that start QABot: the ./qabot launcher, or dotnet and qabot.dll.</summary>
    public required IReadOnlyList<string> Launcher { get; init; }

    /// <summary>Timed runs of every command, interleaved round by round so load from other work spreads evenly.</summary>
    public int Runs { get; init; } = 5;

    /// <summary>Names of the commands to time (see <see cref="StartupBench.CommandNames"/>); null = all.</summary>
    public IReadOnlyList<string>? Commands { get; init; }

    /// <summary>The id `articles show` is timed with (required for that command).</summary>
    public string? ArticleId { get; init; }

    /// <summary>Articles in the index, for the report's title.</summary>
    public int IndexedArticles { get; init; }

    public string ArabicQuestion { get; init; } = "ماذا أهدى بوتين لكيم جونغ أون؟";
    public string EnglishQuestion { get; init; } = "What did Putin give Kim Jong Un?";

    /// <summary>A command still running (or a server not ready) after this long is a failure.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);
}

/// <param name="Name">The command as named in the report, e.g. "ask (ar)" or "serve → first answer".</param>
/// <param name="Arguments">What the launcher was given.</param>
/// <param name="CpuP50Ms">Median user + system CPU time of the process (null where the OS does not tell).</param>
/// <param name="Failures">Runs that exited with an error or timed out; they are not in the timings.</param>
public sealed record StartupResult(string Name, string Arguments, int Runs, double WallP50Ms, double WallMinMs, double WallMaxMs, double? CpuP50Ms, int Failures, string? LastError);

public sealed record StartupBenchReport
{
    public required string DataDirectory { get; init; }
    public required string Launcher { get; init; }
    public string? CommandLine { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public int ProcessorCount { get; init; } = Environment.ProcessorCount;
    public double? LoadAverage { get; init; }
    public int IndexedArticles { get; init; }
    public required IReadOnlyList<StartupResult> Results { get; init; }
}

/// <summary>
/// `qabot bench startup`: how long a user waits for one command in a new process, from the moment the launcher is
/// started to its exit (or, for `serve`, to /healthz answering and then to the first answer of POST /api/ask). Each
/// command runs once untimed first (a first build, a first-run sample ingest and a cold OS file cache stay out),
/// then <see cref="StartupBenchOptions.Runs"/> times.
/// </summary>
public static class StartupBench
{
    public const string Version = "version", AskArabic = "ask", AskEnglish = "ask-en", Stats = "stats", ArticlesShow = "articles-show", Serve = "serve";
    public static IReadOnlyList<string> CommandNames { get; } = [Version, AskArabic, AskEnglish, Stats, ArticlesShow, Serve];

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    public static async Task<StartupBenchReport> RunAsync(StartupBenchOptions options, IProgress<BenchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Launcher.Count == 0) throw new ArgumentException("No launcher to start QABot with.", nameof(options));
        if (options.Runs < 1) throw new ArgumentException("Runs must be at least 1.", nameof(options));
        var names = options.Commands ?? CommandNames;
        if (names.FirstOrDefault(n => !CommandNames.Contains(n)) is { } unknown)
            throw new ArgumentException($"Unknown command '{unknown}'; known: {string.Join(", ", CommandNames)}.", nameof(options));
        if (names.Contains(ArticlesShow) && options.ArticleId is null) throw new ArgumentException("articles-show needs an article id.", nameof(options));
        var started = DateTimeOffset.Now;
        var load = SystemLoad.OneMinuteAverage();

        var samples = new Dictionary<string, (string Arguments, List<double> Wall, List<double> Cpu, List<string> Errors)>();
        for (var round = 0; round <= options.Runs; round++)
        {
            progress?.Report(new BenchProgress(round == 0 ? "untimed first round (build, first-run ingest, file cache)" : $"round {round} of {options.Runs}"));
            foreach (var name in names)
            {
                var arguments = ArgumentsOf(name, options);
                foreach (var sample in await RunOnceAsync(name, arguments, options, cancellationToken).ConfigureAwait(false))
                {
                    if (round == 0 && sample.Error is null) continue;
                    if (!samples.TryGetValue(sample.Name, out var bucket)) samples[sample.Name] = bucket = (string.Join(' ', arguments.Select(Quote)), [], [], []);
                    if (round == 0) { bucket.Errors.Add(sample.Error!); continue; }
                    if (sample.Error is not null) { bucket.Errors.Add(sample.Error); continue; }
                    bucket.Wall.Add(sample.Wall.TotalMilliseconds);
                    if (sample.Cpu is { } cpu) bucket.Cpu.Add(cpu.TotalMilliseconds);
                }
            }
        }

        var results = samples.Select(pair =>
        {
            var (arguments, wall, cpu, errors) = pair.Value;
            return new StartupResult(pair.Key, arguments, wall.Count,
                wall.Count > 0 ? Percentiles.Of(wall, 50) : double.NaN, wall.DefaultIfEmpty(double.NaN).Min(), wall.DefaultIfEmpty(double.NaN).Max(),
                cpu.Count > 0 ? Percentiles.Of(cpu, 50) : null, errors.Count, errors.LastOrDefault());
        }).ToList();

        var report = new StartupBenchReport
        {
            DataDirectory = options.DataDirectory, Launcher = string.Join(' ', options.Launcher), CommandLine = options.CommandLine,
            StartedAt = started, LoadAverage = load, IndexedArticles = options.IndexedArticles, Results = results,
        };
        if (options.OutputJsonPath is { } json) await ReportJson.WriteAsync(report, json, cancellationToken).ConfigureAwait(false);
        if (options.MarkdownPath is { } markdown)
            await BenchmarksDocument.UpdateSectionAsync(markdown, "bench-startup", BenchMarkdown.StartupSection(report), cancellationToken).ConfigureAwait(false);
        return report;
    }

    private static IReadOnlyList<string> ArgumentsOf(string name, StartupBenchOptions options)
    {
        var data = new[] { "--data-dir", options.DataDirectory };
        return name switch
        {
            Version => ["--version"],
            AskArabic => [.. data, "ask", options.ArabicQuestion],
            AskEnglish => [.. data, "ask", options.EnglishQuestion],
            Stats => [.. data, "stats"],
            ArticlesShow => [.. data, "articles", "show", options.ArticleId!],
            Serve => [.. data, "serve"],
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown command."),
        };
    }

    private sealed record Sample(string Name, TimeSpan Wall, TimeSpan? Cpu, string? Error);

    private static async Task<IReadOnlyList<Sample>> RunOnceAsync(string name, IReadOnlyList<string> arguments, StartupBenchOptions options, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(options.Launcher[0])
        {
            UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var argument in options.Launcher.Skip(1).Concat(arguments)) start.ArgumentList.Add(argument);
        // A bot token in the caller's environment must not make the timed server poll Telegram.
        start.Environment["Telegram__Enabled"] = "false";
        Uri? server = null;
        if (name == Serve)
        {
            server = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");
            start.Environment["Web__Urls"] = server.ToString().TrimEnd('/');
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        var cpuBefore = ChildProcessCpu.WaitedChildren();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            if (server is null)
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                var wall = clock.Elapsed;
                await Task.WhenAll(output, error).ConfigureAwait(false);
                var cpu = ChildProcessCpu.WaitedChildren() - cpuBefore;
                return [new Sample(DisplayName(name), wall, cpu,
                    process.ExitCode == 0 ? null : $"exit {process.ExitCode}: {LastLine(await error.ConfigureAwait(false))}")];
            }

            using var http = new HttpClient { BaseAddress = server, Timeout = options.Timeout };
            while (!await IsHealthyAsync(http, timeout.Token).ConfigureAwait(false))
            {
                if (process.HasExited) return [Failed($"exited {process.ExitCode} before /healthz answered: {LastLine(await error.ConfigureAwait(false))}")];
                await Task.Delay(PollInterval, timeout.Token).ConfigureAwait(false);
            }
            var ready = new Sample("serve → /healthz", clock.Elapsed, ChildProcessCpu.Running(process.Id), null);
            using var answer = await http.PostAsJsonAsync("/api/ask", new { question = options.ArabicQuestion }, timeout.Token).ConfigureAwait(false);
            var answered = answer.IsSuccessStatusCode
                ? new Sample("serve → first answer", clock.Elapsed, ChildProcessCpu.Running(process.Id), null)
                : new Sample("serve → first answer", clock.Elapsed, null, $"POST /api/ask answered {(int)answer.StatusCode}");
            return [ready, answered];
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return [Failed($"timed out after {options.Timeout.TotalSeconds:0} s")];
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }

        Sample Failed(string message) => new(DisplayName(name), clock.Elapsed, null, message);
    }

    private static string DisplayName(string name) => name switch
    {
        AskArabic => "ask (Arabic question)",
        AskEnglish => "ask (English question)",
        ArticlesShow => "articles show",
        Version => "--version",
        Serve => "serve → /healthz",
        _ => name,
    };

    private static async Task<bool> IsHealthyAsync(HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync("/healthz", cancellationToken).ConfigureAwait(false);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException) { return false; }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "(no output)";

    private static string Quote(string argument) => argument.Contains(' ') || argument.Length == 0 ? $"\"{argument}\"" : argument;
}
