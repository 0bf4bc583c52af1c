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

    /// <summary>Nationality adjectives («الروسي», «الكوري الشمالي») by their <see cref="Nisba"/> key.</summary>
    private static readonly Lazy<(HashSet<string> Keys, int MaxWords)> Adjectives = new(LoadAdjectives, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// A country is a place whose people have a nationality adjective («روسيا»: «الروسي»; «كوريا الشمالية»: «الكوري
    /// الشمالي»); a city or a facility has none. "Where?" is answered better by the city or the facility the text names.
    /// </summary>
    /// <returns>The country's <see cref="Nisba"/> key, or null when the span is no country the gazetteer lists.</returns>
    public static string? CountryKey(string span)
    {
        var words = WordTokenizer.Tokenize(span).Select(w => w.Folded).ToList();
        if (words.Count == 0 || !Loaded.Value.Places.Contains(string.Join(' ', words))) return null;
        var key = Nisba(words);
        return Adjectives.Value.Keys.Contains(key) ? key : null;
    }

    /// <summary>
    /// The countries the sentence names its people by, as <see cref="Nisba"/> keys: a nationality adjective standing
    /// in a title before one of the question's words («الزعيم الكوري الشمالي، كيم»). Asked where someone went or met
    /// someone, their own country is what the question takes for granted, not its answer.
    /// </summary>
    public static HashSet<string> OwnersCountries(SentenceReading s)
    {
        var (keys, maxWords) = Adjectives.Value;
        var owners = new HashSet<string>(StringComparer.Ordinal);
        var t = s.Tokens;
        for (var i = 0; i < t.Count; i++)
            for (var n = Math.Min(maxWords, t.Count - i); n >= 1; n--)
            {
                var key = Nisba(Enumerable.Range(i, n).Select(k => t[k].Folded));
                if (!keys.Contains(key)) continue;
                // The adjective qualifies the title before the name: the name follows within three words (a comma allowed).
                if (Enumerable.Range(i + n, 3).Any(k => k < t.Count && s.IsQuestionToken(k))) owners.Add(key);
                break;
            }
        return owners;
    }

    /// <summary>The country key of a place or its adjective: each word without the article and the final «ة/ا», ending in «ي».</summary>
    public static string Nisba(IEnumerable<string> foldedWords) => string.Join(' ', foldedWords.Select(w =>
    {
        var word = w.StartsWith("ال", StringComparison.Ordinal) && w.Length > 3 ? w[2..] : w;
        if (word.Length > 2 && word[^1] is 'ه' or 'ا') word = word[..^1];
        return word.EndsWith('ي') ? word : word + "ي";
    }));

    private static (HashSet<string>, int) LoadAdjectives()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in Builtin.Value.Entries.Where(e => e.Kind == NameKind.Nationality))
            foreach (var spelling in entry.Arabic)
                keys.Add(Nisba(WordTokenizer.Tokenize(spelling).Select(w => w.Folded)));
        return (keys, keys.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max());
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
