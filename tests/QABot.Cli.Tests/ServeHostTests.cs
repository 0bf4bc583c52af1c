using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QABot.Cli.Commands;
using QABot.Cli.Composition;
using QABot.Testing;

namespace QABot.Cli.Tests;

/// <summary>`qabot serve` as composed for production (real ingestion, Lucene index and extractive answerer) on a free loopback port.</summary>
[Trait("Category", "Web")]
public sealed class ServeHostTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private IHost? _host;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var env = new CliEnvironment(TextWriter.Null, TextWriter.Null, TextReader.Null, Interactive: false)
        {
            Overrides = new Dictionary<string, string?>
            {
                ["Data:Directory"] = _data.Path,
                ["Data:SampleCorpus"] = RepoPaths.SampleCorpus,
                ["Web:Urls"] = "http://127.0.0.1:0",
                ["Telegram:Enabled"] = "false",
                ["Llm:Endpoint"] = "",
                ["Retrieval:Backend"] = "Embedded",
            },
        };
        var (host, plan) = ServeHost.Build(env, verbose: false);
        Assert.True(plan.Web);
        Assert.False(plan.Telegram);
        _host = host;
        await FirstRun.EnsureSampleCorpusAsync(host.Services, env, CancellationToken.None);
        await host.StartAsync();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_host is not null) { await _host.StopAsync(); _host.Dispose(); }
        _data.Dispose();
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
