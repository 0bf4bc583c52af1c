using System.Text.Json;
using QABot.Core.Json;

namespace QABot.Evaluation.Reports;

/// <summary>Reports as JSON, in the same camelCase, Arabic-readable shape as the rest of QABot's JSON.</summary>
public static class ReportJson
{
    public static async Task WriteAsync<T>(T report, string path, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, report, AnswerJson.IndentedSerializerOptions, cancellationToken).ConfigureAwait(false);
    }
}
