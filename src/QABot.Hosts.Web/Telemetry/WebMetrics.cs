using System.Diagnostics;
using System.Diagnostics.Metrics;
using QABot.Core.Domain;
using QABot.Core.Retrieval;

namespace QABot.Hosts.Web.Telemetry;

/// <summary>
/// Answer-level metrics exported at /metrics next to the ASP.NET Core request metrics, and the index commit being served:
/// <c>qabot_index_generation</c> and <c>qabot_index_last_commit_timestamp_seconds</c> (Unix time, the Prometheus way
/// to carry a time) show whether the server follows what other processes ingest.
/// </summary>
public sealed class WebMetrics
{
    public const string MeterName = "QABot.Web";

    private readonly Counter<long> _questions;
    private readonly Histogram<double> _answerSeconds;

    public WebMetrics(IMeterFactory meters, IArticleIndex index)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("qabot.index.generation", () => ServedCommit(index) is { } commit ? [new Measurement<long>(commit.Generation)] : Array.Empty<Measurement<long>>(),
            "{commit}", "Commit generation of the index being served");
        meter.CreateObservableGauge("qabot.index.last_commit.timestamp",
            () => ServedCommit(index)?.LastCommit is { } at ? [new Measurement<double>(at.ToUnixTimeMilliseconds() / 1000.0)] : Array.Empty<Measurement<double>>(),
            "s", "When the commit being served was made, in Unix seconds");
        _questions = meter.CreateCounter<long>("qabot.questions", "{question}", "Questions answered through the web API");
        _answerSeconds = meter.CreateHistogram<double>("qabot.answer.duration", "s", "Time to produce an answer");
    }

    /// <summary>A scrape runs on the exporter's thread; the embedded index answers at once, without I/O.</summary>
    private static IndexCommitPoint? ServedCommit(IArticleIndex index) => index.GetCommitAsync().GetAwaiter().GetResult();

    public void Record(Answer answer, TimeSpan elapsed)
    {
        var tags = new TagList { { "language", answer.Language }, { "refused", answer.Refused } };
        _questions.Add(1, tags);
        _answerSeconds.Record(elapsed.TotalSeconds, tags);
    }
}
