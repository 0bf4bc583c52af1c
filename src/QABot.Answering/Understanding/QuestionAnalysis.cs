using QABot.Answering.Extractive;
using QABot.Answering.TimeScope;
using QABot.Core.Answering;
using QABot.Core.Domain;
using QABot.Text.Dates;
using QABot.Text.Numbers;

namespace QABot.Answering.Understanding;

/// <summary>
/// What a question asks and what must hold in the evidence for an answer to count: the kind (who, when, how many, a
/// claim, a list…), the type of the span that answers it, the constraints the cited sentence or its neighbours must
/// carry (names, numbers, years, an outlet, a publication window) and the words the evidence is matched on.
/// Built once per question by <see cref="QuestionAnalyzer"/>; the extractive answerer acts on it and an LLM answerer
/// can read it too.
/// </summary>
public sealed record QuestionAnalysis
{
    public required string Question { get; init; }
    /// <summary>"ar" or "en": the language of the question, and so of the answer.</summary>
    public required string Language { get; init; }
    public required QuestionKind Kind { get; init; }
    public AnswerType ExpectedType { get; init; } = AnswerType.Unknown;
    /// <summary>A question answered by yes or no («هل…», "Did…?"): judged like a claim.</summary>
    public bool IsYesNo { get; init; }
    /// <summary>
    /// The words the evidence is matched on: the question without its question words, claim frame ("is it true
    /// that"), publication window or outlet. For a claim, the claim itself.
    /// </summary>
    public required string Focus { get; init; }
    /// <summary>
    /// What to search for: the question, or for "when did X happen before Y?" the question without its clause of
    /// reference, which would pull in articles about Y.
    /// </summary>
    public required string SearchText { get; init; }
    /// <summary>The content words of <see cref="Focus"/> as evidence term groups (Arabic terms for English words).</summary>
    public required QueryTermGroups Words { get; init; }
    /// <summary>
    /// What the question asks about its names: its content words that are no name, number or noun of the answer's type
    /// ("won" in "who won the 2022 World Cup?", «سكان» in «كم عدد سكان بيونغ يانغ؟»). A quoted window that carries the
    /// names and the year but none of these speaks of something else that happened to them.
    /// </summary>
    public QueryTermGroups Predicate { get; init; } = new();
    /// <summary>Names, numbers and years that the cited sentence (or its neighbours) must state.</summary>
    public IReadOnlyList<QuestionConstraint> Constraints { get; init; } = [];
    /// <summary>
    /// The noun phrase the question asks about («عاصمة أستراليا», "capital of Australia"): when all its words occur in
    /// a sentence they must occur together, or the sentence speaks of something else.
    /// </summary>
    public IReadOnlyList<HeadWord> HeadPhrase { get; init; } = [];
    /// <summary>"When was the article published?": answered by the cited article's publication date.</summary>
    public bool AsksPublicationDate { get; init; }
    /// <summary>For "how many days…", «كم يوما…»: the unit the number must count.</summary>
    public Unit? AskedUnit { get; init; }
    /// <summary>For «كم باص…», "how many barrels…" (no known unit): the word for what is counted; the answer's number stands beside it.</summary>
    public HeadWord? CountedNoun { get; init; }
    /// <summary>
    /// An English question's <see cref="CountedNoun"/> has an Arabic rendering from a dictionary or gazetteer, not only a
    /// transliteration: the answering number must stand beside it.
    /// </summary>
    public bool CountedNounRendered { get; init; }
    /// <summary>«كم كان عمره…», "how old…": an age, told by the words news puts around it («عن عمر ناهز 82 عاما»).</summary>
    public bool AsksAge { get; init; }
    /// <summary>«شو اسم الفرقاطة…»: the terms of the thing whose name is asked; the name follows it in the text.</summary>
    public IReadOnlySet<string>? NamedNoun { get; init; }
    /// <summary>
    /// "weather in riyadh tomorrow?", «كيف الطقس بكرة؟»: asks what is still to come (a forecast, tomorrow), which news
    /// already published cannot tell; a story's «غدا» is its own tomorrow, long past.
    /// </summary>
    public bool AsksForecast { get; init; }
    /// <summary>The publication window the question names ("in September 2023", «الشهر الماضي»), applied as a filter.</summary>
    public TimeScopeMatch? PublicationWindow { get; init; }
    /// <summary>The words that named an outlet ("BBC", «سكاي نيوز»), when the question names one.</summary>
    public string? OutletMention { get; init; }
    /// <summary>The outlet's names as the index stores them: the source filter of the search or listing. Null: every outlet.</summary>
    public IReadOnlyList<string>? OutletSources { get; init; }

    public bool IsFactoid => Kind is QuestionKind.Who or QuestionKind.When or QuestionKind.Where or QuestionKind.HowMany
        || (Kind == QuestionKind.What && ExpectedType is not AnswerType.Unknown and not AnswerType.Other);

    public bool IsClaimLike => Kind == QuestionKind.Claim;
}

public enum ConstraintKind { Name, Number, Year, Date }

/// <summary>
/// Something the evidence must state for the answer to hold. A name carries its accepted spellings (for an English
/// question: its Arabic renderings by the gazetteer, dictionary and transliteration, and its English form), any one of
/// which must be present word for word; a number or a year carries its value, compared with the values the evidence
/// states in digits or in words.
/// </summary>
/// <param name="Unit">For a number: what it counts («ستة أيام»: days), so a different count of the same thing contradicts it.</param>
/// <param name="Date">For a date («13 سبتمبر», "on Wednesday"): the day, month or year it names.</param>
/// <param name="Reported">For a year the question asks about as past ("who won in 2020?", not "where will the 2022 cup be
/// held?"): an article published before that year cannot report it, though it may name the year as a plan or a deadline.</param>
public sealed record QuestionConstraint(ConstraintKind Kind, string Text, IReadOnlyList<Spelling> Spellings, decimal? Value = null, Unit? Unit = null, DateMention? Date = null, bool Reported = false)
{
    public override string ToString() => $"{Kind}:{Text}";
}

/// <summary>
/// One way of writing a name: each word as the set of analyzed terms that count for it (a country's adjective counts
/// for the country). <see cref="Approximate"/> spellings are guesses (transliterations): a near miss of one letter counts.
/// </summary>
public sealed record Spelling(IReadOnlyList<IReadOnlySet<string>> Words, bool Approximate = false);

/// <summary>
/// A word of the question's head phrase: every term that may stand for it (to find where it is) and its spellings (to
/// tell whether a stretch of text carries it: "defence" is carried by «وزير الدفاع» only where both words stand).
/// </summary>
public sealed record HeadWord(IReadOnlySet<string> Terms, IReadOnlyList<Spelling> Spellings)
{
    /// <summary>True when some spelling of the word stands in full among <paramref name="terms"/>.</summary>
    public bool In(IReadOnlySet<string> terms) => Spellings.Any(s => s.Words.All(w => w.Overlaps(terms)));
}
