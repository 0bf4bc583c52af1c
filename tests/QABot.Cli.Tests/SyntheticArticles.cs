using System.Text;
using System.Text.Json;

namespace QABot.Cli.Tests;

/// <summary>
/// JSONL articles made up for fault tests: every one has its own id and its own body (dedup keeps them all), so the
/// count an index must hold after any sequence of runs is known exactly.
/// </summary>
public static class SyntheticArticles
{
    private static readonly string[] Words =
    [
        "الحكومة", "الوزير", "المدينة", "الاقتصاد", "المستشفى", "الانتخابات", "البرلمان", "الطاقة", "المياه", "الجامعة",
        "المطار", "الميناء", "الزراعة", "التجارة", "الصحة", "التعليم", "الرياضة", "الثقافة", "الأمن", "النقل",
    ];

    /// <returns>The path written.</returns>
    public static string Write(string path, string idPrefix, int count, int sentencesPerArticle = 6)
    {
        var random = new Random(count);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        for (var i = 0; i < count; i++)
        {
            var body = new StringBuilder();
            for (var s = 0; s < sentencesPerArticle; s++)
            {
                body.Append($"أعلنت {Words[random.Next(Words.Length)]} رقم {i} في {idPrefix} أن {Words[random.Next(Words.Length)]} ");
                body.Append($"و{Words[random.Next(Words.Length)]} سجلت {random.Next(1000, 99999)} في الشهر {s + 1}. ");
            }
            writer.WriteLine(JsonSerializer.Serialize(new
            {
                id = $"{idPrefix}-{i:D5}",
                title = $"{Words[i % Words.Length]} {idPrefix} {i}",
                published = new DateTimeOffset(2024, 1, 1, 9, 0, 0, TimeSpan.FromHours(3)).AddHours(i).ToString("O"),
                source = "synthetic",
                body = body.ToString(),
            }));
        }
        return path;
    }
}
