using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QABot.Cli.Composition;
using QABot.Core.Json;
using QABot.Evaluation.Hosting;
using QABot.Evaluation.Reports;
using QABot.Evaluation.Running;

namespace QABot.Cli.Commands;

/// <summary>The options of `qabot eval` that only a dev set (eval/dev.jsonl, eval/heldout.jsonl) takes, and its run.</summary>
internal sealed class DevSetOptions
{
    public Option<string[]> Kind { get; } = new("--kind") { Description = $"Dev set: only questions of this kind (repeatable): {string.Join(", ", DevSetRunner.Kinds)}." };
    public Option<string[]> Lang { get; } = new("--lang") { Description = "Dev set: only questions in this language: ar or en." };
    public Option<string[]> Id { get; } = new("--id") { Description = "Dev set: only this question (repeatable); a follow-up's earlier turns are asked first, unjudged." };
    public Option<bool> Misses { get; } = new("--misses") { Description = "Dev set: after the table, print every wrong question with what was expected and what the bot gave." };
    public Option<bool> Json { get; } = new("--json") { Description = "Dev set: print the full report as JSON on stdout instead of the tables." };
    public Option<string?> CacheDir { get; } = new("--cache-dir") { Description = "Dev set: where the index of the corpora is kept between runs (default ~/.cache/qabot/eval)." };

    public void AddTo(Command command)
    {
        command.Add(Kind);
        command.Add(Lang);
        command.Add(Id);
        command.Add(Misses);
        command.Add(Json);
        command.Add(CacheDir);
    }

    public async Task<int> RunAsync(ParseResult parse, CliEnvironment env, IServiceProvider services, string root, string datasetPath,
        string[] corpus, string[] configs, int? limit, MeasurementOutputs outputs, CancellationToken token)
    {
        var kinds = parse.GetValue(Kind) ?? [];
        var languages = parse.GetValue(Lang) ?? [];
        if (kinds.FirstOrDefault(k => !DevSetRunner.Kinds.Contains(k, StringComparer.OrdinalIgnoreCase)) is { } unknownKind)
            return await BadInputAsync(env, $"unknown --kind \"{unknownKind}\"; kinds: {string.Join(", ", DevSetRunner.Kinds)}.");
        if (languages.FirstOrDefault(l => l is not ("ar" or "en")) is { } unknownLanguage)
            return await BadInputAsync(env, $"unknown --lang \"{unknownLanguage}\"; languages: ar, en.");
        if (limit is < 1) return await BadInputAsync(env, "--limit must be at least 1.");
        if (configs.Length > 1) return await BadInputAsync(env, "a dev set runs one --config at a time.");
        EvalConfiguration configuration;
        try { configuration = EvalConfiguration.Parse(configs.Length == 1 ? configs[0] : EvalConfiguration.CurrentName); }
        catch (FormatException ex) { return await BadInputAsync(env, ex.Message); }

        var sample = services.GetRequiredService<SampleCorpusBootstrapper>().SampleCorpusPath;
        var options = new DevSetRunOptions
        {
            DatasetPath = datasetPath,
            // --corpus replaces both corpora: its first path is read as the sample, the second as ANT.
            SampleCorpusPath = corpus.Length > 0 ? corpus[0] : sample,
            AntCorpusPath = corpus.Length > 1 ? corpus[1] : corpus.Length == 1 ? null
                : Path.GetFullPath(Path.Combine(root, "..", "shared", "corpora", "ant-multisource-news.jsonl.gz")),
            CacheDirectory = parse.GetValue(CacheDir) ?? CorpusIndexCache.DefaultRoot(),
            Services = ServiceRecipe.FromApplication(services.GetRequiredService<IConfiguration>(), root, builder => builder.AddQABot()),
            Settings = configuration.Settings,
            Kinds = kinds.Select(k => k.ToLowerInvariant()).ToList(),
            Languages = languages,
            Ids = parse.GetValue(Id) ?? [],
            Limit = limit,
            CommandLine = MeasurementOutputs.CommandLine(parse),
            OutputJsonPath = parse.GetValue(outputs.Out),
            MarkdownPath = outputs.MarkdownPath(parse, root),
        };

        DevSetReport report;
        try
        {
            report = await DevSetRunner.RunAsync(options, new LineProgress<string>(env.Error, line => line), token);
        }
        catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException or DirectoryNotFoundException)
        {
            return await BadInputAsync(env, ex.Message);
        }

        if (parse.GetValue(Json))
        {
            await env.Out.WriteLineAsync(JsonSerializer.Serialize(report, AnswerJson.IndentedSerializerOptions));
        }
        else
        {
            await env.Out.WriteLineAsync(DevSetText.Header(report));
            foreach (var warning in report.Warnings) await env.Out.WriteLineAsync("warning: " + warning);
            await env.Out.WriteLineAsync();
            await env.Out.WriteLineAsync(DevSetText.Summary(report.Summary));
            await env.Out.WriteLineAsync(Evaluation.Metrics.DevSetScoreCard.Markdown(report.Rows));
            if (parse.GetValue(Misses))
            {
                await env.Out.WriteLineAsync($"misses ({report.Misses.Count()} of {report.Outcomes.Count}):");
                await env.Out.WriteLineAsync(DevSetText.Misses(report));
            }
        }
        await outputs.ReportWrittenAsync(env, options.OutputJsonPath, options.MarkdownPath, []);
        return ExitCodes.Success;
    }

    private static async Task<int> BadInputAsync(CliEnvironment env, string message)
    {
        await env.Error.WriteLineAsync($"error: {message}");
        return ExitCodes.BadInput;
    }
}
