using QABot.Text.Analysis;
using QABot.Text.Dates;
using QABot.Text.Numbers;
using QABot.Text.Tokens;

namespace QABot.Answering.Extractive.Spans;

/// <summary>
/// One candidate sentence read closely, once: its words with their offsets, which of them the question shares, and
/// the dates and numbers it states. Only the few best candidate sentences of a question are read this way, so the
/// work stays proportional to what is quoted.
/// </summary>
public sealed class SentenceReading
{
    private readonly bool[] _questionToken;
    private readonly bool[] _dateOrNumber;
    private readonly List<string>[] _tokenTerms;

    public string Text { get; }
    public List<WordToken> Tokens { get; }
    public List<DateMention> Dates { get; }
    public List<NumberMention> Numbers { get; }

    private SentenceReading(string text, List<WordToken> tokens, List<DateMention> dates, List<NumberMention> numbers, List<string>[] tokenTerms, Func<string, bool> isQuestionTerm)
    {
        Text = text;
        Tokens = tokens;
        Dates = dates;
        Numbers = numbers;
        _tokenTerms = tokenTerms;
        _questionToken = tokenTerms.Select(terms => terms.Any(isQuestionTerm)).ToArray();
        _dateOrNumber = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            _dateOrNumber[i] = dates.Any(d => token.Start < d.End && d.Start < token.End) || numbers.Any(n => token.Start < n.End && n.Start < token.End);
        }
    }

    /// <param name="analyzed">The sentence's analyzed terms (<see cref="SearchAnalysis.Analyze"/>), with their offsets.</param>
    /// <param name="isQuestionTerm">Whether a term is one of the question's words (Arabic renderings of English words included).</param>
    public static SentenceReading Read(string text, IReadOnlyList<AnalyzedTerm> analyzed, Func<string, bool> isQuestionTerm) =>
        Read(text, WordTokenizer.Tokenize(text), analyzed, isQuestionTerm);

    /// <param name="tokens">The words of <paramref name="text"/> (<see cref="WordTokenizer.Tokenize(string)"/>), when already found.</param>
    public static SentenceReading Read(string text, List<WordToken> tokens, IReadOnlyList<AnalyzedTerm> analyzed, Func<string, bool> isQuestionTerm)
    {
        var tokenTerms = new List<string>[tokens.Count];
        for (var i = 0; i < tokens.Count; i++) tokenTerms[i] = [];
        var k = 0;
        foreach (var term in analyzed)
        {
            // Tokens are in text order, and so are the analyzed terms: a moving cursor finds each term's word.
            while (k < tokens.Count && tokens[k].End <= term.StartOffset) k++;
            for (var j = k; j < tokens.Count && tokens[j].Start < term.EndOffset; j++) tokenTerms[j].Add(term.Text);
        }
        return new SentenceReading(text, tokens, DateExpressions.Find(tokens), NumberExpressions.Find(text, tokens), tokenTerms, isQuestionTerm);
    }

    public bool IsQuestionToken(int i) => _questionToken[i];

    /// <summary>The analyzed terms of word <paramref name="i"/> (none for a stop word).</summary>
    public IReadOnlyList<string> TermsOf(int i) => _tokenTerms[i];

    /// <summary>The positions of the words having a term in <paramref name="terms"/>.</summary>
    public IEnumerable<int> WordsMatching(IReadOnlySet<string> terms)
    {
        for (var i = 0; i < Tokens.Count; i++)
            if (_tokenTerms[i].Any(terms.Contains)) yield return i;
    }

    /// <summary>
    /// The positions of the words having a term in <paramref name="noun"/> that a word having a term in
    /// <paramref name="owner"/> follows at once, as a relation's owner follows its noun («عاصمة أستراليا»).
    /// </summary>
    public IEnumerable<int> NounsOwnedBy(IReadOnlySet<string> noun, IReadOnlySet<string> owner)
    {
        var owners = WordsMatching(owner).ToHashSet();
        return WordsMatching(noun).Where(i => owners.Contains(i + 1));
    }

    public bool InDateOrNumber(int i) => _dateOrNumber[i];

    /// <summary>True when every word of the span is one of the question's: it repeats the question rather than answering it.</summary>
    public bool RepeatsQuestion(int start, int end)
    {
        var any = false;
        for (var i = 0; i < Tokens.Count; i++)
        {
            if (Tokens[i].End <= start || Tokens[i].Start >= end) continue;
            any = true;
            if (!_questionToken[i]) return false;
        }
        return any;
    }

    /// <summary>
    /// How close the span sits to the words the sentence shares with the question: 1 next to one, fading with distance,
    /// 0 when the sentence shares none. The answer to "who met Lavrov?" is the name beside «لافروف», not one three
    /// clauses away.
    /// </summary>
    public double Proximity(int start, int end)
    {
        if (WordsOf(start, end) is not { } words) return 0;
        var (first, last) = words;
        var best = int.MaxValue;
        for (var i = 0; i < Tokens.Count; i++)
        {
            if (!_questionToken[i] || (i >= first && i <= last)) continue;
            var distance = i < first ? first - i : i - last;
            best = Math.Min(best, distance);
        }
        return best == int.MaxValue ? 0 : 1.0 / (1 + 0.5 * (best - 1));
    }

    /// <summary>The first and last word overlapping characters [start, end), or null when none does.</summary>
    private (int First, int Last)? WordsOf(int start, int end)
    {
        int? first = null, last = null;
        for (var i = 0; i < Tokens.Count; i++)
        {
            if (Tokens[i].End <= start || Tokens[i].Start >= end) continue;
            first ??= i;
            last = i;
        }
        return first is null ? null : (first.Value, last!.Value);
    }

    /// <summary>True when the word at character <paramref name="start"/> is one of the question's.</summary>
    public bool StartsWithQuestionWord(int start)
    {
        var i = Tokens.FindIndex(t => t.End > start);
        return i >= 0 && _questionToken[i];
    }

    /// <summary>
    /// How many of the question's words stand in the span's own clause (between punctuation), the span aside: the
    /// number, place or date of the clause that states the asked event, not of a clause beside it («وكانت البحرين، قبل
    /// اكتشاف الحقل الجديد، تمتلك احتياطيا يقدر بنحو 125 مليون برميل» dates the old reserves, not the new field).
    /// </summary>
    public int ClauseSupport(int start, int end)
    {
        if (WordsOf(start, end) is not { } words) return 0;
        var (first, last) = words;
        var from = first;
        while (from > 0 && !Tokens[from].BreakBefore) from--;
        var to = last + 1;
        while (to < Tokens.Count && !Tokens[to].BreakBefore) to++;
        var count = 0;
        for (var i = from; i < to; i++)
            if (_questionToken[i] && (i < first || i > last)) count++;
        return count;
    }

    /// <summary>The number of distinct question-sharing words: a crude measure of how much of the question the sentence carries.</summary>
    public int QuestionTokenCount => _questionToken.Count(b => b);
}
