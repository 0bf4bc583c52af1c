using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using QABot.Cli.Composition;
using QABot.Testing;

namespace QABot.Cli.Tests;

/// <summary>The one exit-code policy and one-line errors, at the command boundary every command goes through.</summary>
[Trait("Category", "Cli")]
public sealed class CommandErrorTests : IDisposable
{
    private readonly CliRun _cli = new();
    private readonly TempDirectory _scratch = new();

    public void Dispose()
    {
        _cli.Dispose();
        _scratch.Dispose();
    }

    [Theory]
    [InlineData("ask")]                           // the question is required
    [InlineData("stats", "--no-such-option")]
    [InlineData("articles", "show")]
    [InlineData("no-such-command")]
    [InlineData("ask", "--top", "many", "x")]
    public async Task A_command_line_that_does_not_parse_is_bad_input(params string[] args)
    {
        var (code, _, error) = await _cli.RunAsync(args);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.NotEqual("", error.Trim());
    }

    [Theory]
    [InlineData("\u200f\u2066\u2069")]
    [InlineData("\u200b \u200b")]
    public async Task A_question_of_only_invisible_marks_is_empty(string question)
    {
        var (code, _, error) = await _cli.RunAsync("ask", question);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("empty", error);
    }

    [Fact]
    public async Task A_batch_line_that_cannot_be_asked_gets_an_error_object_in_its_place()
    {
        var stdin = "ماذا أهدى بوتين لكيم جونغ أون؟\n" + new string('س', 2500) + "\n\nWhat is the capital of Australia?\n";

        var (code, output, _) = await _cli.RunWithInputAsync(stdin, "ask", "--json", "-");

        Assert.Equal(ExitCodes.PartialFailure, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count); // one per non-blank input line, in order
        Assert.True(lines[0].TryGetProperty("citations", out _));
        Assert.Equal(2, lines[1].GetProperty("line").GetInt32());
        Assert.Contains("2500 characters", lines[1].GetProperty("error").GetString());
        Assert.True(lines[2].GetProperty("refused").GetBoolean());
    }

    [Fact]
    public async Task An_explicit_empty_data_dir_is_not_filled_with_the_sample_corpus()
    {
        var empty = Path.Combine(_scratch.Path, "typo");

        var (code, _, error) = await _cli.RunAsync("--data-dir", empty, "ask", "ماذا أهدى بوتين لكيم جونغ أون؟");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("is empty", error);
        Assert.Contains("ingest", error);
        var (_, stats, _) = await _cli.RunAsync("--data-dir", empty, "stats", "--json");
        Assert.Equal(0, JsonDocument.Parse(stats).RootElement.GetProperty("articles").GetInt32());
    }

    [Fact]
    public void A_cause_behind_a_wrapper_is_named_and_a_message_with_a_stack_trace_prints_as_one_line()
    {
        var diskFull = new InvalidOperationException("Writing to the Lucene index failed; the session's changes will be rolled back.",
            new IOException("No space left on device : '/data/lucene/_0.fdt'"));
        Assert.Equal("Writing to the Lucene index failed; the session's changes will be rolled back: No space left on device : '/data/lucene/_0.fdt'",
            ErrorText.Describe(diskFull));

        // Lucene's lock error quotes its cause's ToString(), stack trace included.
        var denied = new UnauthorizedAccessException("Access to the path '/ro/lucene/write.lock' is denied.", new IOException("Permission denied"));
        var locked = new IOException("Lock obtain timed out: FallbackNativeFSLock@/ro/lucene/write.lock: " + denied + "\n   at Lucene.Net.Store.Lock.Obtain()", denied);
        var line = ErrorText.Describe(locked);
        Assert.DoesNotContain("\n", line);
        Assert.DoesNotContain(" at ", line);
        Assert.DoesNotContain("System.UnauthorizedAccessException", line);
        Assert.Contains("write.lock' is denied", line);
        Assert.Contains("writable", line);
    }

    [Fact]
    public async Task Serve_on_a_busy_port_prints_one_line_and_exits_1()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        await _cli.RunAsync("ingest", RepoPaths.SampleCorpus);

        var (code, _, error) = await QabotProcess.RunAsync(TimeSpan.FromMinutes(2),
            "--data-dir", _cli.DataDir, "serve", "--urls", $"http://127.0.0.1:{port}");

        Assert.Equal(ExitCodes.Failure, code);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"error: port {port} is in use (http://127.0.0.1:{port}); pass --urls to listen elsewhere", Assert.Single(lines, l => l.StartsWith("error:")));
        Assert.DoesNotContain("   at ", error);
        Assert.DoesNotContain("Exception", error);
    }

    [Fact]
    public async Task Serve_over_a_corrupt_index_prints_one_line_like_ask()
    {
        Assert.Equal(0, (await _cli.RunAsync("ingest", RepoPaths.SampleCorpus)).ExitCode);
        foreach (var segments in Directory.GetFiles(Path.Combine(_cli.DataDir, "lucene"), "segments_*"))
            await File.WriteAllBytesAsync(segments, [0x3f, 0xd7, 0x6c, 0x17, 1, 2, 3]);

        var (askCode, _, askError) = await QabotProcess.RunAsync(TimeSpan.FromMinutes(2), "--data-dir", _cli.DataDir, "ask", "بوتين");
        var (serveCode, _, serveError) = await QabotProcess.RunAsync(TimeSpan.FromMinutes(2),
            "--data-dir", _cli.DataDir, "serve", "--urls", "http://127.0.0.1:0");

        Assert.Equal((ExitCodes.Failure, ExitCodes.Failure), (askCode, serveCode));
        foreach (var error in new[] { askError, serveError })
        {
            Assert.StartsWith("error: ", error);
            Assert.DoesNotContain("   at ", error);
        }
    }
}
