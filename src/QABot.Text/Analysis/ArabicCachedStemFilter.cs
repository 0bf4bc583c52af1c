using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.TokenAttributes;

namespace QABot.Text.Analysis;

/// <summary>
/// <see cref="ArabicStemFilter"/> through an <see cref="ArabicStemCache"/>: the same stems (keyword tokens left alone),
/// without running the prefix and suffix lists again for a word already seen on this thread.
/// </summary>
public sealed class ArabicCachedStemFilter : TokenFilter
{
    private readonly ArabicStemCache _stems;
    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    public ArabicCachedStemFilter(TokenStream input, ArabicStemCache stems) : base(input)
    {
        _stems = stems;
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        if (!_keyword.IsKeyword) _term.Length = _stems.Stem(_term.Buffer, _term.Length);
        return true;
    }
}
