namespace QABot.Core.Domain;

/// <summary>
/// Article ids as people type and paste them: surrounding whitespace and invisible marks (a terminal's bidi isolates
/// copied along with an id) are not part of an id. Ingestion stores ids in this form and every backend looks them up in it.
/// </summary>
public static class ArticleIds
{
    public static string Normalize(string id) => InvisibleMarks.Strip(id).Trim();
}
