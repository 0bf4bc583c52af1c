using System.Text;

namespace QABot.Evaluation.Reports;

/// <summary>
/// docs/benchmarks.md is assembled from sections that `qabot eval` and `qabot bench` rewrite in place, each between
/// <c>&lt;!-- begin:KEY --&gt;</c> and <c>&lt;!-- end:KEY --&gt;</c>, so one command regenerates its figures without
/// touching the others' or the hand-written prose around them.
/// </summary>
public static class BenchmarksDocument
{
    public const string Heading = "# Benchmarks";

    public static string ReplaceSection(string document, string key, string content)
    {
        var begin = $"<!-- begin:{key} -->";
        var end = $"<!-- end:{key} -->";
        var block = new StringBuilder().Append(begin).Append('\n').Append(content.TrimEnd()).Append('\n').Append(end).ToString();
        var start = document.IndexOf(begin, StringComparison.Ordinal);
        if (start >= 0)
        {
            var stop = document.IndexOf(end, start, StringComparison.Ordinal);
            if (stop < 0) throw new InvalidDataException($"The benchmarks document has \"{begin}\" but no \"{end}\"; fix it by hand.");
            return document[..start] + block + document[(stop + end.Length)..];
        }
        var prefix = document.Length == 0 ? Heading + "\n" : document.TrimEnd() + "\n";
        return prefix + "\n" + block + "\n";
    }

    public static async Task UpdateSectionAsync(string path, string key, string content, CancellationToken cancellationToken)
    {
        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : "";
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(path, ReplaceSection(existing, key, content), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A chart path as a link relative to the markdown file, with forward slashes.</summary>
    public static string RelativeLink(string markdownPath, string target) =>
        Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(markdownPath)) ?? ".", Path.GetFullPath(target)).Replace('\\', '/');
}
