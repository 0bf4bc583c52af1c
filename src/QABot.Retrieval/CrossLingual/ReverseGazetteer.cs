namespace QABot.Retrieval.CrossLingual;

/// <summary>
/// The gazetteer read from Arabic to English: every Arabic spelling (folded) points to the entry that lists it
/// earliest among its variants, then to the first such entry in the file («بوتين» is "Putin", not "Vladimir Putin").
/// Nationalities also answer to their feminine and definite forms («روسي»، «الروسية»).
/// </summary>
public sealed class ReverseGazetteer
{
    private readonly Dictionary<string, GazetteerEntry> _byArabic;

    private ReverseGazetteer(Dictionary<string, GazetteerEntry> byArabic)
    {
        _byArabic = byArabic;
        MaxWords = byArabic.Keys.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max();
    }

    /// <summary>The longest spelling in words: how far a phrase match needs to look ahead.</summary>
    public int MaxWords { get; }

    public static ReverseGazetteer Build(Gazetteer gazetteer)
    {
        var best = new Dictionary<string, (GazetteerEntry Entry, int Rank)>(StringComparer.Ordinal);
        foreach (var entry in gazetteer.Entries)
            for (var rank = 0; rank < entry.Arabic.Count; rank++)
                foreach (var form in Forms(entry.Arabic[rank], entry.Kind))
                {
                    var key = ArabicWords.Key(form);
                    if (key.Length > 0 && (!best.TryGetValue(key, out var existing) || existing.Rank > rank)) best[key] = (entry, rank);
                }
        return new ReverseGazetteer(best.ToDictionary(p => p.Key, p => p.Value.Entry, StringComparer.Ordinal));
    }

    /// <summary>The entry spelled <paramref name="key"/> (folded words joined by spaces, see <see cref="ArabicWords.Key"/>).</summary>
    public GazetteerEntry? Find(string key) => _byArabic.GetValueOrDefault(key);

    private static IEnumerable<string> Forms(string arabic, NameKind kind)
    {
        yield return arabic;
        if (kind != NameKind.Nationality || arabic.Contains(' ')) yield break;
        var folded = ArabicWords.Fold(arabic);
        var stem = folded.StartsWith("ال", StringComparison.Ordinal) ? folded[2..] : folded;
        if (stem.EndsWith('ه')) stem = stem[..^1];
        if (!stem.EndsWith('ي')) yield break;
        foreach (var form in new[] { stem, stem + "ه", "ال" + stem, "ال" + stem + "ه" })
            yield return form;
    }
}
