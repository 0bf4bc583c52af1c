using QABot.Answering.Extractive.Spans;
using QABot.Answering.Understanding;
using QABot.Core.Answering;
using QABot.Core.Domain;
using QABot.Retrieval.CrossLingual;
using QABot.Text;
using QABot.Text.Analysis;
using QABot.Text.Dates;
using QABot.Text.Numbers;
using QABot.Text.Tokens;

namespace QABot.Answering.Extractive;

/// <summary>A verdict on a claim, the sentence that bears it and, for a contradiction, what the source states instead of what was claimed.</summary>
/// <param name="StatedByPublication">The stated value is the article's publication date, not words of the sentence.</param>
internal sealed record ClaimJudgement(ClaimVerdict Verdict, ExtractiveAnswerer.Candidate Evidence, AnswerSpan? Stated, string? Claimed, bool StatedByPublication = false);

/// <summary>
/// Judges a claim (or a yes/no question) against the closely read candidate sentences. A sentence is about the same
/// event when it carries most of the claim's words. Then it <b>supports</b> the claim when its window states every name,
/// number, year and date of the claim with the claim's polarity; it <b>contradicts</b> it when it states the same event
/// with another number of the same thing, another date, another place or person in the claim's stead, or the claim
/// negated («لم يتم توقيع أي اتفاق»). Otherwise the corpus has <b>nothing</b> on it. A supporting sentence anywhere wins
/// over a contradicting one; a claim stating a figure or a date needs fewer of its other words where that figure stands.
/// </summary>
internal static class ClaimJudge
{
    /// <summary>Share of the claim's (weighted) words a sentence must carry to be about the same event.</summary>
    private const double SameEventShare = 0.5;
    /// <summary>Share of the claim's words a sentence must carry to state it: most of them, not merely its topic.</summary>
    private const double StatesShare = 0.65;
    /// <summary>A swapped name leaves fewer shared words; the rest of the claim must be all the more present.</summary>
    private const double SwappedNameShare = 0.6;
    /// <summary>How far before a claim word a negation still negates it.</summary>
    private const int NegationReach = 3;

    private static readonly HashSet<string> Negations =
    [
        "لم", "لن", "لا", "ليس", "ليست", "عدم", "نفي", "نفت", "ينفي", "تنفي", "لسنا", "ولم", "ولن", "ولا", "وليس",
        "not", "no", "never", "didn't", "doesn't", "wasn't", "weren't", "isn't", "hasn't", "haven't", "denied", "denies",
    ];

    public static ClaimJudgement? Judge(QuestionAnalysis claim, IReadOnlyList<ExtractiveAnswerer.Candidate> candidates, double[] weights)
    {
        // The claim's numbers and dates are what is checked, not what makes two sentences speak of one event: a story of
        // the appointment in September is no less about it for lacking the claimed «مارس».
        var dateTerms = claim.Constraints.Where(c => c.Kind is ConstraintKind.Date or ConstraintKind.Year)
            .SelectMany(c => SearchAnalysis.Terms(c.Text, Languages.Arabic).Concat(SearchAnalysis.Terms(c.Text, Languages.English)))
            .ToHashSet(StringComparer.Ordinal);
        var eventWeights = weights.Select((w, i) => claim.Words.IsValue(i) || claim.Words[i].Overlaps(dateTerms) ? 0 : w).ToArray();
        var total = eventWeights.Sum();
        if (total <= 0) return null;
        var claimNegated = WordTokenizer.Tokenize(claim.Focus).Any(t => Negations.Contains(t.Folded));
        // With the claim's words as written: «قبل» is a stop word to the analyser ("before"), gone from its terms.
        var claimTerms = Enumerable.Range(0, claim.Words.Count).SelectMany(g => claim.Words[g])
            .Concat(WordTokenizer.Tokenize(claim.Focus).Select(t => t.Folded)).ToHashSet(StringComparer.Ordinal);
        var polar = Polar(claimTerms);
        // A bare year pins no event: every story of the year names it («أفضل حارس لعالم 2018» is no 2018 Super Cup).
        var values = claim.Constraints.Where(c => c.Kind is ConstraintKind.Number or ConstraintKind.Date).ToList();
        (ClaimJudgement Judgement, double Share)? support = null, contradiction = null;
        // A sentence that asks («هل بات صلاح… في مستوى ميسي؟») states nothing, either way.
        foreach (var candidate in candidates.Where(c => c.Reading is not null && !ExtractiveAnswerer.Asks(c.Sentence)))
        {
            // Nor does a title or a neighbour that asks («هل يكون صلاح أول عربي يحرز الكرة الذهبية؟» above a sentence on
            // his market value): the event must be told by lines that state.
            // The window's lines are analysed again only where one asks, or where the claim's names must be found as phrases.
            var language = ExtractiveAnswerer.AnalysisLanguage(candidate.Chunk);
            var lines = candidate.Window.Split('\n');
            var asking = lines.Any(ExtractiveAnswerer.Asks);
            List<IReadOnlyList<AnalyzedTerm>> StatedLines() =>
                [.. lines.Where(line => !ExtractiveAnswerer.Asks(line)).Select(line => SearchAnalysis.Analyze(line, language))];
            var stated = asking ? StatedLines() : null;
            var windowTerms = stated is null ? candidate.WindowTerms : stated.SelectMany(line => line.Select(t => t.Text)).ToHashSet(StringComparer.Ordinal);
            // A figure or a date the sentence states as claimed pins the event by itself: fewer of the other words need be
            // there. Stated only by a neighbour or the title, it pins nothing of this sentence («في نوفمبر 2017» beside a
            // title of March 2018).
            // Nor does a weekday read as a day of the month the article was published in: «الخميس» in a story of March
            // 2018 is in March 2018, yet it no more pins «في مارس 2018» than the article's date does (a story on Putin's
            // visit to Sudan is no appointment of Sudan's prime minister for it).
            var sentence = new EvidenceWindow(windowTerms, candidate.Reading!.Numbers, candidate.Reading.Dates, candidate.Chunk.Metadata.Published);
            var written = new EvidenceWindow(windowTerms, candidate.Reading.Numbers, candidate.Reading.Dates, null);
            var specific = values.Count > 0 && values.All(v => sentence.States(v) && (v is not { Kind: ConstraintKind.Date, Date.Day: null } || written.States(v)));
            var statesShare = specific ? StatesShare / 2 : StatesShare;
            // The event is told across the sentence, its neighbours and the title («بوتين يصل…», then "he gave…").
            var share = QueryTermGroups.Weighted(claim.Words.Matches(windowTerms), eventWeights) / total;
            if (share < Math.Min(SameEventShare, statesShare)) continue;
            // «السعودية فازت بكأس آسيا 2019» is neither supported nor contradicted by a story on the 2019 Asian Cup draw.
            if (!EvidenceWindow.PredicateHolds(claim, windowTerms)) continue;
            var chunk = new EvidenceWindow(candidate.ChunkTerms, [], [], null);
            var unmet = candidate.Evidence!.Unmet(claim.Constraints)
                .Concat(claim.Constraints.Where(c => c.Kind == ConstraintKind.Name && !chunk.Holds(c))).ToList();
            var negated = Negated(candidate.Reading!) != claimNegated || Opposed(polar, candidate.Reading!);
            // Support needs the claim's names where the event is told, not elsewhere in the chunk: a chunk on Iniesta's
            // move to Japan also tells of Mascherano's move to a Chinese club, which does not make Iniesta's Chinese.
            // A name of several words stands there as a phrase: «الكرة» and «الذهبية» apart are no Ballon d'Or.
            var namesInWindow = EvidenceWindow.NamesHold(claim, windowTerms) && EvidenceWindow.NamesStandTogether(claim, stated ?? StatedLines());
            // A claim that says "refused" or "accepted" is stated only by a sentence that says which: Putin's inviting Kim
            // is neither.
            var statesAct = polar.All(p => Enumerable.Range(0, candidate.Reading!.Tokens.Count).Any(i => Says(candidate.Reading, i, p.Claimed)));
            // «فوز فرنسا على كرواتيا» has every name of "croatia won against france", with the two in each other's place.
            // The title tells it too («فرنسا تحرز كأس العالم… إثر فوزها على كرواتيا» above a sentence on the goals).
            var swapped = Swapped(claim, () => lines.Select(line => SentenceReading.Read(line, SearchAnalysis.Analyze(line, language), _ => false)));
            if (unmet.Count == 0 && !negated && namesInWindow && statesAct && !swapped)
            {
                if (share >= statesShare && (support is null || share > support.Value.Share + 1e-9))
                    support = (new ClaimJudgement(ClaimVerdict.Supported, candidate, null, null), share);
                continue;
            }
            if (share < SameEventShare) continue;
            if (Contradiction(claim, candidate, unmet, negated || swapped, share, eventWeights, total) is { } judgement && (contradiction is null || share > contradiction.Value.Share + 1e-9))
                contradiction = (judgement, share);
        }
        // A source that states the claim outweighs one that seems to differ: news retells an event with other
        // figures (a running toll, a rounded sum), and the one that agrees is the one that speaks of the claim.
        return (support ?? contradiction)?.Judgement;
    }

    /// <param name="eventWeights">The claim's word weights without its values, which sum to <paramref name="eventTotal"/>.</param>
    private static ClaimJudgement? Contradiction(QuestionAnalysis claim, ExtractiveAnswerer.Candidate candidate, List<QuestionConstraint> unmet, bool negated, double share,
        double[] eventWeights, double eventTotal)
    {
        var reading = candidate.Reading!;
        var names = unmet.Where(c => c.Kind == ConstraintKind.Name).ToList();
        if (unmet.Count == 0) return negated ? new ClaimJudgement(ClaimVerdict.Contradicted, candidate, null, null) : null;
        if (names.Count == 0)
        {
            // Another count of the same thing, another date or year for the same event.
            foreach (var value in unmet)
            {
                var stated = value.Kind switch
                {
                    // A day or year inside a date («22 يوليو 2022») is the date's, never another count.
                    ConstraintKind.Number => reading.Numbers
                        .Where(n => n.Value != value.Value && SameKind(n.Unit, value.Unit) && !reading.Dates.Any(d => n.Start < d.End && d.Start < n.End))
                        .Select(n => new AnswerSpan(n.Start, n.Length, AnswerType.Number, 1, reading.Text.Substring(n.Start, n.Length), Number: n))
                        .FirstOrDefault(),
                    ConstraintKind.Year or ConstraintKind.Date => reading.Dates
                        .Where(d => value.Kind == ConstraintKind.Year ? d.Year is not null && d.Year != (int?)value.Value : !EvidenceWindow.SameDate(value.Date!, d.Resolve(candidate.Chunk.Metadata.Published)))
                        .Select(d => new AnswerSpan(d.Start, d.Length, AnswerType.Date, 1, reading.Text.Substring(d.Start, d.Length), Date: d))
                        .FirstOrDefault(),
                    _ => null,
                };
                if (stated is not null) return new ClaimJudgement(ClaimVerdict.Contradicted, candidate, stated, value.Text);
            }
            // News tells an event on the day it is reported and dates only what is older: a sentence that tells the event
            // itself with no date of its own («وعين البشير… معتز موسى في منصب رئيس الوزراء» in a story of 9 September 2018)
            // dates it by its article, which a claimed time long before refutes ("in march 2018"). The event must be told
            // in full around it, and mostly by the sentence itself.
            if (reading.Dates.Count == 0 && share >= StatesShare && SentenceShare(claim, candidate, eventWeights, eventTotal) >= SameEventShare)
                foreach (var value in unmet)
                    if (ReportedLongAfter(value, candidate.Chunk.Metadata.Published) is { } published)
                        return new ClaimJudgement(ClaimVerdict.Contradicted, candidate,
                            new AnswerSpan(0, 0, AnswerType.Date, 1, published.ToArabic(), Date: published), value.Text, StatedByPublication: true);
            return null;
        }
        // One name in the claim's stead: the same event with another place or person («في موسكو» for «في بيونغ يانغ»).
        // The sentence holding that other name must itself tell the event: a neighbour's words make it no swap («صلاح»
        // in Europe beside a title on the Ballon d'Or).
        var sentenceShare = SentenceShare(claim, candidate, eventWeights, eventTotal);
        if (names.Count == 1 && unmet.Count == 1 && share >= SwappedNameShare && sentenceShare >= SameEventShare)
        {
            // Only a name of the same kind stands in the claimed one's stead: a place for a place, a person for a person.
            // A name the gazetteer does not type (an award, a club) has no such stand-in: «أوروبا» is no other Ballon d'Or.
            AnswerType[] types = KnownNames.KindOf(names[0].Text) switch
            {
                NameKind.Place => [AnswerType.Place],
                NameKind.Person => [AnswerType.Person],
                _ => [],
            };
            foreach (var type in types)
            {
                var swapped = AnswerSpanFinder.Find(reading, claim with { ExpectedType = type }).FirstOrDefault(s => s.Score >= 1.0);
                if (swapped is not null) return new ClaimJudgement(ClaimVerdict.Contradicted, candidate, swapped, names[0].Text);
            }
        }
        return null;
    }

    /// <summary>The share of the claim's event words the sentence itself carries, without its neighbours or the title.</summary>
    private static double SentenceShare(QuestionAnalysis claim, ExtractiveAnswerer.Candidate candidate, double[] eventWeights, double eventTotal)
    {
        var sentenceTerms = candidate.Analyzed.Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        return QueryTermGroups.Weighted(claim.Words.Matches(sentenceTerms), eventWeights) / eventTotal;
    }

    /// <summary>
    /// The article's date when it falls well after the whole of the claimed time (a week's grace: a story of 2 September
    /// tells of the last days of August). Only after: a story published before the claimed time may announce the event.
    /// </summary>
    private static DateMention? ReportedLongAfter(QuestionConstraint value, DateTimeOffset? published)
    {
        if (published is not { } p) return null;
        DateOnly? end = value switch
        {
            { Kind: ConstraintKind.Year, Value: { } year } when year is >= 1 and <= 9999 => new DateOnly((int)year, 12, 31),
            { Kind: ConstraintKind.Date, Date: { Year: { } y, Month: { } m, Day: { } d } } when m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) => new DateOnly(y, m, d),
            { Kind: ConstraintKind.Date, Date: { Year: { } y, Month: { } m, Day: null } } when m is >= 1 and <= 12 => new DateOnly(y, m, DateTime.DaysInMonth(y, m)),
            { Kind: ConstraintKind.Date, Date: { Year: { } y, Month: null, Day: null } } => new DateOnly(y, 12, 31),
            _ => null,
        };
        var day = DateOnly.FromDateTime(p.DateTime);
        return end is { } e && e.AddDays(7) < day ? new DateMention(0, 0, day.Year, day.Month, day.Day, Resolved: true) : null;
    }

    /// <summary>"ten days" is contradicted by «الأيام الستة», not by «75 عاماً»: the counts must be of the same thing when both say what.</summary>
    private static bool SameKind(Unit? stated, Unit? claimed) =>
        claimed is null ? stated is null or { Kind: UnitKind.Count } : stated?.Key == claimed.Key;

    /// <summary>
    /// Predicates that state the opposite of each other, as their terms are analysed: a source telling that Putin accepted
    /// Kim's invitation («قبل دعوة») contradicts the claim that he refused it, as «لم يقبل» would. Winning and losing are
    /// not here: "X beat Y" and "Y lost to X" state one event, so the opposite verb tells nothing without its subject.
    /// </summary>
    private static readonly (HashSet<string> One, HashSet<string> Other)[] Opposites =
    [
        .. new (string[] One, string[] Other)[]
        {
            (["قبل", "وافق", "لبى", "قبول", "موافقة", "يقبل", "يوافق", "وافقت"], ["رفض", "يرفض", "رفضت", "الرفض"]),
            (["أكد", "تأكيد", "يؤكد", "أكدت"], ["نفى", "نفي", "ينفي", "نفت"]),
            (["ارتفع", "ارتفاع", "زيادة", "ارتفعت"], ["انخفض", "انخفاض", "تراجع", "انخفضت", "تراجعت"]),
            (["حضر", "حضور", "شارك", "مشاركة"], ["غاب", "غياب", "قاطع", "مقاطعة"]),
            (["سمح", "يسمح", "السماح"], ["منع", "حظر", "يمنع"]),
        }.Select(pair => (Terms(pair.One), Terms(pair.Other))),
    ];

    /// <summary>
    /// Words after which a name is the one acted against: the loser of "won against France" and of «فازت على كرواتيا».
    /// Not "to" or «إلى», which name where one went, with no second party to swap.
    /// </summary>
    private static readonly HashSet<string> Against =
        [.. new[] { "against", "over", "versus", "vs", "على", "أمام", "ضد" }.Select(ArabicNormalizer.NormalizeLower)];

    /// <summary>
    /// The claim sets one name against another ("croatia won against france") and the sentence sets them the other way
    /// round: the name the claim puts after "against" stands there as the actor, the other after «على»/«أمام».
    /// A word may stand between the mark and the name («أمام المنتخب الفرنسي»).
    /// </summary>
    private static bool Swapped(QuestionAnalysis claim, Func<IEnumerable<SentenceReading>> lines)
    {
        var names = claim.Constraints.Where(c => c.Kind == ConstraintKind.Name).ToList();
        if (names.Count < 2) return false;
        var claimTokens = WordTokenizer.Tokenize(claim.Focus);
        bool AfterMark(IReadOnlyList<string> folded, int i) => (i > 0 && Against.Contains(folded[i - 1])) || (i > 1 && Against.Contains(folded[i - 2]));
        var claimFolded = claimTokens.Select(t => t.Folded).ToList();
        var objects = names.Where(c =>
        {
            var first = WordTokenizer.Tokenize(c.Text).FirstOrDefault().Folded;
            return first is not null && Enumerable.Range(0, claimFolded.Count).Any(i => claimFolded[i] == first && AfterMark(claimFolded, i));
        }).ToList();
        if (objects.Count != 1) return false;
        var (swapped, straight) = (false, false);
        foreach (var sentence in lines())
        {
            var sentenceFolded = sentence.Tokens.Select(t => t.Folded).ToList();
            List<int> Positions(QuestionConstraint name) =>
                [.. Enumerable.Range(0, sentence.Tokens.Count).Where(i => name.Spellings.Any(sp => sp.Words.Count > 0
                    && NameVariants.Carries(sp.Words[0], sentence.TermsOf(i).ToHashSet(StringComparer.Ordinal), sp.Words.Count > 1, sp.Approximate)))];
            var objectAt = Positions(objects[0]);
            if (objectAt.Count == 0) continue;
            var others = names.Where(c => c != objects[0]).Select(Positions).Where(at => at.Count > 0).ToList();
            if (others.Count == 0) continue;
            if (objectAt.Any(i => AfterMark(sentenceFolded, i))) straight = true;
            else if (others.Any(at => at.All(i => AfterMark(sentenceFolded, i)))) swapped = true;
        }
        return swapped && !straight;
    }

    /// <summary>The claim's predicates that have an opposite (one side only: "refused or accepted" asserts neither).</summary>
    private static List<(HashSet<string> Claimed, HashSet<string> Opposite)> Polar(IReadOnlySet<string> claimTerms) =>
        [.. Opposites
            .Select(pair => claimTerms.Overlaps(pair.One) ? (pair.One, pair.Other) : (pair.Other, pair.One))
            .Where(pair => claimTerms.Overlaps(pair.Item1) && !claimTerms.Overlaps(pair.Item2))];

    /// <summary>The words' analysed terms, and the words as the tokenizer folds them for the analyser's stop words.</summary>
    private static HashSet<string> Terms(string[] words) =>
        words.SelectMany(w => SearchAnalysis.Terms(w, Languages.Arabic).Append(ArabicNormalizer.NormalizeLower(w))).ToHashSet(StringComparer.Ordinal);

    private static bool Says(SentenceReading sentence, int i, HashSet<string> words) =>
        words.Contains(sentence.Tokens[i].Folded) || sentence.TermsOf(i).Any(words.Contains);

    /// <summary>
    /// The sentence states the opposite of the claim's predicate shortly before one of the claim's words (its object:
    /// «قبل دعوة»), and not the claim's own: «قبل» far from the claim's words is as likely "before" as "accepted".
    /// </summary>
    private static bool Opposed(List<(HashSet<string> Claimed, HashSet<string> Opposite)> polar, SentenceReading sentence)
    {
        foreach (var (claimed, opposite) in polar)
        {
            if (Enumerable.Range(0, sentence.Tokens.Count).Any(i => Says(sentence, i, claimed))) continue;
            for (var i = 0; i < sentence.Tokens.Count; i++)
            {
                if (!Says(sentence, i, opposite)) continue;
                for (var j = i + 1; j <= i + NegationReach && j < sentence.Tokens.Count; j++)
                    if (sentence.IsQuestionToken(j) && !Says(sentence, j, opposite)) return true;
            }
        }
        return false;
    }

    /// <summary>A negation shortly before one of the claim's words in the sentence.</summary>
    private static bool Negated(SentenceReading sentence)
    {
        for (var i = 0; i < sentence.Tokens.Count; i++)
        {
            if (!Negations.Contains(sentence.Tokens[i].Folded)) continue;
            for (var j = i + 1; j <= i + NegationReach && j < sentence.Tokens.Count; j++)
                if (sentence.IsQuestionToken(j)) return true;
        }
        return false;
    }
}
