using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using QABot.Retrieval.Caching;

namespace QABot.Retrieval.CrossLingual;

/// <summary>
/// A FreeDict dictionary's parsed entries in a compact binary file (headword, then each translation with its sense),
/// named after the source files' paths, sizes and times and the parser's version: a changed dictionary or parser gets
/// a new file, never a stale one. Reading it is a small fraction of parsing the dictd files again. A cache that cannot
/// be read or written is only logged: the dictionary is then parsed as before.
/// </summary>
internal sealed class CompiledDictionary
{
    /// <summary>Bump whenever <see cref="FreeDictDictionary"/> parses or keys entries differently.</summary>
    private const int ParserVersion = 2;
    private const string Magic = "QABOT-FREEDICT";

    private readonly string _path;

    private CompiledDictionary(string path) => _path = path;

    public string FilePath => _path;

    public static CompiledDictionary? For(string cacheDirectory, string indexPath, string bodyPath, DictionaryDirection direction)
    {
        try
        {
            var stamp = string.Join('|', ParserVersion, direction, Stamp(indexPath), Stamp(bodyPath));
            var hash = CacheFileStamp.Hash(stamp);
            return new CompiledDictionary(Path.Combine(cacheDirectory, $"freedict-{Path.GetFileNameWithoutExtension(indexPath)}-{hash}.bin"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public (Dictionary<string, IReadOnlyList<Translation>> Entries, int MaxHeadwordWords)? TryRead(ILogger logger)
    {
        if (!File.Exists(_path)) return null;
        try
        {
            using var reader = new BinaryReader(new BufferedStream(File.OpenRead(_path), 1 << 16), Encoding.UTF8);
            if (reader.ReadString() != Magic) return null;
            var maxWords = reader.ReadInt32();
            var count = reader.ReadInt32();
            var entries = new Dictionary<string, IReadOnlyList<Translation>>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var key = reader.ReadString();
                var translations = new Translation[reader.ReadInt32()];
                for (var t = 0; t < translations.Length; t++) translations[t] = new Translation(reader.ReadString(), reader.ReadInt32());
                entries[key] = translations;
            }
            return (entries, maxWords);
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or UnauthorizedAccessException or FormatException)
        {
            logger.LogDebug(e, "Compiled dictionary {Path} unreadable; parsing the dictionary instead.", _path);
            return null;
        }
    }

    public void TryWrite(IReadOnlyDictionary<string, IReadOnlyList<Translation>> entries, int maxHeadwordWords, ILogger logger)
    {
        var written = WholeFile.TryWrite(_path, writer =>
        {
            writer.Write(Magic);
            writer.Write(maxHeadwordWords);
            writer.Write(entries.Count);
            foreach (var (key, translations) in entries)
            {
                writer.Write(key);
                writer.Write(translations.Count);
                foreach (var translation in translations)
                {
                    writer.Write(translation.Text);
                    writer.Write(translation.Sense);
                }
            }
        }, out var failure);
        if (!written) logger.LogDebug(failure, "Could not keep the compiled dictionary at {Path}; it is parsed again next time.", _path);
    }

    private static string Stamp(string path)
    {
        var file = new FileInfo(path);
        return string.Create(CultureInfo.InvariantCulture, $"{file.FullName}:{file.Length}:{file.LastWriteTimeUtc.Ticks}");
    }
}
