using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using QABot.Testing;

namespace QABot.Cli.Tests;

/// <summary>
/// `qabot serve` (as composed for production) following a separate `qabot ingest` process without a restart, and
/// reporting the commit it serves on /metrics.
/// </summary>
[Trait("Category", "Web")]
[Collection(MetricsAlone.Name)]
public sealed class LiveServeTests : IAsyncLifetime
{
    private static readonly TimeSpan Visible = TimeSpan.FromSeconds(5);
    private readonly TempDirectory _inputs = new();
    private RunningServeHost _serve = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _serve = await RunningServeHost.StartAsync();
        _http = new HttpClient { BaseAddress = _serve.Address! };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _serve.DisposeAsync();
        _inputs.Dispose();
    }

    [Fact]
    public async Task Serve_answers_for_an_article_another_process_ingested_within_five_seconds_and_metrics_show_the_new_generation()
    {
        using (var missing = await _http.GetAsync("/api/articles/live-proc-1")) Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var generationBefore = await MetricAsync("qabot_index_generation");
        var file = _inputs.File("late.jsonl");
        await File.WriteAllTextAsync(file, LiveArticles.Line("live-proc-1", "خبر من عملية أخرى", "أعلنت البلدية افتتاح جسر المشاة الجديد فوق النهر.") + "\n");

        var (code, _, error) = await QabotProcess.RunAsync(TimeSpan.FromMinutes(2), "--data-dir", _serve.DataDir, "ingest", file);
        Assert.True(code == 0, $"the second process's ingest failed ({code}): {error}");

        var seen = await Eventually.TrueWithinAsync(Visible, async () =>
        {
            using var response = await _http.GetAsync("/api/articles/live-proc-1");
            return response.StatusCode == HttpStatusCode.OK;
        });
        Assert.True(seen, "serve did not see the article the other process committed within 5 s");
        var generationAfter = await MetricAsync("qabot_index_generation");
        Assert.True(generationAfter > generationBefore, $"qabot_index_generation went from {generationBefore} to {generationAfter}");
        var committedAt = DateTimeOffset.FromUnixTimeMilliseconds((long)(await MetricAsync("qabot_index_last_commit_timestamp_seconds") * 1000));
        Assert.InRange(committedAt, DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow.AddSeconds(1));
    }

    private async Task<double> MetricAsync(string name)
    {
        var text = await _http.GetStringAsync("/metrics");
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(name + " ", StringComparison.Ordinal) || l.StartsWith(name + "{", StringComparison.Ordinal));
        Assert.True(line is not null, $"/metrics has no {name}:\n{text}");
        // "name{labels} value [timestamp]"
        var rest = line[name.Length..];
        if (rest.StartsWith('{')) rest = rest[(rest.IndexOf('}') + 1)..];
        return double.Parse(rest.Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// OpenTelemetry listens to meters by name across the whole process: while another `serve` host of this test process runs,
/// /metrics also carries that host's index gauges. Tests that read a gauge's value run with no other test beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsAlone
{
    public const string Name = "metrics read alone";
}

/// <summary>POST /api/articles on `qabot serve` with an API key configured, and the refusals around it.</summary>
[Trait("Category", "Web")]
public sealed class ArticleUploadTests
{
    private const string Key = "test-ingest-key";

    [Fact]
    public async Task A_jsonl_batch_is_ingested_with_a_per_line_report_and_served_at_once()
    {
        await using var serve = await RunningServeHost.StartAsync(new Dictionary<string, string?> { ["Web:ApiKeys:0"] = Key });
        using var http = Client(serve);
        var body = string.Join("\n",
            LiveArticles.Line("up-1", "افتتاح مكتبة", "افتتحت الوزارة مكتبة عامة جديدة في وسط المدينة."),
            "{\"id\": \"up-broken\", \"title\": ",
            LiveArticles.Line("up-copy", "نسخة", "افتتحت الوزارة مكتبة عامة جديدة في وسط المدينة."),
            LiveArticles.Line("up-2", "", "")) + "\n";

        using var response = await http.PostAsync("/api/articles", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var lines = json.GetProperty("lines").EnumerateArray()
            .Select(l => (Line: l.GetProperty("line").GetInt32(), Status: l.GetProperty("status").GetString())).ToList();
        Assert.Equal([(1, "ingested"), (2, "failed"), (3, "duplicate"), (4, "failed")], lines);
        Assert.Equal("up-1", json.GetProperty("lines")[0].GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("lines")[1].GetProperty("error").GetString()));
        Assert.Equal((1, 1, 2), (json.GetProperty("ingested").GetInt32(), json.GetProperty("duplicates").GetInt32(), json.GetProperty("failed").GetInt32()));

        using var article = await http.GetAsync("/api/articles/up-1");
        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
        using var alias = await http.GetAsync("/api/articles/up-copy");
        Assert.Equal("up-1", JsonDocument.Parse(await alias.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task One_json_article_posted_again_is_unchanged_and_with_new_text_replaced()
    {
        await using var serve = await RunningServeHost.StartAsync(new Dictionary<string, string?> { ["Web:ApiKeys:0"] = Key });
        using var http = Client(serve);
        var first = LiveArticles.Line("one", "مطر", "هطلت أمطار غزيرة على العاصمة صباح اليوم.");

        Assert.Equal("ingested", await StatusOfOnlyLineAsync(http, first));
        Assert.Equal("unchanged", await StatusOfOnlyLineAsync(http, first));
        Assert.Equal("replaced", await StatusOfOnlyLineAsync(http, LiveArticles.Line("one", "مطر", "هطلت أمطار غزيرة على العاصمة مساء اليوم.")));
        var stored = JsonDocument.Parse(await http.GetStringAsync("/api/articles/one")).RootElement;
        Assert.Contains("مساء", stored.GetProperty("body").GetString());
    }

    [Fact]
    public async Task Without_configured_api_keys_the_endpoint_is_disabled_even_for_loopback()
    {
        await using var serve = await RunningServeHost.StartAsync();
        using var http = new HttpClient { BaseAddress = serve.Address! };

        using var response = await http.PostAsync("/api/articles",
            new StringContent(LiveArticles.Line("nokey", "عنوان", "نص الخبر."), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Web:ApiKeys", await response.Content.ReadAsStringAsync());
        using var article = await http.GetAsync("/api/articles/nokey");
        Assert.Equal(HttpStatusCode.NotFound, article.StatusCode);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_and_nothing_is_stored()
    {
        await using var serve = await RunningServeHost.StartAsync(new Dictionary<string, string?> { ["Web:ApiKeys:0"] = Key });
        using var http = new HttpClient { BaseAddress = serve.Address! };
        http.DefaultRequestHeaders.Add("X-Api-Key", "wrong");

        using var response = await http.PostAsync("/api/articles",
            new StringContent(LiveArticles.Line("wrongkey", "عنوان", "نص الخبر."), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var check = Client(serve);
        using var article = await check.GetAsync("/api/articles/wrongkey");
        Assert.Equal(HttpStatusCode.NotFound, article.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_ingest_limit_gets_413_problem_json_and_nothing_is_stored()
    {
        await using var serve = await RunningServeHost.StartAsync(new Dictionary<string, string?> { ["Web:ApiKeys:0"] = Key, ["Web:MaxIngestBytes"] = "2000" });
        using var http = Client(serve);
        var body = LiveArticles.Line("big", "طويل", string.Concat(Enumerable.Repeat("خبر طويل جدا. ", 200)));

        using var response = await http.PostAsync("/api/articles", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("2000", await response.Content.ReadAsStringAsync());
        using var article = await http.GetAsync("/api/articles/big");
        Assert.Equal(HttpStatusCode.NotFound, article.StatusCode);
    }

    private static HttpClient Client(RunningServeHost serve)
    {
        var http = new HttpClient { BaseAddress = serve.Address! };
        http.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return http;
    }

    private static async Task<string?> StatusOfOnlyLineAsync(HttpClient http, string article)
    {
        using var content = new StringContent(article, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync("/api/articles", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var line = Assert.Single(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("lines").EnumerateArray());
        return line.GetProperty("status").GetString();
    }
}

/// <summary>`qabot ingest --watch` over a real folder, stopped as Ctrl-C stops it.</summary>
[Trait("Category", "Cli")]
public sealed class IngestWatchTests : IDisposable
{
    private static readonly TimeSpan Processed = TimeSpan.FromSeconds(30);
    private readonly CliRun _cli = new();
    private readonly TempDirectory _drop = new();

    public void Dispose()
    {
        _cli.Dispose();
        _drop.Dispose();
    }

    [Fact]
    public async Task Files_present_at_start_and_renamed_in_later_are_ingested_and_moved_while_temporary_names_wait()
    {
        await File.WriteAllTextAsync(_drop.File("before.jsonl"), LiveArticles.Line("w-before", "قبل البدء", "خبر كان في المجلد قبل بدء المراقبة.") + "\n");
        await File.WriteAllTextAsync(_drop.File(".writing.jsonl"), LiveArticles.Line("w-hidden", "مخفي", "خبر لم يكتمل بعد.") + "\n");
        await File.WriteAllTextAsync(_drop.File("half.jsonl.tmp"), LiveArticles.Line("w-tmp", "مؤقت", "خبر باسم مؤقت.") + "\n");
        using var stop = new CancellationTokenSource();
        var watch = _cli.RunUntilCancelledAsync("", stop.Token, "ingest", "--watch", _drop.Path);

        var beforeDone = await Eventually.TrueWithinAsync(Processed, () => Task.FromResult(File.Exists(_drop.File("done/before.jsonl")) || watch.IsCompleted));
        Assert.True(beforeDone && !watch.IsCompleted, "the file present at start was not processed" + await EndedWith(watch));

        await File.WriteAllTextAsync(_drop.File("late.jsonl.tmp"), LiveArticles.Line("w-late", "لاحقا", "خبر وصل بعد بدء المراقبة.") + "\n");
        File.Move(_drop.File("late.jsonl.tmp"), _drop.File("late.jsonl"));
        await File.WriteAllTextAsync(_drop.File(".bad.jsonl"), LiveArticles.Line("w-good", "سليم", "سطر سليم في ملف فيه خطأ.") + "\n{ not json\n");
        File.Move(_drop.File(".bad.jsonl"), _drop.File("bad.jsonl"));

        var laterDone = await Eventually.TrueWithinAsync(Processed, () => Task.FromResult(
            (File.Exists(_drop.File("done/late.jsonl")) && File.Exists(_drop.File("failed/bad.jsonl.error"))) || watch.IsCompleted));
        await stop.CancelAsync();
        var (code, output, _) = await watch;

        Assert.True(laterDone, "the renamed-in files were not processed; output:\n" + output);
        Assert.Equal(130, code);
        Assert.True(File.Exists(_drop.File("failed/bad.jsonl")));
        Assert.Contains("line 2", await File.ReadAllTextAsync(_drop.File("failed/bad.jsonl.error")));
        Assert.True(File.Exists(_drop.File(".writing.jsonl")) && File.Exists(_drop.File("half.jsonl.tmp")), "a temporary name was touched");
        Assert.Contains("late.jsonl", output);
        foreach (var id in new[] { "w-before", "w-late", "w-good" })
            Assert.Equal(0, (await _cli.RunAsync("articles", "show", id)).ExitCode);
        foreach (var id in new[] { "w-hidden", "w-tmp" })
            Assert.Equal(2, (await _cli.RunAsync("articles", "show", id)).ExitCode);
    }

    [Fact]
    public async Task A_missing_folder_is_bad_input()
    {
        var (code, _, error) = await _cli.RunAsync("ingest", "--watch", _drop.File("nowhere"));

        Assert.Equal(2, code);
        Assert.Contains("no such folder", error);
    }

    private static async Task<string> EndedWith(Task<(int ExitCode, string Out, string Error)> watch) =>
        watch.IsCompleted ? $"; the watch ended with {(await watch).ExitCode}: {(await watch).Error}" : "";
}

[Trait("Category", "Cli")]
public sealed class StatsCommitTests : IDisposable
{
    private readonly CliRun _cli = new();
    private readonly TempDirectory _inputs = new();

    public void Dispose()
    {
        _cli.Dispose();
        _inputs.Dispose();
    }

    [Fact]
    public async Task Stats_json_reports_a_generation_that_grows_with_each_ingest_and_the_iso_time_of_the_last_commit()
    {
        var file = _inputs.File("one.jsonl");
        await File.WriteAllTextAsync(file, LiveArticles.Line("s-1", "خبر", "خبر أول للإحصاءات.") + "\n");
        Assert.Equal(0, (await _cli.RunAsync("ingest", file)).ExitCode);
        var first = JsonDocument.Parse((await _cli.RunAsync("stats", "--json")).Out).RootElement;
        var started = DateTimeOffset.UtcNow;
        await File.WriteAllTextAsync(file, LiveArticles.Line("s-2", "خبر", "خبر ثان للإحصاءات.") + "\n");
        Assert.Equal(0, (await _cli.RunAsync("ingest", file)).ExitCode);

        var (code, output, _) = await _cli.RunAsync("stats", "--json");

        Assert.Equal(0, code);
        var second = JsonDocument.Parse(output).RootElement;
        Assert.True(second.GetProperty("generation").GetInt64() > first.GetProperty("generation").GetInt64());
        var lastCommit = second.GetProperty("lastCommit").GetString()!;
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}", lastCommit);
        Assert.InRange(DateTimeOffset.Parse(lastCommit, System.Globalization.CultureInfo.InvariantCulture), started.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Contains("generation", (await _cli.RunAsync("stats")).Out);
    }
}

internal static class LiveArticles
{
    public static string Line(string id, string title, string body) =>
        JsonSerializer.Serialize(new { id, title, body, source = "الاختبار", published = "2024-05-01T10:00:00+03:00" });
}
