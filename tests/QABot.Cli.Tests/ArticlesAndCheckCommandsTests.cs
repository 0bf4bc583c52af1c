using System.Text.Json;

namespace QABot.Cli.Tests;

/// <summary>`articles list`, `articles search` and `check` over the bundled sample corpus (ingested on first use).</summary>
[Trait("Category", "Cli")]
public sealed class ArticlesAndCheckCommandsTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    private static JsonElement Json(string output) => JsonDocument.Parse(output).RootElement;

    [Fact]
    public async Task List_gives_a_month_newest_first_with_its_count_dates_and_outlet_names()
    {
        var (code, output, _) = await _cli.RunAsync("articles", "list", "--from", "2023-09", "--to", "2023-09", "--json");

        Assert.Equal(0, code);
        var json = Json(output);
        Assert.Equal(2, json.GetProperty("total").GetInt32());
        var articles = json.GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal(["002_766c5c9b7fcf550c", "004_ed7c3fead92d0ce9"], articles.Select(a => a.GetProperty("articleId").GetString()));
        Assert.Equal(["2023-09-18", "2023-09-14"], articles.Select(a => a.GetProperty("published").GetString()));
        Assert.Equal("سكاي نيوز عربية", articles[0].GetProperty("source").GetString());
        Assert.Equal("Sky News Arabia", articles[0].GetProperty("outlet").GetString());
    }

    [Fact]
    public async Task List_filters_by_any_spelling_of_an_outlet_and_counts_beyond_the_limit()
    {
        var (code, output, _) = await _cli.RunAsync("articles", "list", "--source", "sky news", "--json");
        Assert.Equal(0, code);
        Assert.Equal(["002_766c5c9b7fcf550c"], Json(output).GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("articleId").GetString()));

        var (_, limited, more) = await _cli.RunAsync("articles", "list", "--limit", "2");
        Assert.StartsWith("8 article(s), newest first; showing 2", limited);
        Assert.Contains("2023-10-12", limited);
        Assert.Contains("Al-Osboa", limited);
        Assert.Contains("6 more", more);
    }

    [Theory]
    [InlineData("--from", "September")]
    [InlineData("--to", "2023-13")]
    [InlineData("--source", "Daily Planet")]
    public async Task List_refuses_what_it_cannot_read_in_one_line(string option, string value)
    {
        await _cli.RunAsync("articles", "list"); // the first run's note about the sample corpus is not part of the error
        var (code, output, error) = await _cli.RunAsync("articles", "list", option, value);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("error: ", error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task List_of_a_known_outlet_with_no_articles_is_empty_not_everything()
    {
        var (code, output, _) = await _cli.RunAsync("articles", "list", "--source", "Reuters", "--json");
        Assert.Equal(0, code);
        Assert.Equal(0, Json(output).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Search_ranks_articles_once_each_with_their_best_passage()
    {
        var (code, output, _) = await _cli.RunAsync("articles", "search", "بندقية", "قفاز", "--json", "--limit", "3");

        Assert.Equal(0, code);
        var articles = Json(output).GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal("004_ed7c3fead92d0ce9", articles[0].GetProperty("articleId").GetString());
        Assert.Equal(articles.Count, articles.Select(a => a.GetProperty("articleId").GetString()).Distinct().Count());
        Assert.Contains("بندقية", articles[0].GetProperty("passage").GetString());
        Assert.Equal("Yemen Today", articles[0].GetProperty("outlet").GetString());
    }

    [Fact]
    public async Task Check_sends_the_claim_and_prints_the_answer_json_with_a_verdict_field()
    {
        var (code, output, _) = await _cli.RunAsync("check", "--json", "أهدى بوتين كيم جونغ أون بندقية");

        Assert.Equal(0, code);
        var json = Json(output);
        Assert.True(json.TryGetProperty("verdict", out _));
        Assert.Equal("أهدى بوتين كيم جونغ أون بندقية", json.GetProperty("question").GetString());
    }

    [Fact]
    public async Task Check_refuses_an_empty_claim_and_reads_claims_from_stdin()
    {
        Assert.Equal(2, (await _cli.RunAsync("check", " ")).ExitCode);

        var (code, output, _) = await _cli.RunWithInputAsync("أهدى بوتين كيم بندقية\n\nPutin gave Kim a rifle\n", "check", "--json", "-");
        Assert.Equal(0, code);
        Assert.Equal(2, output.Trim().Split('\n').Length);
    }

    [Fact]
    public async Task Help_of_the_new_commands_teaches_with_examples()
    {
        var (_, list, _) = await _cli.RunAsync("articles", "list", "--help");
        Assert.Contains("--from", list);
        Assert.Contains("--source", list);
        Assert.Contains("Examples:", list);
        var (_, check, _) = await _cli.RunAsync("check", "--help");
        Assert.Contains("contradicted", check);
        Assert.Contains("Exit codes", check);
    }
}
