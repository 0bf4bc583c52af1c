using QABot.Cli.Composition;
using QABot.Ingestion;
using Spectre.Console;

namespace QABot.Cli.Terminal;

/// <summary>A progress bar on a terminal; on redirected output, a plain line per 10 % so logs stay readable.</summary>
public static class IngestProgressView
{
    public static async Task<IngestReport> RunAsync(CliEnvironment env, Func<IProgress<IngestProgress>, Task<IngestReport>> run)
    {
        if (!env.Interactive)
        {
            var lastDecile = -1;
            var plain = new SynchronousProgress<IngestProgress>(p =>
            {
                if (p.BytesTotal <= 0) return;
                var decile = (int)(p.BytesDone * 10 / p.BytesTotal);
                if (decile <= lastDecile) return;
                lastDecile = decile;
                env.Error.WriteLine($"  {decile * 10,3}%  {p.ArticlesDone} articles  {Path.GetFileName(p.CurrentFile)}");
            });
            return await run(plain);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        IngestReport? report = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("ingest", maxValue: 1);
                var bar = new SynchronousProgress<IngestProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.BytesTotal);
                    task.Value = p.BytesDone;
                    task.Description = $"{p.ArticlesDone} articles · {Markup.Escape(Path.GetFileName(p.CurrentFile))}";
                });
                report = await run(bar);
                task.Value = task.MaxValue;
            });
        return report!;
    }

    /// <summary>Reports on the caller's thread: Progress&lt;T&gt; would post to the thread pool and print after the summary.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        private readonly Lock _gate = new();
        public void Report(T value) { lock (_gate) report(value); }
    }
}
