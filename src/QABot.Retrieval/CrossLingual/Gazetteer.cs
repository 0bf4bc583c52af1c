using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace QABot.Retrieval.CrossLingual;

/// <summary>A run of question words recognised as a named entity, with its Arabic spellings (most common first).</summary>
public sealed record GazetteerMatch(int Start, int Length, string English, IReadOnlyList<string> Arabic);

/// <summary>What a gazetteer entry names; it decides where its English goes when an Arabic phrase is rendered.</summary>
/// <remarks>
/// <see cref="GivenName"/> entries only render Arabic spans: a lone first name in an English question says little
/// about which article answers it. Single-word <see cref="Title"/> and <see cref="Noun"/> entries are left to the
/// dictionary in English questions too (it knows more senses of "king" or "party"); their phrases still match.
/// </remarks>
public enum NameKind { Unspecified, Person, GivenName, Place, Organization, Title, Nationality, Noun, Event, Time }

/// <param name="English">As news prints it ("Bashar al-Assad", "NATO"): also the entry's English rendering.</param>
public sealed record GazetteerEntry(string English, IReadOnlyList<string> Arabic, NameKind Kind);

/// <summary>
/// Frequent news names (people, places, organisations, outlets, offices, nationalities, months, weekdays) with their
/// Arabic spelling variants. The built-in list is an embedded TSV (<c>english, arabic|arabic…, kind</c>); an optional
/// extra file adds or overrides entries. Nothing is read until the first lookup: Arabic questions never pay for it.
/// </summary>
public sealed class Gazetteer
{
    private const string ResourceName = "QABot.Retrieval.CrossLingual.gazetteer.en-ar.tsv";

    /// <param name="LongestByFirstWord">For each first word of a name, its longest name in words: a question word that
    /// starts none is passed over without building a single candidate phrase.</param>
    private readonly Lazy<(EntryList Entries, Dictionary<string, int> LongestByFirstWord)> _loaded;

    private Gazetteer(Func<EntryList> load) =>
        _loaded = new(() =>
        {
            var entries = load();
            var longest = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var key in entries.ByKey.Keys)
            {
                var words = key.Split(' ');
                longest[words[0]] = Math.Max(longest.GetValueOrDefault(words[0]), words.Length);
            }
            return (entries, longest);
        }, LazyThreadSafetyMode.ExecutionAndPublication);

    public int Count => _loaded.Value.Entries.InOrder.Count;

    /// <summary>Every entry, in file order (the built-in list first, then the extra file's new names).</summary>
    public IReadOnlyList<GazetteerEntry> Entries => _loaded.Value.Entries.InOrder;

    /// <summary>The built-in gazetteer plus <paramref name="extraPath"/> (its lines win), read now: a malformed line throws here.</summary>
    public static Gazetteer Load(string? extraPath = null, ILogger? logger = null)
    {
        var gazetteer = LoadOnFirstUse(extraPath, logger);
        _ = gazetteer.Count;
        return gazetteer;
    }

    /// <summary>As <see cref="Load"/>, but read on the first lookup (what the host registers: start-up stays cheap).</summary>
    public static Gazetteer LoadOnFirstUse(string? extraPath = null, ILogger? logger = null) =>
        new(() => Read(extraPath, logger ?? NullLogger.Instance));

    /// <summary>Spellings for one name, or none.</summary>
    public IReadOnlyList<string> Lookup(string english) => Find(english)?.Arabic ?? [];

    /// <summary>The entry for one English name, or null.</summary>
    public GazetteerEntry? Find(string english) =>
        _loaded.Value.Entries.ByKey.TryGetValue(Key(english), out var index) ? _loaded.Value.Entries.InOrder[index] : null;

    /// <summary>Longest, left-to-right, non-overlapping matches over the question's words.</summary>
    public IReadOnlyList<GazetteerMatch> Match(IReadOnlyList<EnglishToken> tokens)
    {
        var (entries, longestByFirstWord) = _loaded.Value;
        var matches = new List<GazetteerMatch>();
        for (var start = 0; start < tokens.Count;)
        {
            GazetteerMatch? found = null;
            var longest = longestByFirstWord.GetValueOrDefault(Key(tokens[start].Lower).Split(' ')[0]);
            for (var length = Math.Min(longest, tokens.Count - start); length >= 1 && found is null; length--)
            {
                var span = tokens.Skip(start).Take(length).ToList();
                var key = Key(string.Join(' ', span.Select(t => t.Lower)));
                if (!entries.ByKey.TryGetValue(key, out var index)) continue;
                var entry = entries.InOrder[index];
                if (entry.Kind == NameKind.GivenName || (length == 1 && entry.Kind is NameKind.Title or NameKind.Noun)) continue;
                // "may", "who", "us" are months/organisations/countries only when written as names.
                if (length == 1 && span[0].IsStopWord && !LooksLikeName(span[0])) continue;
                found = new GazetteerMatch(start, length, string.Join(' ', span.Select(t => t.Text)), entry.Arabic);
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

    /// <summary>Entries in file order, found by their English key; a later line for a known name replaces it in place.</summary>
    private sealed class EntryList
    {
        public List<GazetteerEntry> InOrder { get; } = [];
        public Dictionary<string, int> ByKey { get; } = new(StringComparer.Ordinal);

        public void Set(GazetteerEntry entry)
        {
            var key = Key(entry.English);
            if (ByKey.TryGetValue(key, out var index)) InOrder[index] = entry;
            else
            {
                ByKey[key] = InOrder.Count;
                InOrder.Add(entry);
            }
        }
    }

    private static EntryList Read(string? extraPath, ILogger logger)
    {
        var entries = new EntryList();
        using (var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the build."))
        using (var reader = new StreamReader(stream))
            Read(reader, entries, ResourceName);
        if (string.IsNullOrWhiteSpace(extraPath)) return entries;
        if (!File.Exists(extraPath))
        {
            logger.LogWarning("Gazetteer file {Path} (Retrieval:CrossLingual:GazetteerPath) does not exist; using the built-in list only.", extraPath);
            return entries;
        }
        using (var reader = new StreamReader(extraPath))
        {
            var before = entries.InOrder.Count;
            var lines = Read(reader, entries, extraPath);
            logger.LogInformation("Gazetteer: {Lines} entries from {Path} ({New} new names)", lines, extraPath, entries.InOrder.Count - before);
        }
        return entries;
    }

    /// <returns>How many entries the reader held.</returns>
    private static int Read(TextReader reader, EntryList entries, string origin)
    {
        var lineNumber = 0;
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split('\t');
            if (parts.Length < 2 || string.IsNullOrWhiteSpace(parts[0]))
                throw new FormatException($"{origin}:{lineNumber}: expected 'english<TAB>arabic|arabic...[<TAB>kind]', got '{line}'.");
            var arabic = parts[1].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (arabic.Length == 0) throw new FormatException($"{origin}:{lineNumber}: no Arabic spelling for '{parts[0]}'.");
            var kind = parts.Length > 2 ? ParseKind(parts[2].Trim())
                ?? throw new FormatException($"{origin}:{lineNumber}: unknown kind '{parts[2].Trim()}' (person, given, place, org, title, adj, noun, event, time).")
                : NameKind.Unspecified;
            entries.Set(new GazetteerEntry(parts[0].Trim(), arabic, kind));
            count++;
        }
        return count;
    }

    private static NameKind? ParseKind(string kind) => kind switch
    {
        "" => NameKind.Unspecified,
        "person" => NameKind.Person,
        "given" => NameKind.GivenName,
        "place" => NameKind.Place,
        "org" => NameKind.Organization,
        "title" => NameKind.Title,
        "adj" => NameKind.Nationality,
        "noun" => NameKind.Noun,
        "event" => NameKind.Event,
        "time" => NameKind.Time,
        _ => null,
    };
}
