using QABot.Core.Domain;
using QABot.Text;

namespace QABot.Ingestion.Parsing;

/// <summary>
/// Parses a scraped article in the seed `.txt` format: title on the first line, an optional «تاريخ النشر:» line,
/// prose, then page furniture (source, keywords, related-headline lists, widgets) and possibly further articles the
/// site appended after a bare «إقرأ أيضاً:» line. Each appended article becomes its own <see cref="Article"/> with id
/// <c>{stem}#r{n}</c>, its own title, source and date only if it states one: it never inherits the host's date.
/// </summary>
public static class SeedTextArticleParser
{
    /// <param name="stem">File name without extension: the host article's id.</param>
    /// <param name="origin">Where the text came from, recorded on every article.</param>
    public static IReadOnlyList<Article> Parse(string stem, string text, string origin)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var blocks = SplitAppendedArticles(lines);
        var articles = new List<Article>(blocks.Count);
        for (var b = 0; b < blocks.Count; b++)
        {
            var id = b == 0 ? stem : $"{stem}#r{b}";
            var article = ParseBlock(blocks[b], id, b == 0 ? null : stem, origin, appended: b > 0);
            if (article is not null) articles.Add(article);
        }
        return articles;
    }

    /// <summary>
    /// Cuts the lines at every bare «إقرأ أيضاً:» line that introduces a whole article (a title followed by at least
    /// one prose paragraph). A marker followed only by headlines is a related-links list and stays in its block, to
    /// be stripped as boilerplate.
    /// </summary>
    private static List<List<string>> SplitAppendedArticles(string[] lines)
    {
        var blocks = new List<List<string>> { new() };
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (NewsLines.IsRelatedMarker(line, out var rest) && rest.Length == 0 && IntroducesArticle(lines, i + 1))
            {
                blocks.Add([]);
                continue;
            }
            blocks[^1].Add(line);
        }
        return blocks;
    }

    private static bool IntroducesArticle(string[] lines, int from)
    {
        var sawTitle = false;
        for (var i = from; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            if (NewsLines.IsRelatedMarker(line, out _)) return false;
            // End matter of the host (a long keywords line, say) is not the body of an appended article.
            if (NewsLines.TrySource(line, out _) || NewsLines.TryKeywords(line, out _)) continue;
            if (!sawTitle) { sawTitle = true; continue; }
            if (IsProse(NewsLines.StripRelatedNewsLabel(line))) return true;
        }
        return false;
    }

    private static bool IsProse(string line) => line.Length >= 60 && !NewsLines.IsHeadlineLike(line);

    private static Article? ParseBlock(List<string> lines, string id, string? hostId, string origin, bool appended)
    {
        var i = 0;
        while (i < lines.Count && lines[i].Length == 0) i++;
        if (i == lines.Count) return null;
        var title = lines[i++].TrimEnd('|', ' ', '\t');

        DateTimeOffset? published = null;
        string? explicitSource = null, datelineSource = null, bareSource = null;
        var keywords = new List<string>();
        var body = new List<string>();
        var headerZone = true; // the lines right after the title may carry the date and a dateline
        var sawDateLine = false;
        // A bare Latin line is an outlet name («Sputnik») only in an Arabic article; in English it is just text.
        var arabicTitle = LanguageDetector.Detect(title) == Languages.Arabic;

        for (; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == 0) continue;

            if (headerZone && !sawDateLine && NewsLines.TryDateLine(line, out var date))
            {
                published = date;
                sawDateLine = true;
                continue;
            }
            if (headerZone && appended && NewsLines.TryDateline(line, out var outlet))
            {
                datelineSource = outlet;
                continue;
            }
            headerZone = false;

            // A related-links list: the marker line here, its headlines below as headline-like lines.
            if (NewsLines.IsRelatedMarker(line, out _)) continue;
            if (NewsLines.TrySource(line, out var source))
            {
                explicitSource ??= source;
                continue;
            }
            if (NewsLines.TryKeywords(line, out var words))
            {
                keywords.AddRange(words);
                continue;
            }
            if (NewsLines.IsWidget(line)) continue;
            if (arabicTitle && bareSource is null && NewsLines.TryBareOutlet(line, out var bare))
            {
                bareSource = bare;
                continue;
            }

            var text = NewsLines.StripRelatedNewsLabel(line);
            if (text.Length == 0) continue;
            // Related headlines: both the lists after «اقرأ أيضاً» and the single links sites drop between paragraphs.
            if (NewsLines.IsHeadlineLike(text)) continue;
            body.Add(text);
        }

        var bodyText = string.Join('\n', body);
        if (title.Length == 0 || bodyText.Length == 0) return null;
        return new Article
        {
            Id = id,
            Title = title,
            Body = bodyText,
            Source = explicitSource ?? datelineSource ?? bareSource,
            Published = published,
            Keywords = keywords.Distinct(StringComparer.Ordinal).ToList(),
            Language = LanguageDetector.Detect(bodyText),
            HostArticleId = hostId,
            Origin = origin,
        };
    }
}
