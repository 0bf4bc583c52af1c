using System.IO.Compression;
using System.Runtime.CompilerServices;

namespace QABot.Evaluation.Benchmarks;

/// <summary>The first N lines of a JSONL corpus (plain or .gz), written as .jsonl.gz so every size is read the same way.</summary>
public sealed record CorpusSlice(string Path, int Lines, long UncompressedBytes, long CompressedBytes)
{
    public static async Task<CorpusSlice> WriteAsync(string corpusPath, int maxLines, string slicePath, CancellationToken cancellationToken)
    {
        Validate(corpusPath);
        var lines = 0;
        long bytes = 0;
        await using (var output = File.Create(slicePath))
        await using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        await using (var writer = new StreamWriter(gzip))
        {
            await foreach (var line in ReadLinesAsync(corpusPath, cancellationToken).ConfigureAwait(false))
            {
                if (lines >= maxLines) break;
                await writer.WriteLineAsync(line).ConfigureAwait(false);
                bytes += System.Text.Encoding.UTF8.GetByteCount(line) + 1;
                lines++;
            }
        }
        return new CorpusSlice(slicePath, lines, bytes, new FileInfo(slicePath).Length);
    }

    /// <summary>The non-blank lines of a .jsonl or .jsonl.gz corpus.</summary>
    public static async IAsyncEnumerable<string> ReadLinesAsync(string corpusPath, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Validate(corpusPath);
        await using var input = File.OpenRead(corpusPath);
        await using Stream decoded = corpusPath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(input, CompressionMode.Decompress) : input;
        using var reader = new StreamReader(decoded);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            if (line.Length > 0) yield return line;
    }

    private static void Validate(string corpusPath)
    {
        if (!File.Exists(corpusPath)) throw new FileNotFoundException($"Corpus not found: {corpusPath}", corpusPath);
        if (!corpusPath.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) && !corpusPath.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"The scale benchmark reads a .jsonl or .jsonl.gz corpus (one article a line): {corpusPath}");
    }
}
