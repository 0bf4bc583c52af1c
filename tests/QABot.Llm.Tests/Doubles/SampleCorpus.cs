using System.Globalization;
using System.Text.RegularExpressions;
using QABot.Core.Domain;
using QABot.Testing;

namespace QABot.Llm.Tests.Doubles;

/// <summary>
/// The five bundled sample articles, read with a deliberately small parser (title, «تاريخ النشر» line, body lines
/// until «اقرأ أيضاً», «المصدر» line) and chunked one paragraph per chunk. Ingestion proper is another project's job;
/// these tests only need real Arabic text with real metadata, including the undated article 003.
/// </summary>
public static partial class SampleCorpus
{
    public const string SummitCongratsId = "000_e8a6cc70ddad2db4";   // 2023-10-12, الأسبوع
    public const string LetterId = "002_766c5c9b7fcf550c";          // 2023-09-18, سكاي نيوز عربية
    public const string UndatedId = "003_f183bc64d6ca35ea";         // no date, no outlet
    public const string GiftsId = "004_ed7c3fead92d0ce9";           // 2023-09-14, قناة اليمن اليوم

    private static readonly Lazy<IReadOnlyList<Chunk>> ChunksLazy = new(Load);

    public static IReadOnlyList<Chunk> Chunks => ChunksLazy.Value;

    public static IReadOnlyList<Chunk> Of(string articleId) => Chunks.Where(c => c.ArticleId == articleId).ToList();

    public static ArticleMetadata Metadata(string articleId) => Of(articleId)[0].Metadata;

    private static IReadOnlyList<Chunk> Load()
    {
        var chunks = new List<Chunk>();
        foreach (var file in Directory.GetFiles(RepoPaths.SampleCorpus, "*.txt").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file).Select(l => l.Trim()).ToList();
            var id = Path.GetFileNameWithoutExtension(file);
            DateTimeOffset? published = null;
            string? source = null;
            var body = new List<string>();
            foreach (var line in lines.Skip(1))
            {
                if (DateLine().Match(line) is { Success: true } d)
                {
                    published = DateTimeOffset.ParseExact($"{d.Groups[1].Value} {d.Groups[2].Value} {d.Groups[3].Value}", "d MMMM yyyy",
                        CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                    continue;
                }
                if (line.StartsWith("المصدر:", StringComparison.Ordinal)) { source = line["المصدر:".Length..].Trim(); break; }
                if (line.StartsWith("اقرأ أيضا", StringComparison.Ordinal) || line.StartsWith("إقرأ أيضا", StringComparison.Ordinal)) break;
                if (line.Length > 40) body.Add(line);
            }
            var metadata = new ArticleMetadata(id, lines[0].TrimEnd('|', ' '), source, null, published, Languages.Arabic);
            for (var i = 0; i < body.Count; i++) chunks.Add(new Chunk(Chunk.MakeId(id, i), i, body[i], 0, metadata));
        }
        return chunks;
    }

    [GeneratedRegex(@"^تاريخ النشر:\s*(\d{1,2})(?:st|nd|rd|th)?,?\s+(\w+)\s+(\d{4})")]
    private static partial Regex DateLine();
}
