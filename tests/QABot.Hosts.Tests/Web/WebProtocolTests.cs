using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using QABot.Core.Domain;
using QABot.Hosts.Tests.Doubles;

namespace QABot.Hosts.Tests.Web;

/// <summary>
/// The mechanisms every endpoint shares: problem JSON for every error status, client-caused failures as 4xx, failed-key
/// throttling, real Retry-After, nosniff, HEAD wherever GET is.
/// </summary>
[Trait("Category", "Web")]
public sealed class WebProtocolTests
{
    private const string Question = "ماذا أهدى بوتين لكيم جونغ أون؟";

    [Fact]
    public async Task A_client_that_gives_up_mid_body_is_recorded_as_such_not_as_a_logged_server_error()
    {
        await using var web = await WebHostHarness.StartAsync();
        await RawHttp.ExchangeAsync(web.BaseAddress,
            "POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"question\":",
            endSending: true, TimeSpan.FromSeconds(20));

        await WaitForLogAsync(web, "Request finished HTTP/1.1 POST");
        // The half-closed body reaches Kestrel either as an end of content before Content-Length (400, the client still
        // reading) or as an aborted connection (499), depending on which the socket reports first; both are the client's.
        Assert.Contains(web.Logs.Lines, l => l.Contains("Request finished HTTP/1.1 POST") && (l.Contains(" - 499 - ") || l.Contains(" - 400 - ")));
        Assert.DoesNotContain(web.Logs.Lines, l => l.StartsWith("Error") || l.StartsWith("Critical"));
        Assert.Empty(web.Answerer.Requests);
    }

    [Fact]
    public async Task A_malformed_body_on_any_endpoint_even_one_mapped_later_is_a_400_problem_not_a_logged_500()
    {
        // What Kestrel throws when a body ends before its Content-Length ("Unexpected end of request content").
        await using var web = await WebHostHarness.StartAsync(map: app => app.MapPost("/api/added-later",
            (HttpContext _) => throw new Microsoft.AspNetCore.Http.BadHttpRequestException("Unexpected end of request content.", StatusCodes.Status400BadRequest)));
        using var client = web.CreateClient();
        using var response = await client.PostAsync("/api/added-later", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertProblemAsync(response, 400);
        Assert.DoesNotContain(web.Logs.Lines, l => l.StartsWith("Error") || l.StartsWith("Critical"));
    }

    [Fact]
    public async Task A_body_that_stalls_is_a_408_problem()
    {
        await using var web = await WebHostHarness.StartAsync(services: s => s.Configure<KestrelServerOptions>(k =>
            k.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 100, gracePeriod: TimeSpan.FromSeconds(2))));
        var response = await RawHttp.ExchangeAsync(web.BaseAddress,
            "POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"question\":",
            endSending: false, TimeSpan.FromSeconds(20));

        Assert.StartsWith("HTTP/1.1 408", response);
        Assert.Contains("\"status\":408", RawHttp.BodyOf(response));
        Assert.DoesNotContain(web.Logs.Lines, l => l.StartsWith("Error") || l.StartsWith("Critical"));
    }

    [Fact]
    public async Task Wrong_api_keys_are_throttled_per_address_with_the_real_wait_even_for_the_right_key()
    {
        var clock = new ManualClock();
        await using var web = await WebHostHarness.StartAsync(
            new Dictionary<string, string?> { ["Web:ApiKeys:0"] = "right-key", ["Web:FailedKeyAttemptsPerMinute"] = "5" },
            services: s => s.AddSingleton<TimeProvider>(clock));
        using var wrong = web.CreateClient("wrong-key");
        using var right = web.CreateClient("right-key");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++) statuses.Add((await wrong.GetAsync("/api/articles/" + SampleArticles.GiftsId)).StatusCode);
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)], statuses);

        clock.Advance(TimeSpan.FromSeconds(45));
        using var blocked = await right.GetAsync("/api/articles/" + SampleArticles.GiftsId);
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(15), blocked.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", blocked.Content.Headers.ContentType?.MediaType);

        clock.Advance(TimeSpan.FromSeconds(16));
        Assert.Equal(HttpStatusCode.OK, (await right.GetAsync("/api/articles/" + SampleArticles.GiftsId)).StatusCode);
    }

    [Fact]
    public async Task An_over_long_api_key_is_refused_unread_and_counts_as_a_failure()
    {
        await using var web = await WebHostHarness.StartAsync(new Dictionary<string, string?> { ["Web:ApiKeys:0"] = "right-key" });
        using var client = web.CreateClient("right-key" + new string('x', 5000));
        using var response = await client.GetAsync("/api/articles/" + SampleArticles.GiftsId);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("longer than 256", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_api_rate_limit_says_how_long_is_really_left()
    {
        var clock = new ManualClock();
        await using var web = await WebHostHarness.StartAsync(new Dictionary<string, string?> { ["Web:RateLimitPerMinute"] = "2" },
            services: s => s.AddSingleton<TimeProvider>(clock));
        using var client = web.CreateClient();
        for (var i = 0; i < 2; i++) (await client.PostAsJsonAsync("/api/ask", new { question = Question })).EnsureSuccessStatusCode();

        clock.Advance(TimeSpan.FromSeconds(20));
        using var limited = await client.PostAsJsonAsync("/api/ask", new { question = Question });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(40), limited.Headers.RetryAfter?.Delta);
        await AssertProblemAsync(limited, 429);
    }

    [Theory]
    [InlineData("GET", "/no-such-page", 404)]
    [InlineData("GET", "/api/no-such-endpoint", 404)]
    [InlineData("DELETE", "/api/ask", 405)]
    [InlineData("GET", "/api/ask", 405)]
    [InlineData("PUT", "/metrics", 405)]
    [InlineData("DELETE", "/metrics", 405)]
    [InlineData("TRACE", "/metrics", 405)]
    public async Task Every_error_status_has_a_problem_json_body(string method, string path, int status)
    {
        await using var web = await WebHostHarness.StartAsync();
        using var client = web.CreateClient();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(status, (int)response.StatusCode);
        await AssertProblemAsync(response, status);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/api/articles/" + SampleArticles.GiftsId)]
    [InlineData("/api/articles/does-not-exist")]
    [InlineData("/no-such-page")]
    public async Task Json_responses_carry_nosniff(string path)
    {
        await using var web = await WebHostHarness.StartAsync();
        using var client = web.CreateClient();
        using var response = await client.GetAsync(path);

        Assert.Contains("json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Ask_answers_carry_nosniff()
    {
        await using var web = await WebHostHarness.StartAsync();
        using var client = web.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/ask", new { question = Question });
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/")]
    [InlineData("/app.js")]
    [InlineData("/metrics")]
    [InlineData("/api/articles/" + SampleArticles.GiftsId)]
    [InlineData("/articles/" + SampleArticles.GiftsId)]
    public async Task Head_is_answered_wherever_get_is_with_headers_and_no_body(string path)
    {
        await using var web = await WebHostHarness.StartAsync();
        var response = await RawHttp.ExchangeAsync(web.BaseAddress, $"HEAD {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            endSending: false, TimeSpan.FromSeconds(20));

        Assert.StartsWith("HTTP/1.1 200", response);
        Assert.Contains("Content-Type:", response);
        Assert.Equal("", RawHttp.BodyOf(response));
    }

    [Theory]
    [InlineData("\u200f\u200b\u2066\u2069")]
    [InlineData(" \u200e \ufeff ")]
    public async Task A_question_of_only_invisible_marks_is_400(string question)
    {
        await using var web = await WebHostHarness.StartAsync();
        using var client = web.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/ask", new { question });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(web.Answerer.Requests);
    }

    [Theory]
    [InlineData("/api/articles/wire/2024/0001")]
    [InlineData("/api/articles/wire%2F2024%2F0001")]
    public async Task Ids_containing_slashes_are_served(string path)
    {
        var article = new Article { Id = "wire/2024/0001", Title = "عنوان", Body = "نص الخبر.", Source = "وكالة" };
        await using var web = await WebHostHarness.StartAsync(extraArticles: article);
        using var client = web.CreateClient();
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("wire/2024/0001", json.RootElement.GetProperty("id").GetString());
        Assert.Contains("article.js", await client.GetStringAsync("/articles/wire%2F2024%2F0001"));
    }

    /// <summary>The request is logged when the server finishes it, which may be just after the client saw the connection close.</summary>
    private static async Task WaitForLogAsync(WebHostHarness web, string expected)
    {
        for (var i = 0; i < 100 && !web.Logs.Lines.Any(l => l.Contains(expected)); i++) await Task.Delay(100);
        Assert.True(web.Logs.Lines.Any(l => l.Contains(expected)), $"no log line with \"{expected}\" in:\n{web.Logs.AllText}");
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("title").GetString()));
    }
}
