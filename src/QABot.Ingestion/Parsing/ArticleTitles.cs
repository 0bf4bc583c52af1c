using QABot.Core.Domain;
using QABot.Text;

namespace QABot.Ingestion.Parsing;

/// <summary>
/// Titles are printed in every citation, in Telegram messages and on the web page; a "title" of thousands of characters
/// is a parsing accident or a hostile record. Applied to every article whatever its format, before it is hashed.
/// </summary>
public static class ArticleTitles
{
    public static Article Capped(Article article, int maxChars) =>
        article.Title.Length <= maxChars ? article : article with { Title = TextCut.Shorten(article.Title, maxChars) };
}
