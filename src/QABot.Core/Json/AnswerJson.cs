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

    public static AnswerJson From(Answer answer) => new(
        answer.Question,
        answer.Language,
        SnakeCase(answer.Kind.ToString()),
        answer.Text,
        answer.ShortAnswer,
        answer.Refused,
        answer.Verdict is { } verdict ? SnakeCase(verdict.ToString()) : null,
        answer.Citations.Select(c => new CitationJson(c.Number, c.ArticleId, c.Title, c.Source, c.PublishedDate, c.Quote)).ToList(),
        answer.Listing is { } listing
            ? new ListingJson(listing.Total, listing.Articles.Select(a => new ListedArticleJson(a.ArticleId, a.Title, a.Source, a.PublishedDate)).ToList())
            : null,
        answer.Retrieved.Select(r => new RetrievedJson(r.ArticleId, r.ChunkId, r.Score)).ToList());

    /// <summary>"HowMany" → "how_many", "NotFound" → "not_found": the wire names of kinds and verdicts.</summary>
    private static string SnakeCase(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    public static string Serialize(Answer answer, bool indented = false) =>
        JsonSerializer.Serialize(From(answer), indented ? IndentedSerializerOptions : SerializerOptions);

    private static JsonSerializerOptions CreateOptions(bool indented) => new(JsonSerializerDefaults.Web)
    {
        WriteIndented = indented,
        // Null stays in the output: "published": null is how an undated article is told apart from a missing field.
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

/// <param name="Published">"yyyy-MM-dd", or null when the article states no date.</param>
public sealed record CitationJson(int N, string ArticleId, string Title, string? Source, string? Published, string Quote);

public sealed record RetrievedJson(string ArticleId, string ChunkId, double Score);

public sealed record ListingJson(int Total, IReadOnlyList<ListedArticleJson> Articles);

public sealed record ListedArticleJson(string ArticleId, string Title, string? Source, string? Published);
