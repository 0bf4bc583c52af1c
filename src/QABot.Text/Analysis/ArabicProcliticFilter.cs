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
    private char[]? _pending;
    private int _pendingLength;
    private State? _state;

    public ArabicProcliticFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pending is not null)
        {
            RestoreState(_state);
            _term.CopyBuffer(_pending, 0, _pendingLength);
            _position.PositionIncrement = 0;
            _pending = null;
            return true;
        }
        if (!m_input.IncrementToken()) return false;
        var length = _term.Length;
        var buffer = _term.Buffer;
        if (length >= MinRemainder + 1 && IsProclitic(buffer[0]))
        {
            var stripped = new char[length - 1];
            Array.Copy(buffer, 1, stripped, 0, length - 1);
            var stemmedLength = _stemmer.Stem(stripped, stripped.Length);
            if (stemmedLength >= 2)
            {
                _pending = stripped;
                _pendingLength = stemmedLength;
                _state = CaptureState();
            }
        }
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pending = null;
        _state = null;
    }

    private static bool IsProclitic(char c) => c is 'ل' or 'ب' or 'ك' or 'ف' or 'و';
}
