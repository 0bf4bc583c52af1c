using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using QABot.Hosts.Web.Security;

namespace QABot.Hosts.Web.Load;

/// <summary>
/// Drives concurrent clients against POST /api/ask and measures throughput, latency percentiles and errors. An error is
/// any non-2xx status, a transport failure or a body that is not an answer.
/// </summary>
public sealed class ServeLoadDriver(HttpClient http)
{
    public async Task<LoadReport> RunAsync(LoadRunOptions options, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        if (options.Questions.Count == 0) throw new ArgumentException("At least one question is needed.", nameof(options));
        if (options.Concurrency is < 1 or > 256) throw new ArgumentOutOfRangeException(nameof(options), "Concurrency must be 1..256.");

        var latencies = new ConcurrentBag<double>();
        var errors = new ConcurrentDictionary<string, int>();
        var issued = -1;
        var completed = 0;
        var askUri = new Uri(options.BaseAddress, "/api/ask");
        using var timeLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeLimit.CancelAfter(options.Duration);
        var stopwatch = Stopwatch.StartNew();

        async Task ClientAsync()
        {
            while (!timeLimit.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref issued);
                if (options.MaxRequests is { } max && n >= max) return;
                var question = options.Questions[n % options.Questions.Count];
                var started = Stopwatch.GetTimestamp();
                var error = await AskOnceAsync(askUri, question, options, timeLimit.Token);
                if (error == "cancelled") return;
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (error is not null) errors.AddOrUpdate(error, 1, (_, c) => c + 1);
                progress?.Report(Interlocked.Increment(ref completed));
            }
        }

        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(ClientAsync, CancellationToken.None)));
        stopwatch.Stop();

        var sorted = latencies.Order().ToArray();
        return new LoadReport(
            sorted.Length,
            errors.Values.Sum(),
            stopwatch.Elapsed,
            sorted.Length / Math.Max(stopwatch.Elapsed.TotalSeconds, 1e-9),
            Percentile(sorted, 0.50),
            Percentile(sorted, 0.95),
            Percentile(sorted, 0.99),
            sorted.Length == 0 ? 0 : sorted[^1],
            options.Concurrency,
            new Dictionary<string, int>(errors));
    }

    /// <returns>null on success, else a short error kind; "cancelled" when the run's time is up (not counted).</returns>
    private async Task<string?> AskOnceAsync(Uri askUri, string question, LoadRunOptions options, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, askUri)
        {
            Content = JsonContent.Create(new { question, top = options.Top }),
        };
        if (options.ApiKey is not null) request.Headers.Add(ApiAccessMiddleware.HeaderName, options.ApiKey);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode) return "http " + (int)response.StatusCode;
            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            return body.RootElement.TryGetProperty("answer", out _) ? null : "not an answer";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return "cancelled";
        }
        catch (HttpRequestException ex)
        {
            return "transport: " + (ex.HttpRequestError.ToString());
        }
        catch (JsonException)
        {
            return "invalid JSON";
        }
    }

    /// <summary>Nearest-rank percentile of an ascending array.</summary>
    public static double Percentile(double[] ascending, double p)
    {
        if (ascending.Length == 0) return 0;
        var rank = (int)Math.Ceiling(p * ascending.Length);
        return ascending[Math.Clamp(rank - 1, 0, ascending.Length - 1)];
    }
}
