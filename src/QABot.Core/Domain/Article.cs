namespace QABot.Core.Domain;

/// <summary>
/// One news article as parsed from a source file, before chunking.
/// <see cref="Published"/> is null when the article carries no date of its own: an article
/// appended to another never borrows its host's date.
/// </summary>
public sealed record Article
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    public string? Source { get; init; }
    public string? Url { get; init; }
    public DateTimeOffset? Published { get; init; }
    public IReadOnlyList<string> Keywords { get; init; } = [];
    /// <summary>"ar" or "en": the language the body is written in.</summary>
    public string Language { get; init; } = "ar";
    /// <summary>For an article appended after «اقرأ أيضاً», the id of the article it was found in.</summary>
    public string? HostArticleId { get; init; }
    /// <summary>The file (and line, for JSONL) the article came from, for error messages and `articles show`.</summary>
    public string? Origin { get; init; }
}
