namespace QABot.Ingestion.Reading;

public enum InputFormat { SeedText, JsonLines, JsonLinesGzip, JsonArray }

public sealed record InputFile(string Path, InputFormat Format, long Length);

/// <summary>Expands the paths given to `qabot ingest` into the article files to read, in a stable order.</summary>
public static class InputFiles
{
    public static bool TryGetFormat(string path, out InputFormat format)
    {
        var name = System.IO.Path.GetFileName(path);
        if (name.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".ndjson.gz", StringComparison.OrdinalIgnoreCase))
            format = InputFormat.JsonLinesGzip;
        else if (name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
            format = InputFormat.JsonLines;
        else if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            format = InputFormat.JsonArray;
        else if (name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            format = InputFormat.SeedText;
        else
        {
            format = default;
            return false;
        }
        return true;
    }

    /// <summary>
    /// Files are taken as given; folders are searched recursively for supported extensions (hidden entries are
    /// ignored; other files are passed over and listed in <paramref name="passedOver"/> for the summary). A missing
    /// path or an unsupported file named explicitly is an error.
    /// </summary>
    public static List<InputFile> Expand(IReadOnlyList<string> paths, ICollection<IngestError> errors, ICollection<string>? passedOver = null)
    {
        var files = new List<InputFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                if (TryGetFormat(path, out var format)) Add(path, format);
                else errors.Add(new IngestError(path, null, "unsupported file type; expected .txt, .jsonl, .jsonl.gz or .json"));
            }
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
                    .Where(f => !System.IO.Path.GetRelativePath(path, f).Split(System.IO.Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
                    .Order(StringComparer.Ordinal);
                foreach (var file in found)
                    if (TryGetFormat(file, out var format)) Add(file, format);
                    else passedOver?.Add(file);
            }
            else errors.Add(new IngestError(path, null, "no such file or folder"));
        }
        return files;

        void Add(string path, InputFormat format)
        {
            var full = System.IO.Path.GetFullPath(path);
            if (seen.Add(full)) files.Add(new InputFile(path, format, new FileInfo(full).Length));
        }
    }
}
