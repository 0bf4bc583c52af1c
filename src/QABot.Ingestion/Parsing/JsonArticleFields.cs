using System.Text;
using System.Text.Json;
using QABot.Core.Domain;
using QABot.Text;

namespace QABot.Ingestion.Parsing;

/// <summary>
/// Maps one JSON object (a JSONL line or an array element) to an <see cref="Article"/>. Field names vary between
/// dumps, so each field accepts the common spellings (id/article_id, body/text/content, published/date/pubDate, ...);
/// other fields are ignored. Reads with <see cref="Utf8JsonReader"/> straight from the UTF-8 bytes: this is the hot
/// path of a large corpus ingest.
/// </summary>
public static class JsonArticleFields
{
    private enum Field { Ignored, Id, Title, Body, Published, Source, Url, Keywords, Language }

    private static readonly Dictionary<string, Field> Names = BuildNames();

    /// <param name="fallbackId">Used when the object has no id: derived from the file and line, so it is stable across runs.</param>
    /// <param name="error">Why no article could be made (malformed JSON, no body), for the per-line error report.</param>
    public static Article? TryRead(ReadOnlySpan<byte> json, string fallbackId, string origin, out string? error)
    {
        error = null;
        string? id = null, title = null, body = null, source = null, url = null, language = null;
        DateTimeOffset? published = null;
        List<string>? keywords = null;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = "expected a JSON object";
                return null;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = Names.GetValueOrDefault(reader.GetString()!, Field.Ignored);
                reader.Read();
                switch (field)
                {
                    case Field.Id: id ??= ReadScalar(ref reader); break;
                    case Field.Title: title = FirstNonEmpty(title, ReadScalar(ref reader)); break;
                    case Field.Body: body = FirstNonEmpty(body, ReadScalar(ref reader)); break;
                    case Field.Url: url ??= ReadScalar(ref reader); break;
                    case Field.Language: language ??= ReadScalar(ref reader); break;
                    case Field.Source: source = FirstNonEmpty(source, ReadSource(ref reader)); break;
                    case Field.Published: published ??= ReadDate(ref reader); break;
                    case Field.Keywords: keywords ??= ReadKeywords(ref reader); break;
                    default: reader.Skip(); break;
                }
            }
            if (reader.TokenType != JsonTokenType.EndObject)
            {
                error = "malformed JSON object";
                return null;
            }
            // Anything after the object other than whitespace means the line is not one object.
            if (reader.Read())
            {
                error = "unexpected content after the JSON object";
                return null;
            }
        }
        catch (JsonException ex)
        {
            error = "malformed JSON: " + ex.Message;
            return null;
        }
        catch (InvalidOperationException ex)
        {
            error = "malformed JSON: " + ex.Message;
            return null;
        }
        catch (InvalidFieldException ex)
        {
            error = ex.Message;
            return null;
        }
        catch (ArgumentException ex)
        {
            // A value no field can hold (a conversion out of range): this record fails, the rest of its file is still read.
            error = "invalid value: " + ex.Message;
            return null;
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            error = "the article has no body text";
            return null;
        }
        var cleanBody = NewsLines.RemoveRelatedLinks(body.Replace("\r\n", "\n").Trim());
        return new Article
        {
            Id = InvisibleMarks.IsBlank(id) ? fallbackId : ArticleIds.Normalize(id),
            Title = string.IsNullOrWhiteSpace(title) ? LeadAsTitle(cleanBody) : title.Trim(),
            Body = cleanBody,
            Source = string.IsNullOrWhiteSpace(source) ? null : source.Trim(),
            Url = string.IsNullOrWhiteSpace(url) ? null : url.Trim(),
            Published = published,
            Keywords = keywords ?? [],
            Language = language is Languages.Arabic or Languages.English ? language : LanguageDetector.Detect(cleanBody.Length > 2000 ? cleanBody[..2000] : cleanBody),
            Origin = origin,
        };
    }

    private static string? FirstNonEmpty(string? current, string? candidate) => string.IsNullOrWhiteSpace(current) ? candidate : current;

    /// <summary>An untitled record is cited by its opening words rather than by an empty title.</summary>
    private static string LeadAsTitle(string body)
    {
        var newline = body.IndexOf('\n');
        var first = (newline >= 0 ? body[..newline] : body).Trim();
        if (first.Length <= 120) return first;
        var cut = first.LastIndexOf(' ', 120);
        return first[..(cut > 40 ? cut : 120)] + "…";
    }

    private static string? ReadScalar(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => null,
        _ => SkipAndReturnNull(ref reader),
    };

    private static string? SkipAndReturnNull(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }

    /// <summary>A plain string, or an object such as NewsAPI's <c>{"id": ..., "name": "BBC News"}</c>.</summary>
    private static string? ReadSource(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject) return ReadScalar(ref reader);
        string? name = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isName = reader.ValueTextEquals("name"u8);
            reader.Read();
            if (isName) name = ReadScalar(ref reader);
            else reader.Skip();
        }
        return name;
    }

    /// <summary>
    /// A date string in any form <see cref="ArticleDates"/> reads, or Unix seconds/milliseconds. An unreadable string or an
    /// implausible year → null (date not stated); a number no date can have → <see cref="InvalidFieldException"/>.
    /// </summary>
    private static DateTimeOffset? ReadDate(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            // A number is a Unix time; one beyond any date means the record is wrong, and it fails (alone) with its line.
            if (!reader.TryGetDouble(out var number) || !double.IsFinite(number) || Math.Abs(number) > MaxUnixMilliseconds)
                throw new InvalidFieldException($"the date {Encoding.UTF8.GetString(reader.ValueSpan)} is not a Unix time in seconds or milliseconds");
            var epoch = (long)number; // exact: every time up to the year 9999 in milliseconds is below 2^53
            if (epoch <= 0) return null;
            var value = epoch > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(epoch) : DateTimeOffset.FromUnixTimeSeconds(epoch);
            return value.Year is >= 1900 and <= 2100 ? value : null;
        }
        return ArticleDates.ParseOrNull(ReadScalar(ref reader));
    }

    private static List<string>? ReadKeywords(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String) return NewsLines.SplitKeywords(reader.GetString()!).ToList();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }
        var list = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var value = ReadScalar(ref reader);
            if (!string.IsNullOrWhiteSpace(value)) list.Add(value.Trim());
        }
        return list;
    }

    private static readonly long MaxUnixMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>A field whose value cannot be what the field means: the record fails with this message (its line only).</summary>
    private sealed class InvalidFieldException(string message) : Exception(message);

    private static Dictionary<string, Field> BuildNames()
    {
        var map = new Dictionary<string, Field>(StringComparer.OrdinalIgnoreCase);
        void Add(Field field, params string[] names)
        {
            foreach (var name in names) map[name] = field;
        }
        Add(Field.Id, "id", "article_id", "articleId", "doc_id", "docid", "_id", "uuid", "guid");
        Add(Field.Title, "title", "headline", "heading");
        Add(Field.Body, "body", "text", "content", "article", "article_body", "articleBody", "fulltext", "full_text", "story");
        Add(Field.Published, "published", "date", "published_at", "publishedAt", "publish_date", "pubDate", "pub_date",
            "datetime", "date_published", "datePublished", "timestamp", "created_at", "time");
        Add(Field.Source, "source", "outlet", "site", "publisher", "source_name", "sourceName", "newspaper", "media", "website");
        Add(Field.Url, "url", "link", "href", "uri", "permalink");
        Add(Field.Keywords, "keywords", "tags", "tag");
        Add(Field.Language, "lang", "language");
        return map;
    }
}
