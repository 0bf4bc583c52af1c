using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QABot.Answering.Formatting;
using QABot.Cli.Composition;
using QABot.Cli.Terminal;
using QABot.Core.Domain;
using QABot.Core.Json;
using QABot.Core.Retrieval;
using QABot.Text.Outlets;

namespace QABot.Cli.Commands;

public static class ArticlesCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("articles", "List the articles of a period or outlet, search them by words, and show one.");
        command.Add(CreateList(globals));
        command.Add(CreateSearch(globals));
        command.Add(CreateShow(globals));
        return command;
    }

    private static Command CreateList(GlobalOptions globals)
    {
        var filters = new ListingOptions();
        var limit = new Option<int>("--limit", "-n") { Description = "Show at most this many (default 20; 0 = all). The count covers every match.", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: {\"total\": N, \"articles\": [{articleId, title, source, outlet, published}]}." };
        var list = new Command("list", """
            List the articles of a period and/or outlet, newest first (undated last): date, outlet, title, id, and how many match.
            Dates are the outlet's own calendar date (an article stamped 2018-03-01T02:28+04:00 is on 2018-03-01).

            Examples:
              qabot articles list --from 2023-09 --to 2023-09
              qabot articles list --source "sky news" --limit 5
              qabot articles list --source BBC --from 2018-07-15 --to 2018-07-15 --json
            """) { limit, json };
        filters.AddTo(list);
        list.SetAction((parse, ct) => globals.RunAsync(parse, ct, async (services, token) =>
        {
            var env = globals.EnvironmentFor(parse);
            var max = parse.GetValue(limit);
            if (max < 0)
            {
                await env.Error.WriteLineAsync("error: --limit must be 0 (all) or more.");
                return ExitCodes.BadInput;
            }
            await FirstRun.EnsureSampleCorpusAsync(services, env, token);
            var (window, sources, _, error) = await filters.ReadAsync(parse, services.GetRequiredService<OutletCatalog>(), token);
            if (error is not null)
            {
                await env.Error.WriteLineAsync(error);
                return ExitCodes.BadInput;
            }
            var index = services.GetRequiredService<IArticleIndex>();
            var query = new ArticleQuery { Published = window, Sources = sources, Limit = max == 0 ? 0 : max };
            var listing = sources is { Count: 0 } ? new ArticleListing(0, []) : await index.QueryArticlesAsync(query, token);
            if (max == 0 && listing.Total > 0 && sources is not { Count: 0 })
                listing = await index.QueryArticlesAsync(query with { Limit = listing.Total }, token);

            var names = services.GetRequiredService<IOutletNames>();
            if (parse.GetValue(json))
            {
                await env.Out.WriteLineAsync(JsonSerializer.Serialize(ListingJson.From(listing, Languages.English, names), AnswerJson.IndentedSerializerOptions));
                return ExitCodes.Success;
            }
            await env.Out.WriteLineAsync(ListingConsoleWriter.Heading(listing, Languages.English));
            foreach (var article in listing.Articles) await env.Out.WriteLineAsync(ListingConsoleWriter.Row(article, names, Languages.English));
            if (listing.Total > listing.Articles.Count)
                await env.Error.WriteLineAsync($"({listing.Total - listing.Articles.Count} more; raise --limit, or --limit 0 for all)");
            return ExitCodes.Success;
        }));
        return list;
    }

    private static Command CreateSearch(GlobalOptions globals)
    {
        var words = new Argument<string[]>("words") { Description = "What to look for, in Arabic or English.", Arity = ArgumentArity.OneOrMore };
        var filters = new ListingOptions();
        var limit = new Option<int>("--limit", "-n") { Description = "At most this many articles (1-100, default 10).", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: {\"query\", \"articles\": [{articleId, title, source, outlet, published, score, chunkId, passage}]}." };
        var search = new Command("search", """
            Find the articles that match some words, best first, with the best-matching passage of each. English words
            are looked up in Arabic as questions are. Unlike `ask`, nothing is answered or refused: it only ranks.

            Examples:
              qabot articles search بوتين كيم
              qabot articles search "grain deal" --from 2023 --source RT --json
            """) { words, limit, json };
        filters.AddTo(search);
        search.SetAction((parse, ct) => globals.RunAsync(parse, ct, async (services, token) =>
        {
            var env = globals.EnvironmentFor(parse);
            var text = string.Join(' ', parse.GetValue(words) ?? []).Trim();
            var max = parse.GetValue(limit);
            if (text.Length == 0 || text.Length > AskCommand.MaxQuestionChars)
            {
                await env.Error.WriteLineAsync($"error: give between 1 and {AskCommand.MaxQuestionChars} characters to search for.");
                return ExitCodes.BadInput;
            }
            if (max is < 1 or > 100)
            {
                await env.Error.WriteLineAsync("error: --limit must be between 1 and 100.");
                return ExitCodes.BadInput;
            }
            await FirstRun.EnsureSampleCorpusAsync(services, env, token);
            var (window, sources, _, error) = await filters.ReadAsync(parse, services.GetRequiredService<OutletCatalog>(), token);
            if (error is not null)
            {
                await env.Error.WriteLineAsync(error);
                return ExitCodes.BadInput;
            }
            var hits = new List<ArticleHit>();
            if (sources is not { Count: 0 })
            {
                // Passages are ranked; an article counts once, at its best passage.
                var request = await services.GetRequiredService<IQueryPlanner>().PlanAsync(text, max * 5, window, token);
                var chunks = await services.GetRequiredService<IArticleIndex>().SearchAsync(request with { Sources = sources }, token);
                hits = chunks.GroupBy(c => c.Chunk.ArticleId).Select(g => g.MaxBy(c => c.Score)!).OrderByDescending(c => c.Score).Take(max)
                    .Select(c => new ArticleHit(c.Chunk, c.Score)).ToList();
            }
            var names = services.GetRequiredService<IOutletNames>();
            if (parse.GetValue(json))
            {
                await env.Out.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    query = text,
                    articles = hits.Select(h => new
                    {
                        articleId = h.Chunk.ArticleId, title = h.Chunk.Metadata.Title, source = h.Chunk.Metadata.Source,
                        outlet = AnswerJson.OutletName(names, h.Chunk.Metadata.Source, Languages.English),
                        published = h.Listed.PublishedDate, score = Math.Round(h.Score, 4), chunkId = h.Chunk.ChunkId, passage = h.Chunk.Text,
                    }),
                }, AnswerJson.IndentedSerializerOptions));
                return ExitCodes.Success;
            }
            await env.Out.WriteLineAsync(hits.Count == 0 ? "No article matches." : $"{hits.Count} best-matching article(s), best first:");
            foreach (var hit in hits)
            {
                await env.Out.WriteLineAsync($"{hit.Score,7:0.00}  " + ListingConsoleWriter.Row(hit.Listed, names, Languages.English));
                await env.Out.WriteLineAsync(RtlText.Line("         " + ListingConsoleWriter.Excerpt(hit.Chunk.Text)));
            }
            return ExitCodes.Success;
        }));
        return search;
    }

    private sealed record ArticleHit(Chunk Chunk, double Score)
    {
        public ListedArticle Listed { get; } = new(Chunk.ArticleId, Chunk.Metadata.Title, Chunk.Metadata.Source, Chunk.Metadata.Published);
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
