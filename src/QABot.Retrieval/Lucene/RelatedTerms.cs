using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace QABot.Retrieval.Lucene;

/// <summary>
/// Index terms grouped by a coarse Arabic consonant skeleton, so a query word also meets its other derived and
/// broken-plural forms that the light stemmer keeps apart («ترنيمة»/«ترانيم», «المطرية»/«المطيرة», «تشكلت»/«شكل»).
/// Built from the term dictionary of one index snapshot on first use (no cost at ingest), then cached with it.
/// </summary>
internal sealed class RelatedTerms
{
    private static readonly ConditionalWeakTable<IndexReader, RelatedTerms> Cache = new();

    private readonly Dictionary<string, (string Term, int DocFreq)[]> _bySkeleton;

    private RelatedTerms(Dictionary<string, (string, int)[]> bySkeleton) => _bySkeleton = bySkeleton;

    public static RelatedTerms For(IndexReader reader) => Cache.GetValue(reader, Build);

    /// <summary>Other index terms with the same skeleton as <paramref name="term"/>, most frequent first.</summary>
    public IEnumerable<string> Of(string term, int max)
    {
        if (Skeleton(term) is not { } skeleton || !_bySkeleton.TryGetValue(skeleton, out var related)) return [];
        return related.Where(r => r.Term != term).Take(max).Select(r => r.Term);
    }

    /// <summary>
    /// Drops verb/noun affixes the light stemmer leaves (ت، ي، ن، م، ا prefixes; ت، ا suffixes) and the long vowels
    /// inside, keeping at least three letters. Null for words too short or not Arabic.
    /// </summary>
    internal static string? Skeleton(string term)
    {
        if (term.Length < 3 || !Text.ArabicNormalizer.IsArabicLetter(term[0])) return null;
        var s = term.AsSpan();
        if (s.Length >= 5 && s.StartsWith("است")) s = s[3..];
        else if (s.Length >= 5 && (s[0] is 'ت' or 'ي' or 'ن' or 'م' or 'ا')) s = s[1..];
        // A trailing ت/ا/ه is an ending only if three consonants remain without it («شكلت» → شكل, but «ثابت» stays).
        if (s.Length >= 4 && s[^1] is 'ت' or 'ا' or 'ه' && Consonants(s[..^1]) is { } shorter) return shorter;
        return Consonants(s);
    }

    private static string? Consonants(ReadOnlySpan<char> s)
    {
        Span<char> buffer = stackalloc char[s.Length];
        var length = 0;
        for (var i = 0; i < s.Length; i++)
            if (i == 0 || s[i] is not ('ا' or 'و' or 'ي')) buffer[length++] = s[i];
        return length >= 3 ? new string(buffer[..length]) : null;
    }

    private static RelatedTerms Build(IndexReader reader)
    {
        var groups = new Dictionary<string, List<(string, int)>>(StringComparer.Ordinal);
        var terms = MultiFields.GetTerms(reader, IndexFields.Body);
        if (terms is not null)
        {
            var iterator = terms.GetEnumerator();
            while (iterator.MoveNext())
            {
                var text = iterator.Term.Utf8ToString();
                if (Skeleton(text) is not { } skeleton) continue;
                if (!groups.TryGetValue(skeleton, out var list)) groups[skeleton] = list = [];
                list.Add((text, iterator.DocFreq));
            }
        }
        return new RelatedTerms(groups.ToDictionary(g => g.Key, g => g.Value.OrderByDescending(t => t.Item2).ToArray(), StringComparer.Ordinal));
    }
}
