using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using QABot.Core.Domain;

namespace QABot.Core.Json;

/// <summary>
/// The one JSON shape of an answer, shared by `qabot ask --json` and the web API (<c>POST /api/ask</c>) so that
/// scripts written against one work against the other.
/// </summary>
public sealed record AnswerJson(
    string Question,
    string Language,
    string Answer,
    bool Refused,
    IReadOnlyList<CitationJson> Citations,
    IReadOnlyList<RetrievedJson> Retrieved)
{
    /// <summary>camelCase, Arabic kept readable (not \u-escaped) but HTML-sensitive characters still escaped.</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = CreateOptions(indented: false);

    public static JsonSerializerOptions IndentedSerializerOptions { get; } = CreateOptions(indented: true);

    public static AnswerJson From(Answer answer) => new(
        answer.Question,
        answer.Language,
        answer.Text,
        answer.Refused,
        answer.Citations.Select(c => new CitationJson(c.Number, c.ArticleId, c.Title, c.Source, c.PublishedDate, c.Quote)).ToList(),
        answer.Retrieved.Select(r => new RetrievedJson(r.ArticleId, r.ChunkId, r.Score)).ToList());

    public static string Serialize(Answer answer, bool indented = false) =>
        JsonSerializer.Serialize(From(answer), indented ? IndentedSerializerOptions : SerializerOptions);

    private static JsonSerializerOptions CreateOptions(bool indented) => new(JsonSerializerDefaults.Web)
    {
        WriteIndented = indented,
        // Null stays in the output: "published": null is how an undated article is told apart from a missing field.
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.BasicLatin, UnicodeRanges.Arabic, UnicodeRanges.ArabicSupplement,
            UnicodeRanges.ArabicPresentationFormsA, UnicodeRanges.ArabicPresentationFormsB, UnicodeRanges.GeneralPunctuation),
    };
}

/// <param name="Published">"yyyy-MM-dd", or null when the article states no date.</param>
public sealed record CitationJson(int N, string ArticleId, string Title, string? Source, string? Published, string Quote);

public sealed record RetrievedJson(string ArticleId, string ChunkId, double Score);
