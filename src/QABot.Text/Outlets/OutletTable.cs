using System.Reflection;
using QABot.Core.Domain;

namespace QABot.Text.Outlets;

/// <summary>
/// The shipped table of known outlets (<c>outlets.tsv</c>, embedded): display names in English and Arabic and every
/// common spelling. Pure data: what the index holds is merged in by <see cref="OutletCatalog"/>.
/// </summary>
public sealed class OutletTable : IOutletNames
{
    private const string ResourceName = "QABot.Text.Outlets.outlets.tsv";
    private static readonly Lazy<OutletTable> Embedded = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader, ResourceName);
    });

    private readonly Dictionary<string, Outlet> _byKeys;

    private OutletTable(IReadOnlyList<Outlet> outlets, IReadOnlyList<OutletSpelling> spellings)
    {
        Outlets = outlets;
        Spellings = spellings;
        _byKeys = new Dictionary<string, Outlet>(StringComparer.Ordinal);
        foreach (var spelling in spellings) _byKeys.TryAdd(string.Join(' ', spelling.Keys), spelling.Outlet);
    }

    /// <summary>The table shipped with QABot.</summary>
    public static OutletTable Default => Embedded.Value;

    public IReadOnlyList<Outlet> Outlets { get; }

    internal IReadOnlyList<OutletSpelling> Spellings { get; }

    /// <summary>Lines of "id TAB english TAB arabic TAB spelling|spelling…"; '#' starts a comment line.</summary>
    public static OutletTable Parse(TextReader reader, string origin)
    {
        var outlets = new List<Outlet>();
        var spellings = new List<OutletSpelling>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var columns = line.Split('\t');
            if (columns.Length != 4 || columns.Any(string.IsNullOrWhiteSpace))
                throw new FormatException($"{origin}:{lineNumber}: expected 4 tab-separated columns: id, English name, Arabic name, spellings.");
            var outlet = new Outlet(columns[0].Trim(), columns[1].Trim(), columns[2].Trim());
            outlets.Add(outlet);
            foreach (var written in columns[3].Split('|').Append(outlet.EnglishName).Append(outlet.ArabicName))
            {
                var needsContext = written.StartsWith('?');
                var keys = OutletWords.KeysOf(needsContext ? written[1..] : written);
                if (keys.Length > 0) spellings.Add(new OutletSpelling(outlet, keys, needsContext));
            }
        }
        // A spelling given with and without '?' keeps the stricter reading; display names never loosen one.
        var distinct = spellings.GroupBy(s => (s.Outlet.Id, Key: string.Join(' ', s.Keys)))
            .Select(g => g.OrderByDescending(s => s.NeedsContext).First()).ToList();
        return new OutletTable(outlets, distinct);
    }

    /// <summary>The known outlet a name (as stored or as typed) spells, ignoring outlet words before it («قناة العربية»).</summary>
    public Outlet? Find(string name)
    {
        var keys = OutletWords.KeysOf(name);
        if (keys.Length == 0) return null;
        if (_byKeys.TryGetValue(string.Join(' ', keys), out var outlet)) return outlet;
        var nouns = OutletWords.LeadingOutletNouns(keys);
        return nouns > 0 && _byKeys.TryGetValue(string.Join(' ', keys[nouns..]), out outlet) ? outlet : null;
    }

    public string DisplayName(string storedSource, string language) =>
        Find(storedSource)?.DisplayName(language) ?? storedSource.Trim();
}
