using QABot.Retrieval.CrossLingual;
using QABot.Text.Tokens;

namespace QABot.Answering.Extractive.Spans;

/// <summary>
/// Names the gazetteer knows, read in Arabic: a place it lists («موسكو», «كوريا الشمالية», «سامارا») is a place
/// whatever stands around it, where an unknown word after «في» may be anything («في مواجهة…», «في إطار…»). Read from the
/// built-in list once, on the first where-question.
/// </summary>
public static class KnownNames
{
    /// <summary>The built-in list, read once for both the places and the kinds.</summary>
    private static readonly Lazy<Gazetteer> Builtin = new(() => Gazetteer.Load(), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<(HashSet<string> Places, int MaxWords)> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<Dictionary<string, NameKind>> Kinds = new(LoadKinds, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A name's lookup key: its folded words joined by single spaces.</summary>
    private static string Key(string name) => string.Join(' ', WordTokenizer.Tokenize(name).Select(w => w.Folded));

    /// <summary>
    /// What the gazetteer says a name is, by its English or any Arabic spelling ("Croatia", «كرواتيا»: a place), or null
    /// for a name it does not list (an award, a club, a person it does not know).
    /// </summary>
    public static NameKind? KindOf(string name)
    {
        return Kinds.Value.TryGetValue(Key(name), out var kind) ? kind : null;
    }

    /// <summary>
    /// The number of words of the longest known place starting at token <paramref name="i"/> (0: none), and whether its
    /// first word carries an attached preposition or conjunction («بموسكو», «وسامارا») to leave out of the span.
    /// </summary>
    public static (int Words, bool Attached) PlaceAt(SentenceReading s, int i)
    {
        var (places, maxWords) = Loaded.Value;
        var t = s.Tokens;
        foreach (var attached in new[] { false, true })
        {
            var first = t[i].Folded;
            if (attached && (first.Length < 4 || first[0] is not ('ب' or 'ل' or 'و' or 'ف' or 'ك'))) continue;
            if (attached) first = first[1..];
            for (var n = Math.Min(maxWords, t.Count - i); n >= 1; n--)
            {
                if (Enumerable.Range(i + 1, n - 1).Any(k => t[k].BreakBefore)) continue;
                var key = string.Join(' ', Enumerable.Range(i, n).Select(k => k == i ? first : t[k].Folded));
                if (places.Contains(key)) return (n, attached);
            }
        }
        return (0, false);
    }

    private static Dictionary<string, NameKind> LoadKinds()
    {
        var kinds = new Dictionary<string, NameKind>(StringComparer.Ordinal);
        foreach (var entry in Builtin.Value.Entries.Where(e => e.Kind != NameKind.Unspecified))
            foreach (var spelling in entry.Arabic.Prepend(entry.English))
                kinds.TryAdd(Key(spelling), entry.Kind);
        return kinds;
    }

    private static (HashSet<string>, int) Load()
    {
        var places = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in Builtin.Value.Entries.Where(e => e.Kind == NameKind.Place))
            foreach (var spelling in entry.Arabic)
                if (Key(spelling) is { Length: >= 3 } key) places.Add(key);
        return (places, places.Select(p => p.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max());
    }
}
