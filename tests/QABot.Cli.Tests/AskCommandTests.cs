using System.Text.Json;
using QABot.Cli.Terminal;

namespace QABot.Cli.Tests;

[Trait("Category", "Cli")]
public sealed class AskCommandTests : IDisposable
{
    private const string GiftArticle = "004_ed7c3fead92d0ce9";
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task First_ask_ingests_the_sample_corpus_and_answers_with_a_dated_citation()
    {
        var (code, output, error) = await _cli.RunAsync("ask", "--json", "ماذا أهدى بوتين لكيم جونغ أون؟");

        Assert.Equal(0, code);
        Assert.Contains("First run", error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("ar", json.GetProperty("language").GetString());
        Assert.False(json.GetProperty("refused").GetBoolean());
        var citation = json.GetProperty("citations").EnumerateArray().First();
        Assert.Equal(1, citation.GetProperty("n").GetInt32());
        Assert.Equal(GiftArticle, citation.GetProperty("articleId").GetString());
        Assert.Equal("2023-09-14", citation.GetProperty("published").GetString());
        Assert.Equal("قناة اليمن اليوم", citation.GetProperty("source").GetString());
        Assert.Contains("بندقية", citation.GetProperty("quote").GetString());
        Assert.Contains("[1]", json.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Second_ask_does_not_ingest_again()
    {
        var (firstCode, _, _) = await _cli.RunAsync("ask", "--json", "ماذا أهدى بوتين لكيم جونغ أون؟");

        var (code, output, error) = await _cli.RunAsync("ask", "--json", "ماذا أهدى بوتين لكيم جونغ أون؟");

        Assert.Equal((0, 0), (firstCode, code));
        Assert.DoesNotContain("First run", error);
        Assert.False(JsonDocument.Parse(output).RootElement.GetProperty("refused").GetBoolean());
    }

    [Fact]
    public async Task Json_shape_lists_the_ranked_top_k_retrieved_chunks()
    {
        var (_, output, _) = await _cli.RunAsync("ask", "--json", "--top", "3", "بوتين");

        var json = JsonDocument.Parse(output).RootElement;
        foreach (var name in new[] { "question", "language", "answer", "refused", "citations", "retrieved" })
            Assert.True(json.TryGetProperty(name, out _), name);
        var retrieved = json.GetProperty("retrieved").EnumerateArray().ToList();
        Assert.Equal(3, retrieved.Count);
        var scores = retrieved.Select(r => r.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.All(retrieved, r => Assert.StartsWith(r.GetProperty("articleId").GetString()!, r.GetProperty("chunkId").GetString()));
    }

    [Fact]
    public async Task English_question_is_answered_in_an_english_frame_citing_the_arabic_article()
    {
        var (code, output, _) = await _cli.RunAsync("ask", "--json", "What gift did Putin give Kim Jong Un?");

        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("en", json.GetProperty("language").GetString());
        Assert.False(json.GetProperty("refused").GetBoolean());
        // The short answer is English (a dictionary word here), the Arabic sentence follows labelled as the original.
        var shortAnswer = json.GetProperty("shortAnswer").GetString()!;
        Assert.Matches("^[A-Za-z][A-Za-z ,'-]*$", shortAnswer);
        Assert.StartsWith(shortAnswer, json.GetProperty("answer").GetString());
        Assert.Contains("Original text (Arabic)", json.GetProperty("answer").GetString());
        Assert.Contains(json.GetProperty("citations").EnumerateArray(), c => c.GetProperty("articleId").GetString() == GiftArticle);
    }

    [Theory]
    [InlineData("What is the capital of Australia?", "en")]
    [InlineData("كم عدد سكان البرازيل؟", "ar")]
    public async Task Off_corpus_questions_are_refused_in_the_question_language(string question, string language)
    {
        var (_, output, _) = await _cli.RunAsync("ask", "--json", question);

        var json = JsonDocument.Parse(output).RootElement;
        Assert.True(json.GetProperty("refused").GetBoolean());
        Assert.Equal(language, json.GetProperty("language").GetString());
        Assert.Empty(json.GetProperty("citations").EnumerateArray());
        Assert.Contains(language == "en" ? "Not found in the corpus" : "غير موجود", json.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Batch_mode_reads_questions_from_stdin_and_writes_one_json_object_per_line()
    {
        var stdin = "ماذا أهدى بوتين لكيم جونغ أون؟\n\nWhat is the capital of Australia?\n";

        var (code, output, _) = await _cli.RunWithInputAsync(stdin, "ask", "--json", "-");

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.False(JsonDocument.Parse(lines[0]).RootElement.GetProperty("refused").GetBoolean());
        Assert.True(JsonDocument.Parse(lines[1]).RootElement.GetProperty("refused").GetBoolean());
    }

    [Fact]
    public async Task Readable_output_on_a_terminal_is_rtl_marked_and_lists_sources_with_outlet_and_date()
    {
        _cli.OutputIsTerminal = true;
        var (_, output, _) = await _cli.RunAsync("ask", "ماذا أهدى بوتين لكيم جونغ أون؟");

        var lines = output.Split('\n');
        Assert.StartsWith(RtlText.RightToLeftMark.ToString(), lines[0]);
        var source = Assert.Single(lines, l => l.Contains(GiftArticle));
        Assert.Contains("قناة اليمن اليوم", source);
        Assert.Contains($"{RtlText.LeftToRightIsolate}2023-09-14{RtlText.PopDirectionalIsolate}", source);
    }

    [Fact]
    public async Task Empty_and_oversized_questions_are_rejected_with_a_clear_error()
    {
        var (emptyCode, _, emptyError) = await _cli.RunAsync("ask", "   ");
        var (longCode, _, longError) = await _cli.RunAsync("ask", new string('س', 5000));

        Assert.Equal(2, emptyCode);
        Assert.Contains("empty", emptyError);
        Assert.Equal(2, longCode);
        Assert.Contains("limit", longError);
    }
}
