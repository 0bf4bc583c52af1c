using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QABot.Cli.Composition;
using QABot.Cli.Terminal;
using QABot.Core.Configuration;
using QABot.Core.Json;
using QABot.Core.Retrieval;

namespace QABot.Cli.Commands;

public static class StatsCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var json = new Option<bool>("--json") { Description = "Print the statistics as JSON." };
        var command = new Command("stats", "What the index holds: articles, chunks, dated share, date span, outlets, size on disk, and the commit it reads (generation and time; --json: \"generation\", \"lastCommit\" in ISO 8601).") { json };
        command.SetAction((parse, ct) => globals.RunAsync(parse, ct, async (services, token) =>
        {
            var env = globals.EnvironmentFor(parse);
            var stats = await services.GetRequiredService<IArticleIndex>().GetStatsAsync(token);
            if (parse.GetValue(json))
            {
                await env.Out.WriteLineAsync(JsonSerializer.Serialize(stats, AnswerJson.IndentedSerializerOptions));
                return ExitCodes.Success;
            }
            await env.Out.WriteLineAsync($"backend:   {stats.Backend}");
            await env.Out.WriteLineAsync($"data dir:  {services.GetRequiredService<IOptions<DataOptions>>().Value.ResolvedDirectory}");
            await env.Out.WriteLineAsync($"articles:  {stats.Articles} ({stats.DatedArticles} dated, {stats.Articles - stats.DatedArticles} with no date)");
            await env.Out.WriteLineAsync($"chunks:    {stats.Chunks}");
            if (stats.EarliestPublished is { } from && stats.LatestPublished is { } to)
                await env.Out.WriteLineAsync($"published: {from:yyyy-MM-dd} … {to:yyyy-MM-dd}");
            if (stats.Generation is { } generation)
                await env.Out.WriteLineAsync($"commit:    generation {generation}" +
                    (stats.LastCommit is { } at ? $", {at.ToLocalTime():yyyy-MM-dd HH:mm:ss zzz}" : ""));
            if (stats.SizeOnDiskBytes is { } size) await env.Out.WriteLineAsync($"size:      {size / 1_048_576.0:0.0} MB");
            if (stats.ArticlesBySource.Count > 0)
            {
                await env.Out.WriteLineAsync("outlets:");
                foreach (var (source, count) in stats.ArticlesBySource.OrderByDescending(p => p.Value).Take(20))
                    await env.Out.WriteLineAsync(RtlText.Line($"  {count,6}  {(string.IsNullOrWhiteSpace(source) ? "-" : source)}"));
            }
            return ExitCodes.Success;
        }));
        return command;
    }
}
