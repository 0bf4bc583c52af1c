using System.Text.Json;

namespace QABot.Cli.Tests;

[Trait("Category", "Cli")]
public sealed class OtherCommandsTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Help_teaches_the_commands()
    {
        var (code, output, _) = await _cli.RunAsync("--help");

        Assert.Equal(0, code);
        foreach (var command in new[] { "ask", "chat", "ingest", "articles", "stats", "serve" })
            Assert.Contains(command, output);
    }

    [Fact]
    public async Task Chat_follow_up_asking_when_answers_with_the_date_the_cited_article_gives()
    {
        var stdin = "ماذا أهدى بوتين لكيم جونغ أون؟\nومتى كان ذلك؟\n/exit\n";

        var (code, output, _) = await _cli.RunWithInputAsync(stdin, "chat");

        Assert.Equal(0, code);
        var turns = output.Split("> ");
        Assert.DoesNotContain("سبتمبر 2023", turns[1]);
        // The event date as the text states it ("the Kremlin announced Thursday", resolved against the outlet's date),
        // and the publication date stays in the citation.
        Assert.StartsWith("الخميس (14 سبتمبر 2023)", turns[2].TrimStart());
        Assert.Contains("2023-09-14", turns[2]);
    }

    [Fact]
    public async Task Appended_article_is_its_own_document_without_the_hosts_date()
    {
        await _cli.RunAsync("ask", "--json", "بوتين");

        var (code, output, _) = await _cli.RunAsync("articles", "show", "--json", "000_e8a6cc70ddad2db4#r1");

        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(JsonValueKind.Null, json.GetProperty("published").ValueKind);
        Assert.Equal("000_e8a6cc70ddad2db4", json.GetProperty("hostArticleId").GetString());
    }

    [Fact]
    public async Task Bench_serve_reports_the_cpu_each_request_cost_and_the_load_it_ran_under()
    {
        await _cli.RunAsync("ask", "بوتين");

        var (code, output, error) = await _cli.RunAsync("bench", "serve", "--clients", "2", "--seconds", "120", "--max-requests", "2", "--json");

        Assert.True(code == 0, error);
        var run = JsonDocument.Parse(output).RootElement[0];
        Assert.Equal(2, run.GetProperty("requests").GetInt32());
        Assert.True(run.GetProperty("cpuMsPerRequest").GetDouble() > 0);
        if (File.Exists("/proc/loadavg")) Assert.True(run.GetProperty("loadAverage").GetDouble() >= 0);
    }

    [Fact]
    public async Task Articles_show_reports_an_unknown_id()
    {
        var (code, _, error) = await _cli.RunAsync("articles", "show", "no-such-article");

        Assert.Equal(2, code);
        Assert.Contains("no article with id", error);
    }

    [Fact]
    public async Task Ingest_reports_bad_files_and_commits_the_good_ones()
    {
        var folder = Path.Combine(_cli.DataDir, "..", Path.GetFileName(_cli.DataDir) + "-in");
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "good.jsonl"),
                """{"id":"n1","title":"خبر","published":"2023-05-01","source":"وكالة","body":"افتتح وزير الصحة مستشفى جديدا في مدينة حمص اليوم."}""" + "\n{broken\n");
            File.WriteAllBytes(Path.Combine(folder, "empty.txt"), []);

            var (code, output, error) = await _cli.RunAsync("ingest", folder);

            Assert.Equal(3, code);
            Assert.Contains("good.jsonl:2", error);
            Assert.Contains("empty.txt", error);
            Assert.Contains("ingested 1", output);
            var (_, stats, _) = await _cli.RunAsync("stats", "--json");
            Assert.Equal(1, JsonDocument.Parse(stats).RootElement.GetProperty("articles").GetInt32());
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public async Task Ingest_of_a_missing_path_is_bad_input()
    {
        var (code, _, error) = await _cli.RunAsync("ingest", "/no/such/folder");

        Assert.Equal(2, code);
        Assert.Contains("no such file", error);
    }
}

[Trait("Category", "Cli")]
public sealed class BackendFailureTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task An_unreachable_qdrant_is_a_one_line_error_not_a_stack_trace()
    {
        _cli.Settings["Retrieval:Backend"] = "Qdrant";
        _cli.Settings["Retrieval:Qdrant:Url"] = "http://127.0.0.1:1";
        _cli.Settings["Retrieval:Qdrant:MaxRetries"] = "0";

        var (code, _, error) = await _cli.RunAsync("ask", "بوتين");

        Assert.Equal(1, code);
        Assert.StartsWith("error: Qdrant", error);
        Assert.DoesNotContain("   at ", error);
    }
}
