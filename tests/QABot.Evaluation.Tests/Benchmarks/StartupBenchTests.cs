using QABot.Evaluation.Benchmarks;
using QABot.Testing;

namespace QABot.Evaluation.Tests.Benchmarks;

/// <summary>
/// The cold-start bench against a stand-in launcher (a shell script that records its arguments), so the test checks
/// what is run, how often, and how failures are counted, without building or starting QABot.
/// </summary>
[Trait("Category", "Eval")]
public sealed class StartupBenchTests
{
    [Fact]
    public async Task Every_command_runs_once_untimed_then_once_per_round_and_failures_are_counted_not_timed()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var temp = new TempDirectory();
        var log = temp.File("calls.log");
        var script = temp.File("qabot-stand-in.sh");
        File.WriteAllText(script, $"""
            echo "$*" >> '{log}'
            case "$*" in *stats*) echo "index is broken" >&2; exit 3;; esac
            exit 0
            """);

        var report = await StartupBench.RunAsync(new StartupBenchOptions
        {
            DataDirectory = temp.File("data"), Launcher = ["/bin/sh", script], Runs = 2,
            Commands = [StartupBench.AskArabic, StartupBench.Stats], MarkdownPath = temp.File("benchmarks.md"),
        });

        var calls = File.ReadAllLines(log);
        Assert.Equal(6, calls.Length);
        Assert.Equal($"--data-dir {temp.File("data")} ask ماذا أهدى بوتين لكيم جونغ أون؟", calls[0]);
        Assert.Equal($"--data-dir {temp.File("data")} stats", calls[1]);

        var ask = Assert.Single(report.Results, r => r.Name == "ask (Arabic question)");
        Assert.Equal((2, 0), (ask.Runs, ask.Failures));
        Assert.True(ask.WallMinMs > 0 && ask.WallMinMs <= ask.WallP50Ms && ask.WallP50Ms <= ask.WallMaxMs);
        Assert.NotNull(ask.CpuP50Ms);

        var stats = Assert.Single(report.Results, r => r.Name == "stats");
        Assert.Equal((0, 3), (stats.Runs, stats.Failures));
        Assert.Equal("exit 3: index is broken", stats.LastError);
        Assert.Contains("<!-- begin:bench-startup -->", File.ReadAllText(temp.File("benchmarks.md")));
    }

    [Fact]
    public async Task Articles_show_needs_an_article_id_and_unknown_commands_are_refused()
    {
        using var temp = new TempDirectory();
        await Assert.ThrowsAsync<ArgumentException>(() => StartupBench.RunAsync(new StartupBenchOptions
        {
            DataDirectory = temp.Path, Launcher = ["/bin/true"], Commands = [StartupBench.ArticlesShow],
        }));
        await Assert.ThrowsAsync<ArgumentException>(() => StartupBench.RunAsync(new StartupBenchOptions
        {
            DataDirectory = temp.Path, Launcher = ["/bin/true"], Commands = ["chat"],
        }));
    }
}
