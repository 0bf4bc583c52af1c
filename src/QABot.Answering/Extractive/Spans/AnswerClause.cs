using QABot.Core.Domain;
using QABot.Text.Tokens;

namespace QABot.Answering.Extractive.Spans;

/// <summary>
/// The clause of a quoted sentence that answers a question whose answer is no name, number or date («شو قال كيم عن…؟»,
/// a why-question whose sentence states no reason <see cref="AnswerPhrase"/> can cut): the clause (between
/// punctuation) that carries most of the question's words and something more. News packs the subject, the reporting
/// verb and the answer into one long sentence; the clause is what the reader asked for, the sentence follows as the quote.
/// </summary>
public static class AnswerClause
{
    /// <summary>A clause this short is a name or a fragment, not an answer: the sentence is kept instead.</summary>
    private const int MinClauseWords = 3;

    /// <summary>A thing's name is this long at most: «مارشال شابوشنيكوف», «73 درجة».</summary>
    private const int MaxNameWords = 4;

    /// <param name="named">«شو اسم الفرقاطة…»: the terms of the thing whose name is asked; its name is what follows it.</param>
    /// <returns>The clause, or null when the sentence has no clause that answers more than the sentence does.</returns>
    public static string? Find(SentenceReading sentence, QuestionKind kind, IReadOnlySet<string>? named = null)
    {
        var tokens = sentence.Tokens;
        if (tokens.Count == 0) return null;
        if (named is not null) return NameOf(sentence, named);
        // Clauses: runs of words between punctuation breaks.
        var clauses = new List<(int From, int To)>();
        var from = 0;
        for (var i = 1; i <= tokens.Count; i++)
            if (i == tokens.Count || tokens[i].BreakBefore) { clauses.Add((from, i)); from = i; }

        var best = clauses
            .Where(c => c.To - c.From >= MinClauseWords)
            .Select(c => (Clause: c, Asked: Enumerable.Range(c.From, c.To - c.From).Count(sentence.IsQuestionToken)))
            // The clause must be about what was asked (two of its words: one shared verb, «أهدى كل من الرئيس…», is a
            // sentence opening, not an answer) and say something of its own: an apposition («، كيم جونغ أون،») only
            // names whom the question is about.
            .Where(c => c.Asked >= 2 && c.Clause.To - c.Clause.From - c.Asked >= MinClauseWords)
            .OrderByDescending(c => c.Asked)
            .ThenByDescending(c => c.Clause.To - c.Clause.From)
            .Select(c => ((int From, int To)?)c.Clause)
            .FirstOrDefault();
        return best is { } clause && clauses.Count > 1 ? Text(sentence, clause.From, clause.To) : null;
    }

    /// <summary>
    /// «الفرقاطة مارشال شابوشنيكوف», «الفيلم الوثائقي العراقي "73 درجة"»: after the thing and the definite words that
    /// qualify it, the words up to the next punctuation (a quoted title may open with its quote) are its name.
    /// </summary>
    private static string? NameOf(SentenceReading sentence, IReadOnlySet<string> named)
    {
        var tokens = sentence.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!sentence.TermsOf(i).Any(named.Contains)) continue;
            var from = i + 1;
            while (from < tokens.Count && !tokens[from].BreakBefore && ArabicWordForms.IsDefinite(tokens[from].Folded) && !NewsLexicon.NotNames.Contains(tokens[from].Folded)) from++;
            // «الفرقاطة التي زارها…», «الفيلم، الذي…»: a clause about the thing, not its name.
            if (from >= tokens.Count || NewsLexicon.Has(NewsLexicon.NotNames, tokens[from].Folded) || NewsLexicon.Has(NewsLexicon.SubjectVerbs, tokens[from].Folded)) continue;
            var to = from + 1;
            while (to < tokens.Count && to - from < MaxNameWords && !tokens[to].BreakBefore && !sentence.IsQuestionToken(to)
                   && !NewsLexicon.Has(NewsLexicon.NotNames, tokens[to].Folded) && !NewsLexicon.Has(NewsLexicon.SubjectVerbs, tokens[to].Folded)) to++;
            if (Enumerable.Range(from, to - from).All(sentence.IsQuestionToken)) continue;
            return Text(sentence, from, to);
        }
        return null;
    }

    private static string Text(SentenceReading sentence, int from, int to) =>
        sentence.Text[sentence.Tokens[from].Start..sentence.Tokens[to - 1].End].Trim();
}
