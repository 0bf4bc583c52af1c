using Microsoft.Extensions.Logging;

namespace QABot.Retrieval.Tests;

/// <summary>Counts warnings, to check that a degraded mode is announced exactly once.</summary>
internal sealed class CountingLogger : ILogger
{
    private int _warnings;

    public int Warnings => _warnings;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel == LogLevel.Warning) Interlocked.Increment(ref _warnings);
    }
}
