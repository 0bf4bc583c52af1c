using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace QABot.Retrieval.CrossLingual;

/// <summary>A run of question words recognised as a named entity, with its Arabic spellings (most common first).</summary>
public sealed record GazetteerMatch(int Start, int Length, string English, IReadOnlyList<string> Arabic);

/// <summary>
/// Frequent news names (people, places, organisations, outlets, months, weekdays) with their Arabic spelling variants.
/// The built-in list is an embedded TSV; an optional extra file adds or overrides entries.
/// </summary>
public sealed class Gazetteer
{
    private const string ResourceName = "QABot.Retrieval.CrossLingual.gazetteer.en-ar.tsv";

    private readonly Dictionary<string, IReadOnlyList<string>> _entries;
    private readonly int _maxWords;

    private Gazetteer(Dictionary<string, IReadOnlyList<string>> entries)
    {
        _entries = entries;
        _maxWords = entries.Keys.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max();
    }

    public int Count => _entries.Count;

    /// <summary>The built-in gazetteer, plus <paramref name="extraPath"/> when given (its lines win).</summary>
    public static Gazetteer Load(string? extraPath = null, ILogger? logger = null)
    {
        logger ??= NullLogger.Instance;
        var entries = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        using (var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the build."))
        using (var reader = new StreamReader(stream))
            Read(reader, entries, ResourceName);
        if (!string.IsNullOrWhiteSpace(extraPath))
        {
            if (File.Exists(extraPath))
            {
                using var reader = new StreamReader(extraPath);
                var before = entries.Count;
                Read(reader, entries, extraPath);
                logger.LogInformation("Gazetteer: {Count} entries from {Path} ({New} new)", entries.Count - before, extraPath, entries.Count - before);
            }
            else logger.LogWarning("Gazetteer file {Path} (Retrieval:CrossLingual:GazetteerPath) does not exist; using the built-in list only.", extraPath);
        }
        return new Gazetteer(entries);
    }

    /// <summary>Spellings for one name, or none.</summary>
    public IReadOnlyList<string> Lookup(string english) => _entries.TryGetValue(Key(english), out var arabic) ? arabic : [];

    /// <summary>Longest, left-to-right, non-overlapping matches over the question's words.</summary>
    public IReadOnlyList<GazetteerMatch> Match(IReadOnlyList<EnglishToken> tokens)
    {
        var matches = new List<GazetteerMatch>();
        for (var start = 0; start < tokens.Count;)
        {
            GazetteerMatch? found = null;
            for (var length = Math.Min(_maxWords, tokens.Count - start); length >= 1 && found is null; length--)
            {
                var span = tokens.Skip(start).Take(length).ToList();
                var key = Key(string.Join(' ', span.Select(t => t.Lower)));
                if (!_entries.TryGetValue(key, out var arabic)) continue;
                // "may", "who", "us" are months/organisations/countries only when written as names.
                if (length == 1 && span[0].IsStopWord && !LooksLikeName(span[0])) continue;
                found = new GazetteerMatch(start, length, string.Join(' ', span.Select(t => t.Text)), arabic);
            }
            if (found is null) start++;
            else
            {
                matches.Add(found);
                start += found.Length;
            }
        }
        return matches;
    }

    private static bool LooksLikeName(EnglishToken token) =>
        (token.Text.Length > 1 && token.Text.All(c => !char.IsLetter(c) || char.IsUpper(c))) || (token.Capitalized && token.Position > 0);

    internal static string Key(string english) =>
        string.Join(' ', english.ToLowerInvariant().Replace('-', ' ').Replace('’', '\'').Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static void Read(TextReader reader, Dictionary<string, IReadOnlyList<string>> entries, string origin)
    {
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split('\t');
            if (parts.Length < 2 || string.IsNullOrWhiteSpace(parts[0]))
                throw new FormatException($"{origin}:{lineNumber}: expected 'english<TAB>arabic|arabic...', got '{line}'.");
            var arabic = parts[1].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (arabic.Length == 0) throw new FormatException($"{origin}:{lineNumber}: no Arabic spelling for '{parts[0]}'.");
            entries[Key(parts[0])] = arabic;
        }
    }
}
