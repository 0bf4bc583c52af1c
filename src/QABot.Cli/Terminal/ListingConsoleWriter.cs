using QABot.Answering.Formatting;
using QABot.Core.Domain;

namespace QABot.Cli.Terminal;

/// <summary>The rows of an article listing (`articles list`, `articles search`, list answers): date, outlet, title, id.</summary>
public static class ListingConsoleWriter
{
    public static string Heading(ArticleListing listing, string language) => language == Languages.English
        ? listing.Total == 0 ? "No article matches." : $"{listing.Total} article(s), newest first{(listing.Total > listing.Articles.Count ? $"; showing {listing.Articles.Count}" : "")}:"
        : RtlText.Line(listing.Total == 0 ? "لا توجد مقالات مطابقة." : $"عدد المقالات: {listing.Total}، الأحدث أولاً{(listing.Total > listing.Articles.Count ? $"؛ يظهر منها {listing.Articles.Count}" : "")}:", language);

    /// <summary>"2023-09-14  Sky News Arabia  title  id", with the Latin parts isolated so an Arabic title cannot reorder them.</summary>
    public static string Row(ListedArticle article, IOutletNames outlets, string language)
    {
        var outlet = article.Source is { } source ? outlets.DisplayName(source, language) : "-";
        var date = AnswerTexts.DateOrNotStated(article.Published, language);
        return RtlText.Line($"{RtlText.Isolate(date)}  {outlet}  {article.Title}  {RtlText.Isolate(article.ArticleId)}");
    }

    /// <summary>The first words of a passage, on one line.</summary>
    public static string Excerpt(string passage, int maxChars = 160)
    {
        var line = string.Join(' ', passage.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return line.Length <= maxChars ? line : line[..maxChars].TrimEnd() + " …";
    }
}
