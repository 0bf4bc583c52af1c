namespace QABot.Hosts.Tests.Doubles;

/// <summary>A clock that moves only when the test moves it, for rate-limit windows.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
