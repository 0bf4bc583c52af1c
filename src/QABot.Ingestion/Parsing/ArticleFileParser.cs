using System.IO.Compression;
using System.Text;
using System.Text.Json;
using QABot.Core.Domain;
using QABot.Ingestion.Reading;

namespace QABot.Ingestion.Parsing;

/// <summary>One article parsed from a file, or one problem found in it (the run goes on either way).</summary>
public readonly record struct ParsedItem(Article? Article, IngestError? Error)
{
    /// <summary>The 1-based line of a JSON record (where a JSON array element starts); null for a .txt article.</summary>
    public int? Line { get; init; }

    public static ParsedItem Of(Article article) => new(article, null);
    public static ParsedItem Failure(string path, int? line, string message) => new(null, new IngestError(path, line, message));
}

/// <summary>
/// Reads the articles of one input file, streaming: seed `.txt` (one article plus appended ones), `.jsonl` and
/// `.jsonl.gz` (one object per line) and `.json` (an array of objects, or one object). A bad line is reported with
/// its number and skipped; a file that cannot be read at all (empty, binary, not UTF-8/Windows-1256, truncated)
/// yields one error after whatever articles came before the damage.
/// </summary>
public static class ArticleFileParser
{
    /// <param name="onPosition">Called with the number of file bytes consumed so far, for progress.</param>
    public static IEnumerable<ParsedItem> Parse(InputFile file, Action<long>? onPosition = null) => file.Format switch
    {
        InputFormat.SeedText => ParseSeedText(file.Path),
        InputFormat.JsonLines or InputFormat.JsonLinesGzip => ParseJsonLines(file, onPosition),
        InputFormat.JsonArray => ParseJsonArray(file.Path),
        _ => [ParsedItem.Failure(file.Path, null, "unsupported file type")],
    };

    public static string StemOf(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var extension in new[] { ".jsonl.gz", ".ndjson.gz", ".jsonl", ".ndjson", ".json", ".txt" })
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) return name[..^extension.Length];
        return Path.GetFileNameWithoutExtension(name);
    }

    private static IEnumerable<ParsedItem> ParseSeedText(string path)
    {
        var decoded = TextFileDecoder.Decode(File.ReadAllBytes(path));
        if (!decoded.Succeeded)
        {
            yield return ParsedItem.Failure(path, null, decoded.Error!);
            yield break;
        }
        var articles = SeedTextArticleParser.Parse(StemOf(path), decoded.Text!, path);
        if (articles.Count == 0) yield return ParsedItem.Failure(path, null, "no article found: the file needs a title line and body text");
        foreach (var article in articles) yield return ParsedItem.Of(article);
    }

    /// <summary>
    /// Articles received as bytes rather than read from a file (POST /api/articles), with exactly the checks a file gets:
    /// <paramref name="format"/> is <see cref="InputFormat.JsonLines"/> or <see cref="InputFormat.JsonArray"/> (one object
    /// or an array), and <paramref name="name"/> stands for the file path in fallback ids, origins and errors.
    /// </summary>
    public static IEnumerable<ParsedItem> ParseUpload(byte[] body, InputFormat format, string name) => format switch
    {
        InputFormat.JsonLines => ReadJsonLines(new InputFile(name, format, body.Length), new MemoryStream(body, writable: false), onPosition: null),
        InputFormat.JsonArray => ReadJsonArray(name, body),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "an upload is JSON lines or JSON"),
    };

    private static IEnumerable<ParsedItem> ParseJsonLines(InputFile file, Action<long>? onPosition) =>
        ReadJsonLines(file, new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), onPosition);

    private static IEnumerable<ParsedItem> ReadJsonLines(InputFile file, Stream fileStream, Action<long>? onPosition)
    {
        using var source = fileStream;
        using var stream = OpenAsUtf8(file, fileStream);
        var reader = new Utf8LineReader(stream);
        var stem = StemOf(file.Path);

        var opening = CheckOpening(file, reader);
        if (opening is not null)
        {
            yield return opening.Value;
            yield break;
        }

        var records = 0;
        while (true)
        {
            var next = TryNextLine(file, reader, out var line);
            if (next.Error is not null) yield return next.Error.Value;
            if (!next.HasLine) break;
            if ((reader.LineNumber & 255) == 0) onPosition?.Invoke(fileStream.Position);

            var bytes = line.Span.Trim(" \t"u8);
            if (reader.LineNumber == 1 && bytes.StartsWith(Utf8Bom)) bytes = bytes[Utf8Bom.Length..];
            if (bytes.IsEmpty) continue;
            records++;
            if (!System.Text.Unicode.Utf8.IsValid(bytes))
            {
                // A line from a legacy Arabic export: accept it re-encoded when it reads as Arabic in Windows-1256.
                var legacy = TextFileDecoder.Windows1256.GetString(bytes);
                if (!TextFileDecoder.IsMostlyArabic(legacy))
                {
                    yield return ParsedItem.Failure(file.Path, reader.LineNumber, "the line is not valid UTF-8 text");
                    continue;
                }
                bytes = Encoding.UTF8.GetBytes(legacy);
            }
            var article = JsonArticleFields.TryRead(bytes, $"{stem}-{reader.LineNumber}", $"{file.Path}:{reader.LineNumber}", out var error);
            if (article is not null) yield return ParsedItem.Of(article) with { Line = reader.LineNumber };
            else if (!reader.LastLineTerminated && file.Format == InputFormat.JsonLinesGzip && !GzipSizeMatches(file.Path, reader.BytesRead))
            {
                // GZipStream ends quietly when the compressed data stops early; the gzip trailer tells the truth.
                yield return ParsedItem.Failure(file.Path, reader.LineNumber,
                    $"the gzip stream is truncated: line {reader.LineNumber} is cut off and anything after it is missing");
            }
            else yield return ParsedItem.Failure(file.Path, reader.LineNumber, error!);
        }
        onPosition?.Invoke(fileStream.Position);
        if (records == 0) yield return ParsedItem.Failure(file.Path, null, "the file has no JSON lines (only blank lines)");
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// The file's lines as UTF-8 bytes. A UTF-16 file (it starts with a byte order mark, as Windows tools write them) is
    /// transcoded on the fly, as the .txt path decodes it; anything else is read as it is (UTF-8, or Windows-1256 lines
    /// re-encoded one by one).
    /// </summary>
    private static Stream OpenAsUtf8(InputFile file, Stream fileStream)
    {
        var gzip = file.Format == InputFormat.JsonLinesGzip;
        var stream = gzip ? new GZipStream(fileStream, CompressionMode.Decompress, leaveOpen: true) : (Stream)fileStream;
        Span<byte> start = stackalloc byte[2];
        int read;
        try { read = stream.ReadAtLeast(start, 2, throwOnEndOfStream: false); }
        catch (InvalidDataException) { read = 0; } // not gzip: reported by the opening check
        var utf16 = read == 2 ? start switch
        {
            [0xFF, 0xFE] => Encoding.Unicode,
            [0xFE, 0xFF] => Encoding.BigEndianUnicode,
            _ => null,
        } : null;
        // Positioned after the byte order mark, so the transcoded text does not start with one.
        if (utf16 is not null) return Encoding.CreateTranscodingStream(stream, utf16, Encoding.UTF8);

        if (gzip) stream.Dispose();
        fileStream.Seek(0, SeekOrigin.Begin);
        return gzip ? new GZipStream(fileStream, CompressionMode.Decompress) : fileStream;
    }

    /// <summary>
    /// Compares the decompressed size with ISIZE, the last four bytes of a gzip file (size mod 2^32 of the last
    /// member). A file cut short ends in compressed data instead, so the two disagree.
    /// </summary>
    private static bool GzipSizeMatches(string path, long decompressedBytes)
    {
        using var stream = File.OpenRead(path);
        if (stream.Length < 18) return false;
        stream.Seek(-4, SeekOrigin.End);
        Span<byte> trailer = stackalloc byte[4];
        stream.ReadExactly(trailer);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(trailer) == (uint)decompressedBytes;
    }

    /// <summary>Refuses an empty, binary or (for .gz) non-gzip file before any line is parsed.</summary>
    private static ParsedItem? CheckOpening(InputFile file, Utf8LineReader reader)
    {
        ReadOnlySpan<byte> first;
        try
        {
            first = reader.Peek();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            return ParsedItem.Failure(file.Path, null, $"not a readable {(file.Format == InputFormat.JsonLinesGzip ? "gzip" : "text")} file: {ex.Message}");
        }
        if (first.IsEmpty) return ParsedItem.Failure(file.Path, null, "the file is empty");
        if (TextFileDecoder.LooksBinary(first)) return ParsedItem.Failure(file.Path, null, "the file is binary (NUL or control bytes), not JSON lines");
        return null;
    }

    private readonly record struct LineRead(bool HasLine, ParsedItem? Error);

    /// <summary>Reads the next line; a corrupt or truncated stream ends the file with one error naming the last good line.</summary>
    private static LineRead TryNextLine(InputFile file, Utf8LineReader reader, out ReadOnlyMemory<byte> line)
    {
        try
        {
            return new LineRead(reader.TryReadLine(out line), null);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or IOException)
        {
            line = default;
            var what = file.Format == InputFormat.JsonLinesGzip ? "the gzip stream is corrupt or truncated" : "the file could not be read";
            var where = reader.LineNumber == 0 ? "at the start" : $"after line {reader.LineNumber}";
            return new LineRead(false, ParsedItem.Failure(file.Path, reader.LineNumber + 1, $"{what} {where}: {ex.Message}"));
        }
    }

    private static IEnumerable<ParsedItem> ParseJsonArray(string path) => ReadJsonArray(path, File.ReadAllBytes(path));

    private static IEnumerable<ParsedItem> ReadJsonArray(string path, byte[] bytes)
    {
        byte[] utf8;
        if (bytes.Length > 0 && System.Text.Unicode.Utf8.IsValid(bytes) && !TextFileDecoder.LooksBinary(bytes))
        {
            // The common case: already UTF-8, parsed in place (a BOM is skipped when the array is walked).
            utf8 = bytes;
        }
        else
        {
            var decoded = TextFileDecoder.Decode(bytes);
            if (!decoded.Succeeded)
            {
                yield return ParsedItem.Failure(path, null, decoded.Error!);
                yield break;
            }
            utf8 = Encoding.UTF8.GetBytes(decoded.Text!);
        }
        foreach (var item in ReadArrayElements(path, StemOf(path), utf8)) yield return item;
    }

    /// <summary>
    /// Walks the top-level array element by element, so a file cut off in the middle still yields the complete
    /// elements before the cut, followed by an error with the line where the JSON broke.
    /// </summary>
    private static IEnumerable<ParsedItem> ReadArrayElements(string path, string stem, byte[] utf8)
    {
        var elements = new List<(int Start, int Length, int Line)>();
        string? failure = null;
        int? failureLine = null;
        try
        {
            var bom = utf8.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
            var reader = new Utf8JsonReader(utf8.AsSpan(bom), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartObject)
                elements.Add((bom, utf8.Length - bom, 1));
            else if (reader.TokenType != JsonTokenType.StartArray)
                failure = "expected a JSON array of article objects";
            else
            {
                var line = 1;
                var counted = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var start = bom + (int)reader.TokenStartIndex;
                    line += utf8.AsSpan(counted, start - counted).Count((byte)'\n');
                    counted = start;
                    reader.Skip();
                    elements.Add((start, bom + (int)reader.BytesConsumed - start, line));
                }
                if (reader.TokenType != JsonTokenType.EndArray) failure = "the JSON array is not closed (truncated file?)";
            }
        }
        catch (JsonException ex)
        {
            failure = "malformed or truncated JSON: " + ex.Message;
            failureLine = ex.LineNumber is { } l ? (int)l + 1 : null;
        }

        for (var i = 0; i < elements.Count; i++)
        {
            var (start, length, line) = elements[i];
            var article = JsonArticleFields.TryRead(utf8.AsSpan(start, length), $"{stem}-{i + 1}", $"{path}:{line}", out var error);
            yield return article is null ? ParsedItem.Failure(path, line, error!) : ParsedItem.Of(article) with { Line = line };
        }
        if (failure is not null) yield return ParsedItem.Failure(path, failureLine, failure);
        else if (elements.Count == 0) yield return ParsedItem.Failure(path, null, "the JSON array is empty");
    }
}
