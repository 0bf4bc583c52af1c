using System.Text;
using QABot.Answering.Formatting;
using QABot.Core.Domain;
using QABot.Core.Retrieval;

namespace QABot.Hosts.Telegram.Formatting;

/// <summary>Renders answers, citation lists and article excerpts as Telegram HTML. Every piece of data is escaped.</summary>
public static class AnswerMessageFormatter
{
    private const int ExcerptChars = 1500;

    /// <summary>
    /// A claim's verdict in bold first, the short answer in bold when the text does not open with it, the text, the rows
    /// of a list answer (date, outlet, title), then a compact citation list (title, outlet, date per source).
    /// </summary>
    public static string FormatAnswer(Answer answer, IOutletNames? outlets = null)
    {
        var language = answer.Language;
        var sb = new StringBuilder();
        if (answer.Verdict is { } verdict)
            sb.Append("<b>").Append(VerdictTexts.Mark(verdict)).Append(' ').Append(VerdictTexts.Heading(language)).Append(": ")
                .Append(VerdictTexts.Label(verdict, language)).Append("</b>\n\n");
        if (answer.ShortAnswer is { Length: > 0 } shortAnswer && !answer.Text.TrimStart().StartsWith(shortAnswer, StringComparison.Ordinal))
            sb.Append("<b>").Append(TelegramHtml.Escape(shortAnswer)).Append("</b>\n\n");
        sb.Append(TelegramHtml.Escape(answer.Text.Trim()));
        if (answer.Listing is { Articles.Count: > 0 } listing)
        {
            sb.Append('\n');
            foreach (var article in listing.Articles)
                sb.Append("\n• ").Append(BotTexts.DateLabel(article.Published, language)).Append(" — ")
                    .Append(TelegramHtml.Escape(Outlet(article.Source, language, outlets))).Append(" — ").Append(TelegramHtml.Escape(article.Title));
        }
        if (answer.Citations.Count > 0)
        {
            sb.Append("\n\n<b>").Append(BotTexts.SourcesHeading(language)).Append("</b>\n");
            foreach (var citation in answer.Citations)
                sb.Append(CitationLine(citation, language, outlets)).Append('\n');
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>/sources: every citation in full, with article id and the quoted passage.</summary>
    public static string FormatSources(Answer answer, IOutletNames? outlets = null)
    {
        var sb = new StringBuilder();
        sb.Append("<b>").Append(BotTexts.SourcesHeading(answer.Language)).Append("</b>");
        foreach (var citation in answer.Citations)
        {
            sb.Append("\n\n").Append(CitationLine(citation, answer.Language, outlets));
            sb.Append("\nid: <code>").Append(TelegramHtml.Escape(citation.ArticleId)).Append("</code>");
            if (!string.IsNullOrWhiteSpace(citation.Quote))
                sb.Append("\n<blockquote>").Append(TelegramHtml.Escape(citation.Quote.Trim())).Append("</blockquote>");
        }
        return sb.ToString();
    }

    /// <summary>The excerpt opened from an inline button: metadata, the quoted passage and the article's opening.</summary>
    public static string FormatExcerpt(Citation citation, StoredArticle? stored, string language, IOutletNames? outlets = null)
    {
        var sb = new StringBuilder();
        sb.Append(CitationLine(citation, language, outlets));
        sb.Append("\nid: <code>").Append(TelegramHtml.Escape(citation.ArticleId)).Append("</code>");
        var url = stored?.Article.Url ?? citation.Url;
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            sb.Append("\n<a href=\"").Append(TelegramHtml.EscapeAttribute(uri.AbsoluteUri)).Append("\">").Append(TelegramHtml.Escape(uri.Host)).Append("</a>");
        if (!string.IsNullOrWhiteSpace(citation.Quote))
            sb.Append("\n\n<blockquote>").Append(TelegramHtml.Escape(citation.Quote.Trim())).Append("</blockquote>");
        if (stored is not null)
        {
            var body = stored.Article.Body.Trim();
            var opening = body.Length <= ExcerptChars ? body : body[..ExcerptChars].TrimEnd() + " …";
            sb.Append("\n\n").Append(TelegramHtml.Escape(opening));
        }
        return sb.ToString();
    }

    private static string CitationLine(Citation citation, string language, IOutletNames? outlets) =>
        $"[{citation.Number}] <b>{TelegramHtml.Escape(citation.Title)}</b> — " +
        $"{TelegramHtml.Escape(Outlet(citation.Source, language, outlets))}, {BotTexts.DateLabel(citation.Published, language)}";

    /// <summary>The outlet's display name ("Sky News Arabia" for the stored "skynews").</summary>
    private static string Outlet(string? source, string language, IOutletNames? outlets) =>
        source is null ? BotTexts.UnknownOutlet(language) : outlets?.DisplayName(source, language) ?? source;
}
