using System.Diagnostics;
using System.Diagnostics.Metrics;
using QABot.Core.Domain;

namespace QABot.Hosts.Web.Telemetry;

/// <summary>Answer-level metrics exported at /metrics next to the ASP.NET Core request metrics.</summary>
public sealed class WebMetrics
{
    public const string MeterName = "QABot.Web";

    private readonly Counter<long> _questions;
    private readonly Histogram<double> _answerSeconds;

    public WebMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _questions = meter.CreateCounter<long>("qabot.questions", "{question}", "Questions answered through the web API");
        _answerSeconds = meter.CreateHistogram<double>("qabot.answer.duration", "s", "Time to produce an answer");
    }

    public void Record(Answer answer, TimeSpan elapsed)
    {
        var tags = new TagList { { "language", answer.Language }, { "refused", answer.Refused } };
        _questions.Add(1, tags);
        _answerSeconds.Record(elapsed.TotalSeconds, tags);
    }
}
