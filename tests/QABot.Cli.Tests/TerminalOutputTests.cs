using System.Text.Json;
using QABot.Cli.Terminal;
using QABot.Testing;

namespace QABot.Cli.Tests;

/// <summary>What reaches the terminal: never control characters or escapes from article text; bidi marks only on a terminal.</summary>
[Trait("Category", "Cli")]
public sealed class TerminalOutputTests : IDisposable
{
    private const string Title = "\u001b]0;pwned\u0007\u001b[2J\u001b[1;31mعنوان خبيث\u001b[0m\u009b31m";
    private readonly CliRun _cli = new();
    private readonly TempDirectory _input = new();

    public void Dispose()
    {
        _cli.Dispose();
        _input.Dispose();
    }

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("a\u001b[2Jb", "ab")] // CSI: clear screen
    [InlineData("a\u001b[38;5;196mb", "ab")]
    [InlineData("a\u001b]0;window title\u0007b", "ab")] // OSC ended by BEL
    [InlineData("a\u001b]8;;http://evil\u001b\\b", "ab")] // OSC ended by ST (hyperlink)
    [InlineData("a\u009b2Jb\u009d0;t\u009cc", "abc")] // 8-bit C1 forms
    [InlineData("a\u001bcb", "ab")] // ESC c: reset
    [InlineData("a\u0007\u0008\u007fb\u0085", "ab")] // BEL, backspace, DEL, C1 NEL
    [InlineData("over\rwrite\r\nline\n\ttab", "overwrite\r\nline\n\ttab")] // a bare CR could overwrite the line
    [InlineData("a\u001b]0;unterminated\nnext line", "a\nnext line")] // a broken OSC ends at the newline
    [InlineData("عربي \u2066id\u2069", "عربي \u2066id\u2069")] // bidi marks are text, decided elsewhere
    public void Escape_sequences_and_control_characters_never_get_through(string written, string shown) =>
        Assert.Equal(shown, TerminalSafeWriter.Clean(written));

    [Fact]
    public void A_sequence_split_across_writes_is_still_removed()
    {
        var inner = new StringWriter();
        var writer = TerminalSafeWriter.Wrap(inner);
        writer.Write("a\u001b");
        writer.Write("]0;ti");
        writer.Write("tle\u0007b");
        Assert.Equal("ab", inner.ToString());
    }

    [Fact]
    public async Task Titles_and_outlets_with_terminal_escapes_print_as_their_text_in_every_command()
    {
        var file = Path.Combine(_input.Path, "hostile.jsonl");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new
        {
            id = "hostile-1", title = Title, source = "\u001b[5mوكالة\u001b[0m", published = "2024-01-02",
            body = "أعلنت الحكومة عن خطة جديدة لدعم المزارعين في موسم القمح هذا العام بقيمة مليار دينار.",
        }) + "\n");
        Assert.Equal(0, (await _cli.RunAsync("ingest", file)).ExitCode);

        foreach (var args in new[] { new[] { "articles", "show", "hostile-1" }, ["articles", "list"], ["stats"], ["ask", "خطة دعم المزارعين في موسم القمح"] })
        {
            var (code, output, error) = await _cli.RunAsync(args);
            Assert.Equal(0, code);
            Assert.DoesNotContain(output + error, c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));
            if (args[0] == "articles") Assert.Contains("عنوان خبيث", output);
        }
    }

    [Fact]
    public async Task Bidi_marks_go_to_a_terminal_only_and_never_with_plain()
    {
        _cli.OutputIsTerminal = true;
        var (_, terminal, _) = await _cli.RunAsync("articles", "list", "--limit", "3");
        var (_, plainOnTerminal, _) = await _cli.RunAsync("articles", "list", "--limit", "3", "--plain");
        _cli.OutputIsTerminal = false;
        var (_, piped, _) = await _cli.RunAsync("articles", "list", "--limit", "3");

        Assert.Contains(RtlText.LeftToRightIsolate, terminal);
        Assert.DoesNotContain(plainOnTerminal, IsBidiMark);
        Assert.DoesNotContain(piped, IsBidiMark);
        Assert.Equal(StripMarks(terminal), piped);
    }

    [Theory]
    [InlineData(true)]  // copied from a terminal, marks and all
    [InlineData(false)] // `articles show "$(qabot articles list --limit 1 | awk 'NR==2 {print $NF}')"`
    public async Task An_id_taken_from_the_list_output_opens_the_article(bool fromTerminal)
    {
        _cli.OutputIsTerminal = fromTerminal;
        var (_, list, _) = await _cli.RunAsync("articles", "list", "--limit", "1");
        var row = list.Split('\n')[1]; // after the count line: date, outlet, title, id
        var id = row.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];

        var (code, shown, error) = await _cli.RunAsync("articles", "show", id);
        Assert.Equal(0, code);
        Assert.Contains("id:", shown);
        Assert.Equal("", error);
    }

    [Fact]
    public async Task Json_output_escapes_quotes_readably()
    {
        var (code, output, _) = await _cli.RunAsync("articles", "show", "--json", "004_ed7c3fead92d0ce9");
        Assert.Equal(0, code);
        Assert.Contains("بـ\\\"الهدايا\\\"", output);
        Assert.DoesNotContain("\\u0022", output);
    }

    private static bool IsBidiMark(char c) => c is RtlText.RightToLeftMark or RtlText.LeftToRightIsolate or RtlText.PopDirectionalIsolate;

    private static string StripMarks(string text) => new([.. text.Where(c => !IsBidiMark(c))]);
}
