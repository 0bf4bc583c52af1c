using QABot.Answering.Extractive.Spans;
using QABot.Answering.Understanding;
using QABot.Text.Dates;
using QABot.Text.Numbers;

namespace QABot.Answering.Extractive;

/// <summary>
/// A quoted sentence with its neighbours and its article's title: where a question's constraints may be stated. News
/// names the subject once («بوتين يصل إلى بيونغ يانغ») and goes on with pronouns, so a name in the sentence before the
/// quote still holds for it; anything further away does not.
/// </summary>
public sealed record EvidenceWindow(IReadOnlySet<string> Terms, IReadOnlyList<NumberMention> Numbers, IReadOnlyList<DateMention> Dates, DateTimeOffset? Published)
{
    /// <summary>
    /// The numbers, years and dates the window fails to state (empty when all hold). Names were checked on the whole
    /// chunk before (<see cref="NamesHold"/>).
    /// </summary>
    public List<QuestionConstraint> Unmet(IReadOnlyList<QuestionConstraint> constraints) =>
        constraints.Where(c => c.Kind != ConstraintKind.Name && !Holds(c)).ToList();

    /// <summary>Every name the question sets is stated in <paramref name="terms"/> (a chunk and its article's title).</summary>
    public static bool NamesHold(QuestionAnalysis question, IReadOnlySet<string> terms)
    {
        var scope = new EvidenceWindow(terms, [], [], null);
        return question.Constraints.Where(c => c.Kind == ConstraintKind.Name).All(scope.Holds);
    }

    /// <summary>
    /// The window (sentence, neighbours, title) carries one of the words that say what the question asks about its
    /// names (<see cref="QuestionAnalysis.Predicate"/>), by any of its terms or a word of the same consonants: the names
    /// and the year alone are not the event asked about. A who-question naming a role («رئيس الوزراء الماليزي») is
    /// pinned by the role, which the sentence must state anyway (<see cref="RoleHolds"/>); a question for a duration, or a
    /// claim of one («عشرة أيام»), by its unit, as news tells one with any of many verbs («أمضى», «استمرت», «قضى»).
    /// </summary>
    public static bool PredicateHolds(QuestionAnalysis question, IReadOnlySet<string> windowTerms)
    {
        var predicate = question.Predicate;
        if (predicate.Count == 0 || (question.Kind == Core.Domain.QuestionKind.Who && question.HeadPhrase.Count > 0)
            || question.ExpectedType == Core.Answering.AnswerType.Duration
            || question.Constraints.Any(c => c.Kind == ConstraintKind.Number && c.Unit is { Kind: UnitKind.Time })) return true;
        // One word is enough: paraphrases keep the verb or the noun but seldom both. Requiring half of the predicate's
        // weight over the retrieved passages cut the answerable questions of eval/dev.jsonl answered from 120 to 92 of 153.
        return predicate.Matches(windowTerms).Any(m => m > 0);
    }

    /// <summary>For a who-question, the sentence states every word of the role asked about («وزير الدفاع»): news attaches a title to its holder.</summary>
    public static bool RoleHolds(QuestionAnalysis question, IReadOnlySet<string> sentenceTerms) =>
        question.Kind != Core.Domain.QuestionKind.Who || question.HeadPhrase.All(word => word.In(sentenceTerms));

    public bool Holds(QuestionConstraint constraint) => constraint.Kind switch
    {
        ConstraintKind.Name => constraint.Spellings.Any(SpelledHere),
        ConstraintKind.Number => Numbers.Any(n => n.Value == constraint.Value),
        // A year holds when stated, or when it is the year the article was published in ("this year's final").
        ConstraintKind.Year => Dates.Any(d => d.Year == (int?)constraint.Value) || Numbers.Any(n => n.Value == constraint.Value) || Published?.Year == (int?)constraint.Value,
        ConstraintKind.Date => constraint.Date is not { } asked || Dates.Any(d => SameDate(asked, d.Resolve(Published))),
        _ => true,
    };

    /// <summary>The evidence's date agrees with every part the question's date states (a weekday by its calendar day when both resolve).</summary>
    public static bool SameDate(DateMention asked, DateMention stated)
    {
        if (asked.Year is { } y && stated.Year is { } sy && y != sy) return false;
        if (asked.Month is { } m && stated.Month != m) return false;
        if (asked.Day is { } d && stated.Day is { } sd && (sd != d && !(stated.EndDay is { } end && d >= sd && d <= end))) return false;
        if (asked.Day is not null && stated.Day is null) return false;
        if (asked.Weekday is { } w && asked.Day is null && stated.Weekday != w && stated.AsDate?.DayOfWeek != w) return false;
        return true;
    }

    private bool SpelledHere(Spelling spelling) => spelling.Words.All(word =>
        word.Overlaps(Terms) || (spelling.Approximate && word.Any(w => w.Length >= 5 && Terms.Any(t => NearMiss(w, t)))));

    /// <summary>One letter added, dropped or changed: how a guessed transliteration differs from the press's spelling.</summary>
    private static bool NearMiss(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1 || b.Length < 5) return false;
        var (i, j, edits) = (0, 0, 0);
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { i++; j++; continue; }
            if (++edits > 1) return false;
            if (a.Length > b.Length) i++;
            else if (b.Length > a.Length) j++;
            else { i++; j++; }
        }
        return edits + (a.Length - i) + (b.Length - j) <= 1;
    }

    /// <summary>
    /// False when every word of the question's head phrase («عاصمة أستراليا») is in the sentence but they stand apart:
    /// then the sentence speaks of another capital, and of Australia in some other role.
    /// </summary>
    public static bool KeepsTogether(SentenceReading sentence, IReadOnlyList<HeadWord> headPhrase)
    {
        if (headPhrase.Count < 2) return true;
        var positions = headPhrase.Select(word => sentence.WordsMatching(word.Terms).ToList()).ToList();
        if (positions.Any(p => p.Count == 0)) return true;
        var reach = headPhrase.Count;
        // Some occurrence of the first word has every other word within reach.
        return positions[0].Any(anchor => positions.Skip(1).All(p => p.Any(q => Math.Abs(q - anchor) <= reach)));
    }
}
