using Lucene.Net.Analysis.Ar;

namespace QABot.Text.Analysis;

/// <summary>
/// Lucene's light <see cref="ArabicStemmer"/> with a bounded memo of word → stem. News vocabulary repeats heavily, so
/// at ingest most words are stemmed once and then looked up; the stemmer only removes one prefix and then suffixes,
/// so a stem is remembered as (prefix length, stem length) into the word itself, without a string for the stem.
/// One instance belongs to one token stream chain (one thread): not thread-safe.
/// </summary>
public sealed class ArabicStemCache
{
    /// <summary>
    /// Words past this many are stemmed without being remembered: the frequent ones arrive first, and the memo stays
    /// a few MB per analysing thread.
    /// </summary>
    public const int Capacity = 65_536;

    private readonly ArabicStemmer _stemmer = new();
    private readonly Dictionary<string, int> _stems = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public ArabicStemCache() => _lookup = _stems.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _stems.Count;

    /// <summary>Stems <paramref name="buffer"/>[0..<paramref name="length"/>) in place, as <see cref="ArabicStemmer.Stem"/> does; returns the new length.</summary>
    public int Stem(char[] buffer, int length)
    {
        if (_lookup.TryGetValue(buffer.AsSpan(0, length), out var packed))
        {
            var prefix = packed >> 16;
            var stemLength = packed & 0xFFFF;
            if (prefix > 0) Array.Copy(buffer, prefix, buffer, 0, stemLength);
            return stemLength;
        }
        var word = _stems.Count < Capacity && length < 0x8000 ? new string(buffer, 0, length) : null;
        var afterPrefix = _stemmer.StemPrefix(buffer, length);
        var stemmed = _stemmer.StemSuffix(buffer, afterPrefix);
        if (word is not null) _stems[word] = ((length - afterPrefix) << 16) | stemmed;
        return stemmed;
    }
}
