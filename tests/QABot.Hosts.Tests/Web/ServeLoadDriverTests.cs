using QABot.Hosts.Tests.Doubles;
using QABot.Hosts.Web.Load;

namespace QABot.Hosts.Tests.Web;

/// <summary>The load driver behind `qabot bench serve`: counts requests and errors honestly. No timing assertions.</summary>
[Trait("Category", "Web")]
public sealed class ServeLoadDriverTests
{
    [Fact]
    public async Task Drives_the_requested_number_of_requests_concurrently_without_errors()
    {
        await using var web = await WebHostHarness.StartAsync(new Dictionary<string, string?> { ["Web:RateLimitPerMinute"] = "0" });
        using var http = new HttpClient();
        var report = await new ServeLoadDriver(http).RunAsync(new LoadRunOptions
        {
            BaseAddress = web.BaseAddress,
            Questions = ["ماذا أهدى بوتين لكيم جونغ أون؟", "What did Putin give Kim?"],
            Concurrency = 8,
            MaxRequests = 60,
            Duration = TimeSpan.FromMinutes(2),
        });

        Assert.Equal(60, report.Requests);
        Assert.Equal(0, report.Errors);
        Assert.Equal(60, web.Answerer.Requests.Count);
        Assert.True(report.P50Ms <= report.P95Ms && report.P95Ms <= report.P99Ms && report.P99Ms <= report.MaxMs);
        Assert.True(report.RequestsPerSecond > 0);
    }

    [Fact]
    public async Task Counts_rejected_requests_as_errors_by_kind()
    {
        await using var web = await WebHostHarness.StartAsync(new Dictionary<string, string?> { ["Web:RateLimitPerMinute"] = "5" });
        using var http = new HttpClient();
        var report = await new ServeLoadDriver(http).RunAsync(new LoadRunOptions
        {
            BaseAddress = web.BaseAddress, Questions = ["What did Putin give Kim?"], Concurrency = 4, MaxRequests = 12, Duration = TimeSpan.FromMinutes(2),
        });

        Assert.Equal(12, report.Requests);
        Assert.Equal(7, report.Errors);
        Assert.Equal(7, report.ErrorsByKind["http 429"]);
    }

    [Fact]
    public void Percentiles_use_the_nearest_rank()
    {
        double[] values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        Assert.Equal(5, ServeLoadDriver.Percentile(values, 0.50));
        Assert.Equal(10, ServeLoadDriver.Percentile(values, 0.95));
        Assert.Equal(0, ServeLoadDriver.Percentile([], 0.5));
    }
}
