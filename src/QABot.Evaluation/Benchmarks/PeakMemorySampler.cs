namespace QABot.Evaluation.Benchmarks;

/// <summary>
/// Samples the process working set while a phase runs. The OS peak (VmHWM) only ever grows over a process, so a
/// phase after a larger one would report the larger one's peak; sampling gives each phase its own.
/// </summary>
public sealed class PeakMemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peak;

    public PeakMemorySampler(TimeSpan? interval = null)
    {
        _peak = Environment.WorkingSet;
        var every = interval ?? TimeSpan.FromMilliseconds(25);
        _sampling = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(every);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
                    Interlocked.Exchange(ref _peak, Math.Max(Interlocked.Read(ref _peak), Environment.WorkingSet));
            }
            catch (OperationCanceledException) { }
        });
    }

    public long PeakBytes => Math.Max(Interlocked.Read(ref _peak), Environment.WorkingSet);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _sampling.ConfigureAwait(false);
        _stop.Dispose();
    }
}
