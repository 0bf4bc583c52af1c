using System.Text;
using QABot.Answering.Llm.Context;

namespace QABot.Answering.Llm.Guard;

/// <summary>
/// Passes a streamed reply on already guarded, a sentence at a time: a sentence is released once the text after it
/// shows it is complete (its trailing [n] markers included), then goes through a <see cref="CitationGuard.GuardSession"/>.
/// The first sentence with words decides whether anything is passed on at all: a refusal marker or the wrong language
/// holds the whole reply back for the answerer to deal with.
/// </summary>
public sealed class GuardedStream(SourceContext sources, string questionLanguage)
{
    private readonly CitationGuard.GuardSession _session = new(sources);
    private readonly StringBuilder _pending = new();
    private bool? _passOn;

    public IReadOnlyList<string> Push(string fragment)
    {
        _pending.Append(fragment);
        return Release(final: false);
    }

    public IReadOnlyList<string> Flush() => Release(final: true);

    private List<string> Release(bool final)
    {
        var pieces = CitationGuard.SplitSentences(_pending.ToString());
        var complete = final ? pieces.Count : CompleteCount(pieces);
        var shown = new List<string>();
        for (var i = 0; i < complete; i++)
        {
            if (_passOn is null && CitationGuard.HasWords(pieces[i]))
                _passOn = CitationGuard.Precheck(pieces[i], questionLanguage) is null;
            if (_passOn != true) continue;
            if (_session.Add(pieces[i]) is { Length: > 0 } piece) shown.Add(piece);
        }
        _pending.Clear();
        foreach (var rest in pieces.Skip(complete)) _pending.Append(rest);
        return shown;
    }

    /// <summary>The last piece may still grow; when it has no words yet, markers for the one before may still be coming.</summary>
    private static int CompleteCount(IReadOnlyList<string> pieces)
    {
        if (pieces.Count == 0) return 0;
        return CitationGuard.HasWords(pieces[^1]) ? pieces.Count - 1 : Math.Max(0, pieces.Count - 2);
    }
}
