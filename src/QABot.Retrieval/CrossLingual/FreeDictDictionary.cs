using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace QABot.Retrieval.CrossLingual;

/// <summary>One rendering of a headword in the other language; <see cref="Sense"/> 0 is the dictionary's first sense.</summary>
public sealed record Translation(string Text, int Sense);

/// <summary>Which FreeDict dictionary a <see cref="FreeDictDictionary"/> reads: it decides the script a translation must be in.</summary>
public enum DictionaryDirection { EnglishToArabic, ArabicToEnglish }

/// <summary>
/// A FreeDict dictionary in dictd format (English→Arabic for queries, Arabic→English for answers): a tab-separated
/// index (<c>headword, base64 offset, base64 length</c>) over a dictzip'ed body. The body is small (4 MB), so it is
/// inflated once on first use and every entry is parsed into memory. Missing files give an empty dictionary and one
/// warning, never a failure. Arabic headwords are looked up by their <see cref="Text.ArabicNormalizer"/> form.
/// Parsing every entry costs more than the rest of a command's start, so with a cache folder the parsed entries are
/// kept there in a compact form (<see cref="CompiledDictionary"/>) and later processes read that instead.
/// </summary>
public sealed class FreeDictDictionary
{
    /// <summary>Translations longer than this are explanations ("a kind of ..."), useless as search terms.</summary>
    private const int MaxTranslationWords = 3;

    private readonly string _indexPath;
    private readonly string? _cacheDirectory;
    private readonly DictionaryDirection _direction;
    private readonly ILogger _logger;
    private readonly Lazy<Dictionary<string, IReadOnlyList<Translation>>> _entries;

    /// <param name="cacheDirectory">Where the compiled form is kept (e.g. the data directory's cache); null = parse every time.</param>
    public FreeDictDictionary(string indexPath, ILogger? logger = null, DictionaryDirection direction = DictionaryDirection.EnglishToArabic, string? cacheDirectory = null)
    {
        _indexPath = indexPath;
        _cacheDirectory = cacheDirectory;
        _direction = direction;
        _logger = logger ?? NullLogger.Instance;
        _entries = new Lazy<Dictionary<string, IReadOnlyList<Translation>>>(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public DictionaryDirection Direction => _direction;

    /// <summary>False when the dictionary files are missing or unreadable (a warning was logged).</summary>
    public bool IsAvailable => _entries.Value.Count > 0;

    public int Count => _entries.Value.Count;

    /// <summary>Longest headword in words, so callers know how far to look ahead for phrases.</summary>
    public int MaxHeadwordWords { get; private set; } = 1;

    /// <summary>The translations of a headword (case-insensitive, single word or phrase), first sense first.</summary>
    public IReadOnlyList<Translation> Lookup(string headword) =>
        _entries.Value.TryGetValue(Key(headword), out var translations) ? translations : [];

    /// <summary>
    /// dictd indexes headwords lower-cased with punctuation removed ("A-bomb" is "abomb"); Arabic ones are also folded
    /// («الأمم المتّحدة» is «الامم المتحده») so a headword is found however the text spells its hamza or shadda.
    /// </summary>
    private static string Key(string headword)
    {
        var kept = new string(Text.ArabicNormalizer.NormalizeLower(headword).Where(c => char.IsLetterOrDigit(c) || c == ' ').ToArray());
        return string.Join(' ', kept.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private Dictionary<string, IReadOnlyList<Translation>> Load()
    {
        var entries = new Dictionary<string, IReadOnlyList<Translation>>(StringComparer.Ordinal);
        var bodyPath = FindBody(_indexPath);
        if (!File.Exists(_indexPath) || bodyPath is null)
        {
            if (_direction == DictionaryDirection.EnglishToArabic)
                _logger.LogWarning(
                    "English→Arabic dictionary not found at {IndexPath} (with .dict.dz beside it): English questions are expanded only by the gazetteer and transliteration. Install dict-freedict-eng-ara or set Retrieval:CrossLingual:DictionaryPath.",
                    _indexPath);
            else
                _logger.LogWarning(
                    "Arabic→English dictionary not found at {IndexPath} (with .dict.dz beside it): English answers render names from the gazetteer and transliteration only. Install dict-freedict-ara-eng or set Retrieval:CrossLingual:ReverseDictionaryPath.",
                    _indexPath);
            return entries;
        }
        var compiled = _cacheDirectory is null ? null : CompiledDictionary.For(_cacheDirectory, _indexPath, bodyPath, _direction);
        if (compiled?.TryRead(_logger) is { } cached)
        {
            MaxHeadwordWords = cached.MaxHeadwordWords;
            return cached.Entries;
        }
        try
        {
            var body = ReadBody(bodyPath);
            var maxWords = 1;
            var vocalisedFirst = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in File.ReadLines(_indexPath, Encoding.UTF8))
            {
                var parts = line.Split('\t');
                if (parts.Length < 3 || parts[0].StartsWith("00database", StringComparison.Ordinal)) continue;
                var offset = DecodeBase64Number(parts[1]);
                var length = DecodeBase64Number(parts[2]);
                if (offset < 0 || length <= 0 || offset + length > body.Length) continue;
                var entryText = Encoding.UTF8.GetString(body, (int)offset, (int)length);
                var translations = ParseEntry(entryText, _direction);
                if (translations.Count == 0) continue;
                var key = Key(parts[0]);
                // A headword can have several index lines (homographs): their senses follow the first one's, except
                // that a headword written as news text writes it (no shadda or harakat) comes before a vocalised one:
                // «البندقيّة» (blunderbuss) is a rarer reading of the «البندقية» (gun, rifle) a sentence holds.
                var vocalised = HasArabicMarks(entryText.AsSpan(0, Math.Max(0, entryText.IndexOf('\n'))));
                if (entries.TryGetValue(key, out var earlier))
                {
                    var laterFirst = !vocalised && vocalisedFirst.Contains(key);
                    var (before, after) = laterFirst ? (translations, earlier) : (earlier, translations);
                    entries[key] = [.. before, .. after.Select(t => t with { Sense = t.Sense + before.Count })];
                    if (laterFirst) vocalisedFirst.Remove(key);
                }
                else
                {
                    entries[key] = translations;
                    if (vocalised) vocalisedFirst.Add(key);
                }
                maxWords = Math.Max(maxWords, key.Count(c => c == ' ') + 1);
            }
            MaxHeadwordWords = maxWords;
            _logger.LogInformation("Loaded {Count} {Direction} dictionary headwords from {IndexPath}", entries.Count, _direction, _indexPath);
            compiled?.TryWrite(entries, maxWords, _logger);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            _logger.LogWarning(e, "Could not read the {Direction} dictionary at {IndexPath}; continuing without it.", _direction, _indexPath);
            entries.Clear();
        }
        return entries;
    }

    private static string? FindBody(string indexPath)
    {
        var stem = indexPath.EndsWith(".index", StringComparison.Ordinal) ? indexPath[..^".index".Length] : indexPath;
        foreach (var candidate in new[] { stem + ".dict.dz", stem + ".dict" })
            if (File.Exists(candidate)) return candidate;
        return null;
    }

    private static byte[] ReadBody(string path)
    {
        using var file = File.OpenRead(path);
        using var output = new MemoryStream();
        if (path.EndsWith(".dz", StringComparison.Ordinal))
        {
            // dictzip is a gzip file with random-access chunk tables in the header's extra field; a plain
            // gzip reader inflates it whole, which is all we need.
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            gzip.CopyTo(output);
        }
        else file.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>dictd numbers are base64 digits, most significant first (not base64-encoded bytes).</summary>
    internal static long DecodeBase64Number(string digits)
    {
        long value = 0;
        foreach (var c in digits)
        {
            var digit = c switch
            {
                >= 'A' and <= 'Z' => c - 'A',
                >= 'a' and <= 'z' => c - 'a' + 26,
                >= '0' and <= '9' => c - '0' + 52,
                '+' => 62,
                '/' => 63,
                _ => -1,
            };
            if (digit < 0) return -1;
            value = value * 64 + digit;
        }
        return value;
    }

    /// <summary>
    /// An entry is the headword line ("Give /ɡˈɪv/") followed by one sense per line, numbered ("1. ...") when there are
    /// several. A sense may list alternatives separated by Arabic commas and trail an explanation after " - ".
    /// </summary>
    /// <remarks>
    /// English→Arabic keeps alternatives with an Arabic letter; Arabic→English keeps Latin ones, lower-cased unless
    /// written in capitals ("Minister" → "minister", "UN" stays), since the dictionary capitalises every sense.
    /// </remarks>
    internal static IReadOnlyList<Translation> ParseEntry(string entry, DictionaryDirection direction = DictionaryDirection.EnglishToArabic)
    {
        var result = new List<Translation>();
        var lines = entry.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var sense = 0;
        foreach (var raw in lines.Skip(1))
        {
            var line = StripNumbering(raw);
            var dash = line.IndexOf(" - ", StringComparison.Ordinal);
            if (dash > 0) line = line[..dash];
            var added = false;
            foreach (var alternative in line.Split(['،', ',', ';', '؛', '/'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var text = alternative.Trim('(', ')', '.', ' ', '"');
                if (text.Length == 0 || !IsInTargetScript(text, direction)) continue;
                if (direction == DictionaryDirection.ArabicToEnglish && !IsAcronym(text)) text = text.ToLowerInvariant();
                if (text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxTranslationWords) continue;
                if (result.Any(t => t.Text == text)) continue;
                result.Add(new Translation(text, sense));
                added = true;
            }
            if (added) sense++;
        }
        return result;
    }

    /// <summary>Whether an entry's own headword line (the index strips marks) carries shadda or harakat.</summary>
    private static bool HasArabicMarks(ReadOnlySpan<char> headwordLine)
    {
        foreach (var c in headwordLine.Length > 0 && headwordLine.IndexOf('/') is var slash and > 0 ? headwordLine[..slash] : headwordLine)
            if (c is >= '\u064B' and <= '\u0652') return true;
        return false;
    }

    private static bool IsInTargetScript(string text, DictionaryDirection direction) => direction == DictionaryDirection.EnglishToArabic
        ? text.Any(Text.ArabicNormalizer.IsArabicLetter)
        : text.Any(char.IsAsciiLetter) && !text.Any(Text.ArabicNormalizer.IsArabicLetter);

    private static bool IsAcronym(string text) => text.Length > 1 && text.All(c => !char.IsLetter(c) || char.IsUpper(c));

    private static string StripNumbering(string line)
    {
        var i = 0;
        while (i < line.Length && char.IsDigit(line[i])) i++;
        return i > 0 && i < line.Length && line[i] == '.' ? line[(i + 1)..].Trim() : line;
    }
}
