using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QABot.Answering.Formatting;
using QABot.Cli.Composition;
using QABot.Cli.Terminal;
using QABot.Core.Json;
using QABot.Core.Retrieval;

namespace QABot.Cli.Commands;

public static class ArticlesCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("articles", "List and show indexed articles.");
        command.Add(CreateList(globals));
        command.Add(CreateShow(globals));
        return command;
    }

    private static Command CreateList(GlobalOptions globals)
    {
        var source = new Option<string?>("--source") { Description = "Only articles from this outlet (exact name)." };
        var limit = new Option<int>("--limit", "-n") { Description = "At most this many rows (0 = all).", DefaultValueFactory = _ => 50 };
        var json = new Option<bool>("--json") { Description = "One JSON object per line." };
        var list = new Command("list", "List articles: id, date, outlet, title (newest first; undated last).") { source, limit, json };
        list.SetAction((parse, ct) => globals.RunAsync(parse, ct, async (services, token) =>
        {
            var env = globals.EnvironmentFor(parse);
            await FirstRun.EnsureSampleCorpusAsync(services, env, token);
            var index = services.GetRequiredService<IArticleIndex>();
            var wanted = parse.GetValue(source);
            var rows = new List<StoredArticle>();
            await foreach (var stored in index.ListArticlesAsync(token))
                if (wanted is null || string.Equals(stored.Article.Source, wanted, StringComparison.Ordinal)) rows.Add(stored);
            var ordered = rows.OrderByDescending(r => r.Article.Published ?? DateTimeOffset.MinValue).ThenBy(r => r.Article.Id, StringComparer.Ordinal);
            var max = parse.GetValue(limit);
            foreach (var row in max > 0 ? ordered.Take(max) : ordered)
            {
                var a = row.Article;
                if (parse.GetValue(json))
                    await env.Out.WriteLineAsync(JsonSerializer.Serialize(new
                    {
                        id = a.Id, title = a.Title, source = a.Source, published = a.Published?.ToString("yyyy-MM-dd"),
                        aliases = row.AliasIds, chunks = row.ChunkCount,
                    }, AnswerJson.SerializerOptions));
                else
                    await env.Out.WriteLineAsync(RtlText.Line(
                        $"{RtlText.Isolate(a.Id)}  {RtlText.Isolate(AnswerTexts.DateOrNotStated(a.Published, "en"))}  {a.Source ?? "-"}  {a.Title}"));
            }
            if (!parse.GetValue(json) && max > 0 && rows.Count > max)
                await env.Error.WriteLineAsync($"({rows.Count - max} more; use --limit 0 for all)");
            return ExitCodes.Success;
        }));
        return list;
    }

    private static Command CreateShow(GlobalOptions globals)
    {
        var id = new Argument<string>("id") { Description = "Article id (file name without extension, #rN for appended articles, or a JSONL id). Duplicate ids work too." };
        var json = new Option<bool>("--json") { Description = "Print the article as JSON." };
        var show = new Command("show", "Show one article's metadata and text.") { id, json };
        show.SetAction((parse, ct) => globals.RunAsync(parse, ct, async (services, token) =>
        {
            var env = globals.EnvironmentFor(parse);
            await FirstRun.EnsureSampleCorpusAsync(services, env, token);
            var wanted = parse.GetValue(id)!;
            var stored = await services.GetRequiredService<IArticleIndex>().GetArticleAsync(wanted, token);
            if (stored is null)
            {
                await env.Error.WriteLineAsync($"error: no article with id '{wanted}'. See `qabot articles list`.");
                return ExitCodes.BadInput;
            }
            var a = stored.Article;
            if (parse.GetValue(json))
            {
                await env.Out.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    id = a.Id, title = a.Title, source = a.Source, url = a.Url, published = a.Published?.ToString("yyyy-MM-dd"),
                    keywords = a.Keywords, language = a.Language, hostArticleId = a.HostArticleId, aliases = stored.AliasIds, body = a.Body,
                }, AnswerJson.IndentedSerializerOptions));
                return ExitCodes.Success;
            }
            await env.Out.WriteLineAsync(RtlText.Line(a.Title));
            await env.Out.WriteLineAsync($"id:        {a.Id}");
            if (stored.AliasIds.Count > 0) await env.Out.WriteLineAsync($"also:      {string.Join(", ", stored.AliasIds)}");
            await env.Out.WriteLineAsync(RtlText.Line($"outlet:    {a.Source ?? "-"}"));
            await env.Out.WriteLineAsync($"published: {AnswerTexts.DateOrNotStated(a.Published, "en")}");
            if (a.HostArticleId is not null) await env.Out.WriteLineAsync($"appended to: {a.HostArticleId}");
            if (a.Keywords.Count > 0) await env.Out.WriteLineAsync(RtlText.Line("keywords:  " + string.Join("، ", a.Keywords)));
            if (a.Url is not null) await env.Out.WriteLineAsync($"url:       {a.Url}");
            await env.Out.WriteLineAsync();
            foreach (var paragraph in a.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                await env.Out.WriteLineAsync(RtlText.Line(paragraph));
            return ExitCodes.Success;
        }));
        return show;
    }
}
