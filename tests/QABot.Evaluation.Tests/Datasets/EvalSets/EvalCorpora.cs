using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using QABot.Ingestion.Parsing;
using QABot.Ingestion.Reading;
using QABot.Testing;

namespace QABot.Evaluation.Tests.Datasets.EvalSets;

/// <summary>corpus/sample as the ingester reads it: one article per file plus its appended «اقرأ أيضاً» articles (#rN).</summary>
public static partial class SampleCorpus
{
    public static bool IsSampleId(string id) => SampleIdPattern().IsMatch(id);

    public static Dictionary<string, GoldArticle> Load()
    {
        var articles = new Dictionary<string, GoldArticle>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(RepoPaths.SampleCorpus, "*.txt").Order(StringComparer.Ordinal))
            foreach (var item in ArticleFileParser.Parse(new InputFile(path, InputFormat.SeedText, new FileInfo(path).Length)))
            {
                var article = item.Article ?? throw new InvalidOperationException($"{path}: {item.Error}");
                // The seed files state a date without a time: the date as written is the local one.
                var date = article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                articles[article.Id] = new GoldArticle(article.Id, date, article.Title, article.Body);
            }
        return articles;
    }

    [GeneratedRegex(@"^\d{3}_[0-9a-f]{16}(#r\d+)?$")]
    private static partial Regex SampleIdPattern();
}

/// <summary>
/// The ANT corpus read straight from ../shared, independently of the ingester: the local publication date is the date
/// part of `published` as the outlet wrote it (2018-03-01T02:28:09+04:00 is 1 March), never a UTC conversion.
/// </summary>
public static class AntCorpus
{
    public const string RelativePath = "corpora/ant-multisource-news.jsonl.gz";

    public static string FullPath => RepoPaths.SharedFile(RelativePath.Split('/'));

    /// <summary>Every id with its local date; title and body only for <paramref name="keepTextOf"/>, to keep memory small.</summary>
    public static Dictionary<string, GoldArticle> Load(IReadOnlySet<string> keepTextOf)
    {
        var articles = new Dictionary<string, GoldArticle>(StringComparer.Ordinal);
        using var reader = new StreamReader(new GZipStream(File.OpenRead(FullPath), CompressionMode.Decompress));
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var id = root.GetProperty("id").GetString()!;
            var published = root.GetProperty("published").GetString();
            var date = published is { Length: >= 10 } ? published[..10] : null;
            var keep = keepTextOf.Contains(id);
            articles[id] = new GoldArticle(id, date,
                keep ? root.GetProperty("title").GetString() ?? "" : "",
                keep ? root.GetProperty("body").GetString() ?? "" : "");
        }
        return articles;
    }
}
