using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace QABot.Text.Analysis;

/// <summary>
/// Lower-cases each token and applies <see cref="ArabicNormalizer"/> folding in one pass, so index and query fold
/// letters identically. One table lookup per character for Latin and Arabic: at ingest scale a separate lower-case
/// filter plus the normalizer's switch cost as much as tokenizing itself.
/// </summary>
public sealed class ArabicFoldingFilter : TokenFilter
{
    /// <summary>Covers Latin, Greek, Cyrillic and the Arabic block; '\0' marks a dropped character.</summary>
    private const int TableSize = 0x0700;
    private static readonly char[] Table = BuildTable();

    private readonly ICharTermAttribute _term;

    public ArabicFoldingFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var buffer = _term.Buffer;
        var length = _term.Length;
        var written = 0;
        for (var read = 0; read < length; read++)
        {
            var c = buffer[read];
            var folded = c < TableSize ? Table[c] : FoldOther(c);
            if (folded != '\0') buffer[written++] = folded;
        }
        if (written != length) _term.SetLength(written);
        return true;
    }

    /// <summary>The same folding as the table, for characters outside it (Persian/Urdu letters, Quranic marks, other scripts).</summary>
    internal static char FoldOther(char c)
    {
        var folded = ArabicNormalizer.Fold(c);
        return folded == '\0' || char.IsSurrogate(folded) ? folded : char.ToLowerInvariant(folded);
    }

    private static char[] BuildTable()
    {
        var table = new char[TableSize];
        for (var c = 0; c < TableSize; c++) table[c] = FoldOther((char)c);
        return table;
    }
}
