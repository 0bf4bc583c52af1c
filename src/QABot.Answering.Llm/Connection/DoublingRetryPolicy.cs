using System.ClientModel.Primitives;
using System.Globalization;

namespace QABot.Answering.Llm.Connection;

/// <summary>
/// The OpenAI client's retry policy (408/429/5xx and network errors) with a configurable first delay, doubled on each
/// retry, so that deployments can tune it and tests need not wait the default 0.8 s. A server's retry-after hint wins.
/// </summary>
public sealed class DoublingRetryPolicy(int maxRetries, TimeSpan firstDelay) : ClientRetryPolicy(maxRetries)
{
    private static readonly TimeSpan MaxHintedDelay = TimeSpan.FromSeconds(30);

    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount)
    {
        if (message.Response is { } response && RetryAfter(response) is { } hinted) return hinted;
        return TimeSpan.FromTicks(firstDelay.Ticks * (1L << Math.Clamp(tryCount - 1, 0, 10)));
    }

    private static TimeSpan? RetryAfter(PipelineResponse response)
    {
        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis))
            return Cap(TimeSpan.FromMilliseconds(millis));
        if (response.Headers.TryGetValue("Retry-After", out var after) && double.TryParse(after, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            return Cap(TimeSpan.FromSeconds(seconds));
        return null;
    }

    private static TimeSpan Cap(TimeSpan delay) => delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxHintedDelay ? MaxHintedDelay : delay;
}
