using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace QABot.Cli.Tests;

/// <summary>`qabot serve` as composed for production (real ingestion, Lucene index and extractive answerer) on a free loopback port.</summary>
[Trait("Category", "Web")]
public sealed class ServeHostTests : IAsyncLifetime
{
    private RunningServeHost _serve = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _serve = await RunningServeHost.StartAsync();
        Assert.True(_serve.Plan.Web);
        Assert.False(_serve.Plan.Telegram);
        _http = new HttpClient { BaseAddress = _serve.Address! };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _serve.DisposeAsync();
    }

    [Fact]
    public async Task Api_answers_an_arabic_question_from_the_real_index_with_a_dated_citation()
    {
        using var response = await _http.PostAsJsonAsync("/api/ask", new { question = "ماذا أهدى بوتين لكيم جونغ أون؟" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(json.GetProperty("refused").GetBoolean());
        var citation = json.GetProperty("citations")[0];
        Assert.Equal("004_ed7c3fead92d0ce9", citation.GetProperty("articleId").GetString());
        Assert.Equal("2023-09-14", citation.GetProperty("published").GetString());
    }

    [Fact]
    public async Task Api_refuses_an_off_corpus_question()
    {
        using var response = await _http.PostAsJsonAsync("/api/ask", new { question = "What is the capital of Australia?" });

        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(json.GetProperty("refused").GetBoolean());
        Assert.Empty(json.GetProperty("citations").EnumerateArray());
    }

    [Fact]
    public async Task Article_endpoint_serves_an_appended_article_without_a_date()
    {
        using var response = await _http.GetAsync("/api/articles/" + Uri.EscapeDataString("000_e8a6cc70ddad2db4#r1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("بوتين", body);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(body).RootElement.GetProperty("published").ValueKind);
    }

    [Fact]
    public async Task Health_reports_the_lucene_backend()
    {
        var json = JsonDocument.Parse(await _http.GetStringAsync("/healthz")).RootElement;

        Assert.Equal("lucene", json.GetProperty("index").GetString());
    }
}
