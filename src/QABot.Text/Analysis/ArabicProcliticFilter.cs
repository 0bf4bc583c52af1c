using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.TokenAttributes;

namespace QABot.Text.Analysis;

/// <summary>
/// The light stemmer strips the article and its compounds (ال، بال، وال) but not a bare attached preposition or
/// conjunction: «لتسلا», «بموسكو», «فقال» would never meet «تسلا», «موسكو», «قال». Stripping them outright would
/// break names that begin with those letters («بوتين»), so this filter keeps the word and adds the stripped,
/// re-stemmed form at the same position, as a synonym.
/// </summary>
public sealed class ArabicProcliticFilter : TokenFilter
{
    private const int MinRemainder = 3;

    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private readonly ArabicStemmer _stemmer = new();
    // Reused for every token: ingest analyses millions of words, allocation per word shows.
    private char[] _pending = new char[32];
    private int _pendingLength;

    public ArabicProcliticFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pendingLength > 0)
        {
            // Offsets and type still hold the original word's values: nothing ran in between.
            _term.CopyBuffer(_pending, 0, _pendingLength);
            _position.PositionIncrement = 0;
            _pendingLength = 0;
            return true;
        }
        if (!m_input.IncrementToken()) return false;
        var length = _term.Length;
        var buffer = _term.Buffer;
        if (length >= MinRemainder + 1 && IsProclitic(buffer[0]))
        {
            if (_pending.Length < length) _pending = new char[length * 2];
            Array.Copy(buffer, 1, _pending, 0, length - 1);
            var stemmed = _stemmer.Stem(_pending, length - 1);
            if (stemmed >= 2) _pendingLength = stemmed;
        }
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pendingLength = 0;
    }

    private static bool IsProclitic(char c) => c is 'ل' or 'ب' or 'ك' or 'ف' or 'و';
}
