using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QABot.Cli.Composition;
using QABot.Evaluation.Hosting;
using QABot.Evaluation.Reports;
using QABot.Evaluation.Running;

namespace QABot.Cli.Commands;

public static class EvalCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var dataset = new Argument<string?>("dataset")
        {
            Description = "A QA set: our .jsonl format, a SQuAD .json file, or a folder holding xquad.ar.json (+ xquad.en.json). Default: eval/sample-qa.jsonl.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var corpus = new Option<string[]>("--corpus") { Description = "Articles a .jsonl set is asked against (files or folders; default the bundled sample corpus). SQuAD sets bring their own paragraphs." };
        var configs = new Option<string[]>("--config", "-c")
        {
            Description = "A configuration to run; repeat to compare side by side. Presets: current, bm25 (no query expansion), no-dictionary, extractive, llm; " +
                          "or NAME:KEY=VALUE;KEY=VALUE (e.g. top5:Retrieval:Top=5, or dense05:Retrieval:Fusion:DenseWeight=0.5 for the " +
                          "BM25/embedding fusion weights, which act only with Embeddings:Model set). Default: current.",
        };
        var limit = new Option<int?>("--limit", "-n") { Description = "At most N questions per group (spread over the set), for a quick run." };
        var noUnanswerable = new Option<bool>("--no-unanswerable") { Description = "Skip the SQuAD unanswerable pass (held-out paragraphs removed, questions must be refused)." };
        var outputs = new MeasurementOutputs();
        var devSet = new DevSetOptions();

        var command = new Command("eval", """
            Measure answer quality: index a QA set's articles into a private temporary index per configuration, ask every
            question, and report retrieval (recall@1/5/10, MRR@10, nDCG@10), answers (exact match, token F1, keywords),
            citations (precision, date correctness), refusals and latency (p50/p95). Prints the tables and writes a JSON
            report with --out; with --write-docs also the recall@k chart and its section of docs/benchmarks.md (tracked files,
            so only when asked).

            A dev set (eval/dev.jsonl, eval/heldout.jsonl: lines with "kind" and "corpus") is run as issue 9 measures it:
            one index of corpus/sample + the ANT corpus (../shared/corpora/ant-multisource-news.jsonl.gz), built once and
            cached under --cache-dir; every question asked as `qabot ask` does (bare claims as `qabot check`), follow-ups in
            the conversation of the question they follow; short answer, citation, local date, refusal, verdict and list
            judged per kind × language. Without the ANT corpus its questions are skipped with a warning.

            Examples:
              qabot eval eval/dev.jsonl                               (the dev set: headline figures and the kind × language table)
              qabot eval eval/dev.jsonl --misses --kind when --lang en   (each wrong answer: expected against got)
              qabot eval eval/dev.jsonl --id dev-009 --misses         (one question, with the turn it follows asked first)
              qabot eval eval/dev.jsonl --out dev.json --write-docs   (JSON report; refresh its section of docs/benchmarks.md)
              qabot eval                                              (eval/sample-qa.jsonl on corpus/sample)
              qabot eval ../shared/eval/xquad --config bm25 --config current --out xquad.json
              qabot eval ../shared/eval/xquad --limit 50
              qabot eval ../shared/eval/xquad -c current -c "equal:Retrieval:Fusion:DenseWeight=1" -c "dense05:Retrieval:Fusion:DenseWeight=0.5;Retrieval:Fusion:K=30"
                                                                      (BM25 + embeddings fused with other weights; needs Embeddings:Model)
              qabot eval --config bm25 --config current --write-docs  (refresh docs/benchmarks.md and its chart)
            """) { dataset, corpus, configs, limit, noUnanswerable };
        outputs.AddTo(command);
        devSet.AddTo(command);

        command.SetAction((parse, ct) => globals.RunAsync(parse, ct, async (services, token) =>
        {
            var env = globals.EnvironmentFor(parse);
            var root = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
            var datasetPath = parse.GetValue(dataset) ?? Path.Combine(root, "eval", "sample-qa.jsonl");
            bool isDevSet;
            try { isDevSet = DevSetRunner.IsDevSetFile(datasetPath); }
            catch (InvalidDataException ex)
            {
                await env.Error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.BadInput;
            }
            if (isDevSet)
                return await devSet.RunAsync(parse, env, services, root, datasetPath, parse.GetValue(corpus) ?? [], parse.GetValue(configs) ?? [],
                    parse.GetValue(limit), outputs, token);
            List<EvalConfiguration> configurations;
            try { configurations = (parse.GetValue(configs) is { Length: > 0 } specs ? specs : [EvalConfiguration.CurrentName]).Select(EvalConfiguration.Parse).ToList(); }
            catch (FormatException ex)
            {
                await env.Error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.BadInput;
            }
            var corpusPaths = parse.GetValue(corpus) is { Length: > 0 } given ? given : [services.GetRequiredService<SampleCorpusBootstrapper>().SampleCorpusPath];
            if (parse.GetValue(limit) is < 1)
            {
                await env.Error.WriteLineAsync("error: --limit must be at least 1.");
                return ExitCodes.BadInput;
            }

            var options = new EvalRunOptions
            {
                DatasetPath = datasetPath,
                CorpusPaths = corpusPaths,
                Configurations = configurations,
                Services = ServiceRecipe.FromApplication(services.GetRequiredService<IConfiguration>(), root, builder => builder.AddQABot()),
                Limit = parse.GetValue(limit),
                IncludeUnanswerable = !parse.GetValue(noUnanswerable),
                OutputJsonPath = parse.GetValue(outputs.Out),
                PlotsDirectory = outputs.ImagesDirectory(parse, root),
                MarkdownPath = outputs.MarkdownPath(parse, root),
                CommandLine = MeasurementOutputs.CommandLine(parse),
            };

            EvalReport report;
            try
            {
                report = await EvalRunner.RunAsync(options, new LineProgress<EvalProgress>(env.Error,
                    p => $"[{p.Configuration}] {p.Phase} {p.Done}/{p.Total}"), token);
            }
            catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException or DirectoryNotFoundException or ArgumentException)
            {
                await env.Error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.BadInput;
            }

            await env.Out.WriteLineAsync($"{report.Dataset}: {report.Configurations[0].Questions.Count} questions per configuration, {report.Elapsed.TotalSeconds:0} s");
            var targets = EvalMarkdown.TargetTable(report);
            if (targets.Length > 0) await env.Out.WriteLineAsync(targets);
            await env.Out.WriteLineAsync(EvalMarkdown.Tables(report));
            await outputs.ReportWrittenAsync(env, options.OutputJsonPath, options.MarkdownPath, report.Charts);
            return ExitCodes.Success;
        }));
        return command;
    }
}

/// <summary>
/// Where `eval` and `bench` write their results: a JSON report (--out), and, only with --write-docs, the charts plus a
/// section of docs/benchmarks.md. Those are tracked files: a measurement run must not rewrite them unasked.
/// </summary>
internal sealed class MeasurementOutputs
{
    public Option<string?> Out { get; } = new("--out", "-o") { Description = "Write the full report as JSON to this file." };
    public Option<bool> WriteDocs { get; } = new("--write-docs") { Description = "Also write the charts and update this measurement's section of docs/benchmarks.md." };
    public Option<string?> Docs { get; } = new("--docs") { Description = "With --write-docs: the folder holding benchmarks.md and img/ (default: docs/ under the QABot root)." };
    /// <summary>The old opt-out, now the default; still accepted so recorded command lines keep working.</summary>
    public Option<bool> NoDocs { get; } = new("--no-docs") { Description = "Do not write charts or update benchmarks.md (the default).", Hidden = true };

    public void AddTo(Command command)
    {
        command.Add(Out);
        command.Add(WriteDocs);
        command.Add(Docs);
        command.Add(NoDocs);
    }

    public string? MarkdownPath(ParseResult parse, string root) =>
        Writes(parse) ? Path.Combine(DocsDirectory(parse, root), "benchmarks.md") : null;

    public string? ImagesDirectory(ParseResult parse, string root) =>
        Writes(parse) ? Path.Combine(DocsDirectory(parse, root), "img") : null;

    private bool Writes(ParseResult parse) => parse.GetValue(WriteDocs) && !parse.GetValue(NoDocs);

    private string DocsDirectory(ParseResult parse, string root) => parse.GetValue(Docs) ?? Path.Combine(root, "docs");

    /// <summary>The command as typed, quoted where needed, recorded next to the figures it produced.</summary>
    public static string CommandLine(ParseResult parse) =>
        "qabot " + string.Join(' ', parse.Tokens.Select(t => t.Value.Contains(' ') || t.Value.Length == 0 ? $"\"{t.Value}\"" : t.Value));

    public async Task ReportWrittenAsync(CliEnvironment env, string? json, string? markdown, IReadOnlyList<string> charts)
    {
        if (json is not null) await env.Error.WriteLineAsync($"report: {json}");
        if (markdown is not null) await env.Error.WriteLineAsync($"updated: {markdown}");
        foreach (var chart in charts) await env.Error.WriteLineAsync($"chart:  {chart}");
    }
}

/// <summary>Prints progress as plain lines on stderr, on the reporting thread so lines never arrive after the result.</summary>
internal sealed class LineProgress<T>(TextWriter error, Func<T, string> format) : IProgress<T>
{
    private readonly Lock _gate = new();

    public void Report(T value)
    {
        lock (_gate) error.WriteLine(format(value));
    }
}
