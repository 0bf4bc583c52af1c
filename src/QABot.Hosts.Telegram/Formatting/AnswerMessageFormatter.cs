using System.Text;
using QABot.Core.Domain;
using QABot.Core.Retrieval;

namespace QABot.Hosts.Telegram.Formatting;

/// <summary>Renders answers, citation lists and article excerpts as Telegram HTML. Every piece of data is escaped.</summary>
public static class AnswerMessageFormatter
{
    private const int ExcerptChars = 1500;

    /// <summary>The answer followed by a compact citation list (title, outlet, date per source).</summary>
    public static string FormatAnswer(Answer answer)
    {
        var sb = new StringBuilder();
        sb.Append(TelegramHtml.Escape(answer.Text.Trim()));
        if (answer.Citations.Count > 0)
        {
            sb.Append("\n\n<b>").Append(BotTexts.SourcesHeading(answer.Language)).Append("</b>\n");
            foreach (var citation in answer.Citations)
                sb.Append(CitationLine(citation, answer.Language)).Append('\n');
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>/sources: every citation in full, with article id and the quoted passage.</summary>
    public static string FormatSources(Answer answer)
    {
        var sb = new StringBuilder();
        sb.Append("<b>").Append(BotTexts.SourcesHeading(answer.Language)).Append("</b>");
        foreach (var citation in answer.Citations)
        {
            sb.Append("\n\n").Append(CitationLine(citation, answer.Language));
            sb.Append("\nid: <code>").Append(TelegramHtml.Escape(citation.ArticleId)).Append("</code>");
            if (!string.IsNullOrWhiteSpace(citation.Quote))
                sb.Append("\n<blockquote>").Append(TelegramHtml.Escape(citation.Quote.Trim())).Append("</blockquote>");
        }
        return sb.ToString();
    }

    /// <summary>The excerpt opened from an inline button: metadata, the quoted passage and the article's opening.</summary>
    public static string FormatExcerpt(Citation citation, StoredArticle? stored, string language)
    {
        var sb = new StringBuilder();
        sb.Append(CitationLine(citation, language));
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

    private static string CitationLine(Citation citation, string language) =>
        $"[{citation.Number}] <b>{TelegramHtml.Escape(citation.Title)}</b> — " +
        $"{TelegramHtml.Escape(citation.Source ?? BotTexts.UnknownOutlet(language))}, {BotTexts.DateLabel(citation.Published, language)}";
}
