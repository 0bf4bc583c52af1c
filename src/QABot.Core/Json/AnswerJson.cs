using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using QABot.Core.Domain;

namespace QABot.Core.Json;

/// <summary>
/// The one JSON shape of an answer, shared by `qabot ask --json` and the web API (<c>POST /api/ask</c>) so that
/// scripts written against one work against the other.
/// </summary>
public sealed record AnswerJson(
    string Question,
    string Language,
    string Kind,
    string Answer,
    string? ShortAnswer,
    bool Refused,
    string? Verdict,
    IReadOnlyList<CitationJson> Citations,
    ListingJson? Listing,
    IReadOnlyList<RetrievedJson> Retrieved)
{
    /// <summary>
    /// camelCase and readable: Arabic, quotes and punctuation are written as themselves (a quote as \", not \u0022);
    /// only what JSON requires is escaped. Safe for the API because its JSON is served as application/json with
    /// X-Content-Type-Options: nosniff, and the chat page renders every string as text.
    /// </summary>
    public static JsonSerializerOptions SerializerOptions { get; } = CreateOptions(indented: false);

    public static JsonSerializerOptions IndentedSerializerOptions { get; } = CreateOptions(indented: true);

    /// <param name="outlets">Display names for the <c>outlet</c> fields; without it they repeat the stored <c>source</c>.</param>
    public static AnswerJson From(Answer answer, IOutletNames? outlets = null) => new(
        answer.Question,
        answer.Language,
        SnakeCase(answer.Kind.ToString()),
        answer.Text,
        answer.ShortAnswer,
        answer.Refused,
        answer.Verdict is { } verdict ? WireName(verdict) : null,
        answer.Citations.Select(c => new CitationJson(c.Number, c.ArticleId, c.Title, c.Source, OutletName(outlets, c.Source, answer.Language), c.PublishedDate, c.Quote)).ToList(),
        answer.Listing is { } listing ? ListingJson.From(listing, answer.Language, outlets) : null,
        answer.Retrieved.Select(r => new RetrievedJson(r.ArticleId, r.ChunkId, r.Score)).ToList());

    /// <summary>The outlet as a reader should see it ("Sky News Arabia" for the stored "skynews"), in the answer's language.</summary>
    public static string? OutletName(IOutletNames? outlets, string? source, string language) =>
        source is null ? null : outlets?.DisplayName(source, language) ?? source;

    /// <summary>"supported", "contradicted", "not_found": a verdict as the JSON and the dev set write it.</summary>
    public static string WireName(ClaimVerdict verdict) => SnakeCase(verdict.ToString());

    /// <summary>"HowMany" → "how_many", "NotFound" → "not_found": the wire names of kinds and verdicts.</summary>
    private static string SnakeCase(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    public static string Serialize(Answer answer, bool indented = false, IOutletNames? outlets = null) =>
        JsonSerializer.Serialize(From(answer, outlets), indented ? IndentedSerializerOptions : SerializerOptions);

    private static JsonSerializerOptions CreateOptions(bool indented) => new(JsonSerializerDefaults.Web)
    {
        WriteIndented = indented,
        // Null stays in the output: "published": null is how an undated article is told apart from a missing field.
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

/// <param name="Source">The outlet exactly as the article names it (what filters take).</param>
/// <param name="Outlet">Its display name in the answer's language ("Sky News Arabia" for "skynews").</param>
/// <param name="Published">"yyyy-MM-dd" on the outlet's own clock, or null when the article states no date.</param>
public sealed record CitationJson(int N, string ArticleId, string Title, string? Source, string? Outlet, string? Published, string Quote);

public sealed record RetrievedJson(string ArticleId, string ChunkId, double Score);

public sealed record ListingJson(int Total, IReadOnlyList<ListedArticleJson> Articles)
{
    public static ListingJson From(ArticleListing listing, string language, IOutletNames? outlets) =>
        new(listing.Total, listing.Articles.Select(a => ListedArticleJson.From(a, language, outlets)).ToList());
}

/// <param name="Source">The outlet as stored; <paramref name="Outlet"/> its display name.</param>
public sealed record ListedArticleJson(string ArticleId, string Title, string? Source, string? Outlet, string? Published)
{
    public static ListedArticleJson From(ListedArticle article, string language, IOutletNames? outlets) =>
        new(article.ArticleId, article.Title, article.Source, AnswerJson.OutletName(outlets, article.Source, language), article.PublishedDate);
}
