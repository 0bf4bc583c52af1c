namespace QABot.Text.Outlets;

/// <summary>
/// The outlets of one moment of the index: the shipped table merged with the outlet names stored in the index. A
/// stored name the table knows joins its outlet («سكاي نيوز عربية» and "skynews" are both Sky News Arabia); one it does
/// not know becomes an outlet of its own, spelled as stored, and without a leading outlet word («قناة X» → X, which,
/// like any guessed spelling, then needs an outlet word, a reporting word or quotes before it in a question).
/// </summary>
public sealed class OutletSnapshot
{
    private readonly Dictionary<string, List<OutletSpelling>> _byFirstKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _sourcesByOutlet = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Outlet> _byKeys = new(StringComparer.Ordinal);

    private OutletSnapshot(OutletTable table, IReadOnlyList<string> storedSources)
    {
        StoredSources = storedSources;
        var spellings = new List<OutletSpelling>(table.Spellings);
        var sources = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var outlets = new List<Outlet>(table.Outlets);
        foreach (var stored in storedSources)
        {
            var keys = OutletWords.KeysOf(stored);
            if (keys.Length == 0) continue;
            var outlet = table.Find(stored);
            if (outlet is null)
            {
                outlet = new Outlet("stored:" + string.Join(' ', keys), stored.Trim(), stored.Trim());
                outlets.Add(outlet);
                // One Arabic word stored as a name is as likely an ordinary word («الأسبوع»).
                spellings.Add(new OutletSpelling(outlet, keys, NeedsContext: keys.Length == 1 && ArabicNormalizer.IsArabicLetter(keys[0][0])));
                var nouns = OutletWords.LeadingOutletNouns(keys);
                if (nouns > 0) spellings.Add(new OutletSpelling(outlet, keys[nouns..], NeedsContext: true));
            }
            else if (!table.Spellings.Any(s => s.Outlet == outlet && s.Keys.SequenceEqual(keys)))
                spellings.Add(new OutletSpelling(outlet, keys, NeedsContext: false));
            if (!sources.TryGetValue(outlet.Id, out var list)) sources[outlet.Id] = list = [];
            list.Add(stored);
        }
        foreach (var (id, list) in sources) _sourcesByOutlet[id] = list;
        foreach (var spelling in spellings)
        {
            if (!_byFirstKey.TryGetValue(spelling.Keys[0], out var list)) _byFirstKey[spelling.Keys[0]] = list = [];
            list.Add(spelling);
            _byKeys.TryAdd(string.Join(' ', spelling.Keys), spelling.Outlet);
        }
        // Longest first: «سكاي نيوز عربية» wins over «سكاي نيوز», "sky news arabia" over "sky news".
        foreach (var list in _byFirstKey.Values) list.Sort((a, b) => b.Keys.Length.CompareTo(a.Keys.Length));
        Outlets = outlets;
    }

    public static OutletSnapshot Build(OutletTable table, IEnumerable<string> storedSources) =>
        new(table, storedSources.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());

    /// <summary>Every outlet name stored in the index.</summary>
    public IReadOnlyList<string> StoredSources { get; }

    /// <summary>The shipped outlets and those only the index knows.</summary>
    public IReadOnlyList<Outlet> Outlets { get; }

    /// <summary>The stored names of an outlet's articles; empty when the index holds none.</summary>
    public IReadOnlyList<string> SourcesOf(Outlet outlet) => _sourcesByOutlet.TryGetValue(outlet.Id, out var list) ? list : [];

    /// <summary>The outlets with articles in the index.</summary>
    public IEnumerable<Outlet> StoredOutlets => Outlets.Where(o => _sourcesByOutlet.ContainsKey(o.Id));

    /// <summary>
    /// A name as a user types it for a filter (`--source "sky news"`, «بي بي سي», "alarabia"): its outlet and stored
    /// names. Spellings that are also ordinary words count here: the user said it is an outlet. Null when unknown.
    /// </summary>
    public OutletResolution? Resolve(string name)
    {
        var keys = OutletWords.KeysOf(name);
        if (keys.Length == 0) return null;
        var nouns = OutletWords.LeadingOutletNouns(keys);
        foreach (var candidate in new[] { keys, keys[nouns..] })
            if (_byKeys.TryGetValue(string.Join(' ', candidate), out var outlet))
                return new OutletResolution(outlet, SourcesOf(outlet));
        return null;
    }

    /// <summary>The outlets a text names, left to right, longest name first at each place, without overlaps.</summary>
    public IReadOnlyList<OutletMention> FindMentions(string text)
    {
        var words = OutletWords.Split(text);
        var mentions = new List<OutletMention>();
        for (var i = 0; i < words.Count;)
        {
            if (Match(words, i) is not { } spelling || (spelling.NeedsContext && !HasContext(text, words, i, spelling.Keys.Length)))
            {
                i++;
                continue;
            }
            var first = i;
            while (first > 0 && OutletWords.IsOutletNoun(words[first - 1].Key)) first--;
            var start = words[first].Start;
            var end = words[i + spelling.Keys.Length - 1].End;
            mentions.Add(new OutletMention(start, end - start, text[start..end], spelling.Outlet, SourcesOf(spelling.Outlet)));
            i += spelling.Keys.Length;
        }
        return mentions;
    }

    private OutletSpelling? Match(List<OutletWord> words, int at)
    {
        OutletSpelling? best = null;
        foreach (var form in OutletWords.Forms(words[at].Key))
        {
            if (!_byFirstKey.TryGetValue(form, out var candidates)) continue;
            foreach (var spelling in candidates)
            {
                if (best is not null && spelling.Keys.Length <= best.Keys.Length) break;
                if (at + spelling.Keys.Length > words.Count) continue;
                var matches = true;
                for (var k = 1; k < spelling.Keys.Length && matches; k++) matches = words[at + k].Key == spelling.Keys[k];
                if (matches)
                {
                    best = spelling;
                    break;
                }
            }
        }
        return best;
    }

    private static bool HasContext(string text, List<OutletWord> words, int at, int length)
    {
        if (at > 0 && (OutletWords.IsOutletNoun(words[at - 1].Key) || OutletWords.IsReportingWord(words[at - 1].Key))) return true;
        var before = words[at].Start - 1;
        while (before >= 0 && char.IsWhiteSpace(text[before])) before--;
        // An attached conjunction or preposition may sit before the quote: و«العربية».
        var after = words[at + length - 1].End;
        while (after < text.Length && char.IsWhiteSpace(text[after])) after++;
        var opened = before >= 0 && text[before] is '«' or '"' or '“' or '\'' or '‘';
        var closed = after < text.Length && text[after] is '»' or '"' or '”' or '\'' or '’';
        return opened && closed;
    }
}
