using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace QABot.Text.Analysis;

/// <summary>Applies <see cref="ArabicNormalizer"/> to each token, so index and query fold letters identically.</summary>
public sealed class ArabicFoldingFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public ArabicFoldingFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var length = ArabicNormalizer.Normalize(_term.Buffer.AsSpan(0, _term.Length));
        _term.SetLength(length);
        return true;
    }
}
