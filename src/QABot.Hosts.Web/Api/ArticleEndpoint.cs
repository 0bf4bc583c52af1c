using Microsoft.AspNetCore.Http;
using QABot.Core.Retrieval;

namespace QABot.Hosts.Web.Api;

/// <summary>GET /api/articles/{**id}: one stored article (found by id or by a duplicate's alias id). Ids may contain '/'.</summary>
public static class ArticleEndpoint
{
    public sealed record ArticleJson(
        string Id, string Title, string? Source, string? Published, string? Url, string Language, string Body, IReadOnlyList<string> AliasIds);

    public static async Task<IResult> HandleAsync(string id, IArticleIndex index, CancellationToken cancellationToken)
    {
        var stored = await index.GetArticleAsync(id, cancellationToken)
                     // The server leaves an escaped '/' (%2F) escaped in the path, so "a%2Fb" also means "a/b".
                     ?? (id.Contains("%2F", StringComparison.OrdinalIgnoreCase)
                         ? await index.GetArticleAsync(id.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase), cancellationToken)
                         : null);
        if (stored is null) return Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"No article with id '{id}'.");
        var a = stored.Article;
        return Results.Json(new ArticleJson(a.Id, a.Title, a.Source, a.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            a.Url, a.Language, a.Body, stored.AliasIds), Core.Json.AnswerJson.SerializerOptions);
    }
}
