using QABot.Answering.Understanding;
using QABot.Core.Answering;
using QABot.Text.Dates;
using QABot.Text.Numbers;
using QABot.Text.Tokens;

namespace QABot.Answering.Extractive.Spans;

/// <summary>A piece of a sentence that answers a factoid question, with its parsed value when it is a number or a date.</summary>
public sealed record AnswerSpan(int Start, int Length, AnswerType Type, double Score, string Text, NumberMention? Number = null, DateMention? Date = null)
{
    public int End => Start + Length;
}

/// <summary>
/// Finds the spans of a sentence that can answer a question of a given type, by where Arabic news puts them: a person's
/// name after the title it holds («وزير الدفاع أندريه بيلؤوسوف») or before it after a comma, or after a verb of saying or
/// doing; an organisation after its head noun («وكالة الأنباء…»); a place after a locative preposition or a place noun;
/// numbers and dates as <see cref="NumberExpressions"/> and <see cref="DateExpressions"/> read them. A span made only
/// of the question's own words is never an answer, and spans near the words the question shares with the sentence
/// rank first.
/// </summary>
public static class AnswerSpanFinder
{
    private const int MaxNameWords = 4;
    /// <summary>Share of a who-question's role (by weight) that the title before a name must carry for the name to answer it.</summary>
    private const double MinRoleFit = 0.5;
    /// <summary><see cref="SentenceReading.Proximity"/> of a date to the question's words: five words apart at most.</summary>
    private const double MinDateProximity = 1.0 / 3;
    /// <summary>
    /// The same for a date in the clause of one of the question's words, eleven words apart at most: a relative clause
    /// puts its subject between the verb and the date («التي وقعها ممثلو روسيا وتركيا وأوكرانيا والأمم المتحدة في 22
    /// يوليو 2022»), and no comma stands between them.
    /// </summary>
    private const double MinClauseDateProximity = 1.0 / 6;
    /// <summary>What each of the question's words in the span's own clause adds to the span, up to <see cref="MaxClauseWords"/> words.</summary>
    private const double ClauseShare = 0.2;
    private const int MaxClauseWords = 3;
    /// <summary>How much less a country answers "where" than a city or a facility after the same preposition.</summary>
    private const double CountryPenalty = 0.6;

    /// <param name="roleWeights">For each word of the question's head phrase (the role a who-question asks about), how
    /// telling it is; a title that carries the more telling words («الدفاع» over «الروسي») points at the answer.</param>
    /// <param name="anywhere">Take a date anywhere in the sentence: it is the one just quoted, and "when was that?" asks for its date.</param>
    public static List<AnswerSpan> Find(SentenceReading sentence, QuestionAnalysis question, IReadOnlyList<double>? roleWeights = null, bool anywhere = false)
    {
        var spans = new List<AnswerSpan>();
        var role = new Role(question.HeadPhrase, roleWeights);
        switch (question.ExpectedType)
        {
            case AnswerType.Person:
                AddPeople(sentence, spans, role);
                // "Who announced…" is often answered by an institution («أعلن الكرملين»); "who is the minister…" never.
                if (role.Words.Count == 0) AddOrganizations(sentence, spans, 0.6);
                break;
            case AnswerType.Organization:
                AddOrganizations(sentence, spans, 1.0);
                AddPeople(sentence, spans, role, 0.4);
                break;
            case AnswerType.Place:
                AddPlaces(sentence, spans);
                AddKnownPlaces(sentence, spans);
                AddRelationHolders(sentence, spans, question.HeadPhrase);
                spans = Countries(sentence, spans);
                break;
            case AnswerType.Number or AnswerType.Money or AnswerType.Duration:
                AddNumbers(sentence, question, spans);
                break;
            case AnswerType.Date:
                AddDates(sentence, question, spans);
                break;
        }
        return spans
            .Where(s => !sentence.RepeatsQuestion(s.Start, s.End))
            // «نبيل معلول عشية المواجهة» for "who replaced Nabil Maaloul?": a name that opens with the question's own name
            // is that name run on into the words after it, never the other person asked for.
            .Where(s => s.Type is not (AnswerType.Person or AnswerType.Organization) || !sentence.StartsWithQuestionWord(s.Start))
            // A date far from every word of the question dates something else (the announcement, not the meeting).
            .Where(s => s.Type != AnswerType.Date || anywhere || sentence.Proximity(s.Start, s.End) >= MinDateProximity
                        || (sentence.Proximity(s.Start, s.End) >= MinClauseDateProximity && sentence.ClauseSupport(s.Start, s.End) > 0))
            .Select(s => s with { Score = s.Score + sentence.Proximity(s.Start, s.End) })
            // The clause only orders the spans of one sentence: which sentence answers is decided by its coverage of the
            // whole question, which this would count twice.
            .OrderByDescending(s => s.Score + ClauseShare * Math.Min(sentence.ClauseSupport(s.Start, s.End), MaxClauseWords))
            .ToList();
    }

    /// <summary>The role a who-question names, word by word with weights.</summary>
    private sealed record Role(IReadOnlyList<HeadWord> Words, IReadOnlyList<double>? Weights)
    {
        /// <summary>
        /// Share (by weight) of the role's words that the title phrase of tokens [from, to) carries, less the share of
        /// the title's words the role does not name: «وزير الخارجية» is another office than "defence minister" even
        /// though both are ministers. Null without a role.
        /// </summary>
        public double? Fit(SentenceReading s, int from, int to)
        {
            if (Words.Count == 0) return null;
            var title = new HashSet<string>(StringComparer.Ordinal);
            for (var i = from; i < to; i++) title.UnionWith(s.TermsOf(i));
            double carried = 0, total = 0;
            var named = new HashSet<string>(StringComparer.Ordinal);
            for (var k = 0; k < Words.Count; k++)
            {
                var w = Weights is { } weights && k < weights.Count ? weights[k] : 1.0;
                total += w;
                var spelling = Words[k].Spellings.FirstOrDefault(sp => sp.Words.All(word => word.Overlaps(title)));
                if (spelling is null) continue;
                carried += w;
                foreach (var word in spelling.Words) named.UnionWith(word);
            }
            var extra = Enumerable.Range(from, to - from).Count(i => !s.TermsOf(i).Any(named.Contains));
            return total <= 0 ? null : carried / total - (double)extra / (to - from);
        }
    }

    private static void AddPeople(SentenceReading s, List<AnswerSpan> spans, Role role, double weight = 1.0)
    {
        var t = s.Tokens;
        for (var i = 0; i < t.Count; i++)
        {
            if (NewsLexicon.Has(NewsLexicon.Titles, t[i].Folded) || NewsLexicon.Has(NewsLexicon.Kin, t[i].Folded))
            {
                // The title phrase: the title and the definite words that qualify it («وزير الخارجية الروسي»).
                var j = i + 1;
                var asked = s.IsQuestionToken(i) ? 1 : 0;
                // «المتحدث باسم الكرملين»: "spokesman for" takes the institution into the title.
                while (j < t.Count && j - i <= 5 && !t[j].BreakBefore && !s.InDateOrNumber(j)
                       && (ArabicWordForms.IsDefinite(t[j].Folded) || NewsLexicon.Has(NewsLexicon.Titles, t[j].Folded) || NewsLexicon.Has(NewsLexicon.Organizations, t[j].Folded)
                           // «وكيل أعماله», «رئيس وزرائها»: a noun with its owner's pronoun completes the title; it names no one.
                           || (j == i + 1 && IsPossessed(s, j))
                           // «مدرب المنتخب التونسي لكرة القدم نبيل معلول»: a noun behind «لـ» still qualifies the title.
                           || IsCommonNounForm(s, j)
                           || (t[j].Folded == "باسم" && j == i + 1 && j + 1 < t.Count && (ArabicWordForms.IsDefinite(t[j + 1].Folded) || NewsLexicon.Has(NewsLexicon.Organizations, t[j + 1].Folded)))))
                {
                    if (s.IsQuestionToken(j)) asked++;
                    j++;
                }
                // The title the question asks about («وزير الدفاع» for "defence minister») points at its holder; the
                // larger the share of the title the question names, the surer.
                var fit = role.Fit(s, i, j);
                // Asked for the holder of a role, a name under another title is not the answer (the foreign minister for the defence minister).
                if (fit is < MinRoleFit) continue;
                var titleFit = 1.0 + (fit ?? (double)asked / (j - i));
                // «المدرب الجديد لبولندا»: a known place behind a preposition says whose the office is; no name follows.
                if (j < t.Count && KnownNames.PlaceAt(s, j) is { Words: > 0, Attached: true }) continue;
                if (NameRun(s, j, out var end) && !OpensPhrase(t[j].Folded))
                    spans.Add(Span(s, j, end, AnswerType.Person, weight * titleFit));
                // «دميتري بيسكوف، المتحدث باسم الكرملين»: the name before a comma and the title.
                if (t[i].BreakBefore && i > 0 && NameRunBackwards(s, i - 1, out var start))
                    spans.Add(Span(s, start, i, AnswerType.Person, weight * titleFit * 0.9));
            }
            else if (role.Words.Count == 0 && NewsLexicon.Has(NewsLexicon.SubjectVerbs, t[i].Folded))
            {
                if (i + 1 < t.Count && !t[i + 1].BreakBefore && NameRun(s, i + 1, out var end) && !OpensPhrase(t[i + 1].Folded))
                    spans.Add(Span(s, i + 1, end, AnswerType.Person, weight * (s.IsQuestionToken(i) ? 1.4 : 0.7)));
            }
        }
    }

    /// <summary>
    /// A word that opens a phrase rather than a name: a noun behind an attached preposition («فاز بجائزة أفضل…»,
    /// «بحرارة») or a present-tense verb of the «يتفعل»/«يستفعل» forms («يتسلم»). After a verb or a title such a word
    /// begins what was done, not who did it.
    /// </summary>
    private static bool OpensPhrase(string folded) =>
        (folded.Length > 4 && folded[0] is 'ل' or 'ب' && folded[^1] == 'ه')
        || (folded.Length >= 5 && (folded.StartsWith("يت", StringComparison.Ordinal) || folded.StartsWith("يست", StringComparison.Ordinal)));

    private static void AddOrganizations(SentenceReading s, List<AnswerSpan> spans, double weight)
    {
        var t = s.Tokens;
        for (var i = 0; i < t.Count; i++)
        {
            if (!NewsLexicon.Has(NewsLexicon.Organizations, t[i].Folded)) continue;
            // «منتخب بلاده», «حكومة بلادها»: an institution owned by a pronoun is someone's named before; it names no one.
            if (i + 1 < t.Count && !t[i + 1].BreakBefore && IsPossessed(s, i + 1)) continue;
            var j = i + 1;
            while (j < t.Count && j - i < 5 && !t[j].BreakBefore && !s.InDateOrNumber(j)
                   && (ArabicWordForms.IsDefinite(t[j].Folded) || IsNameWord(s, j)) && !NewsLexicon.NotNames.Contains(t[j].Folded))
                j++;
            // «صحيفة» with its name left behind quotes: a bare noun of the construct state names no institution.
            if (j == i + 1 && !ArabicWordForms.IsDefinite(t[i].Folded) && t[i].Folded.EndsWith('ه')) continue;
            spans.Add(Span(s, i, j, AnswerType.Organization, weight * 0.8));
            i = j - 1;
        }
    }

    private static void AddPlaces(SentenceReading s, List<AnswerSpan> spans)
    {
        var t = s.Tokens;
        for (var i = 0; i < t.Count; i++)
        {
            var folded = t[i].Folded;
            int start;
            var trimFirstLetter = false;
            if (NewsLexicon.Locatives.Contains(folded) || (folded.Length > 2 && folded[0] == 'و' && NewsLexicon.Locatives.Contains(folded[1..])))
                start = i + 1;
            // «بمدينة…», «بقاعدة…»: a preposition attached to a place noun. (Attached to a name it cannot be told from a
            // word that merely starts with «ب», like «بندقية».)
            else if (folded.Length > 3 && folded[0] is 'ب' && NewsLexicon.Has(NewsLexicon.PlaceNouns, folded[1..]))
            {
                start = i;
                trimFirstLetter = true;
            }
            else continue;
            if (start >= t.Count || t[start].BreakBefore && start != i) continue;
            // «في إطار…», «من أجل…», «في مواجهة…»: a compound preposition, not a place.
            if (NewsLexicon.Has(NewsLexicon.CompoundPrepositionHeads, trimFirstLetter ? t[start].Folded[1..] : t[start].Folded)) continue;

            if (NewsLexicon.Has(NewsLexicon.PlaceNouns, t[start].Folded))
            {
                // «في قاعدة فوستوشني الفضائية», «في أقصى شرق روسيا»: the place noun and what names it.
                var j = start + 1;
                while (j < t.Count && j - start < 4 && !t[j].BreakBefore && !s.InDateOrNumber(j) && !NewsLexicon.NotNames.Contains(t[j].Folded)
                       && (ArabicWordForms.IsDefinite(t[j].Folded) || IsNameWord(s, j) || NewsLexicon.Has(NewsLexicon.PlaceNouns, t[j].Folded)))
                    j++;
                if (j > start + 1) spans.Add(Span(s, start, j, AnswerType.Place, 1.2, trimFirstLetter));
            }
            // «من إنتاجنا», «من حدوث…»: after «من» (from, of) an unknown word is mostly a thing, rarely a place.
            else if (NameRun(s, start, out var end, allowFirstAttached: trimFirstLetter))
                spans.Add(Span(s, start, end, AnswerType.Place, WithoutConjunction(folded) == "من" ? 0.4 : 1.0, trimFirstLetter));
            else if (!trimFirstLetter && ArabicWordForms.IsDefinite(t[start].Folded) && !s.InDateOrNumber(start)
                     && (start + 1 == t.Count || t[start + 1].BreakBefore))
                // «في القاهرة،»: a definite word closing the clause may be a place; weakly.
                spans.Add(Span(s, start, start + 1, AnswerType.Place, 0.4));
        }
    }

    /// <summary>
    /// The name a relation phrase stands in apposition to: «كانبيرا (عاصمة أستراليا)», «العاصمة الأسترالية، كانبرا».
    /// The owner must follow the relation's noun, as in the question («عاصمة أستراليا»); the name stands right before the
    /// noun, or right after the owner. News names a capital this way far more often than after a preposition.
    /// </summary>
    private static void AddRelationHolders(SentenceReading s, List<AnswerSpan> spans, IReadOnlyList<HeadWord> relation)
    {
        if (relation.Count != 2) return;
        foreach (var noun in s.NounsOwnedBy(relation[0].Terms, relation[1].Terms))
        {
            if (noun > 0 && IsNameWord(s, noun - 1) && !s.IsQuestionToken(noun - 1))
                spans.Add(Span(s, noun - 1, noun, AnswerType.Place, 2.0));
            if (NameRun(s, noun + 2, out var end) && !s.IsQuestionToken(noun + 2))
                spans.Add(Span(s, noun + 2, end, AnswerType.Place, 2.0));
        }
    }

    /// <summary>
    /// A country is the least telling answer to "where": a city or facility named in the same sentence wins over it. The
    /// country of the people the question names («الزعيم الكوري الشمالي، كيم» for "where did Putin host Kim") is no
    /// answer at all: the question takes it for granted.
    /// </summary>
    private static List<AnswerSpan> Countries(SentenceReading s, List<AnswerSpan> spans)
    {
        HashSet<string>? owners = null;
        var kept = new List<AnswerSpan>(spans.Count);
        foreach (var span in spans)
        {
            var key = KnownNames.CountryKey(span.Text);
            if (key is null) { kept.Add(span); continue; }
            owners ??= KnownNames.OwnersCountries(s);
            if (!owners.Contains(key)) kept.Add(span with { Score = span.Score - CountryPenalty });
        }
        return kept;
    }

    /// <summary>Places the gazetteer knows: surest after a locative («في سامارا», «بموسكو»), likely anywhere else.</summary>
    private static void AddKnownPlaces(SentenceReading s, List<AnswerSpan> spans)
    {
        var t = s.Tokens;
        for (var i = 0; i < t.Count; i++)
        {
            var (words, attached) = KnownNames.PlaceAt(s, i);
            if (words == 0) continue;
            var previous = i > 0 && !t[i].BreakBefore ? t[i - 1].Folded : null;
            var afterLocative = (attached && t[i].Folded[0] is 'ب' or 'ل')
                || (previous is not null && (NewsLexicon.Locatives.Contains(previous) || NewsLexicon.Has(NewsLexicon.PlaceNouns, previous)));
            spans.Add(Span(s, i, i + words, AnswerType.Place, afterLocative ? 1.6 : 0.5, attached));
            i += words - 1;
        }
    }

    private static void AddNumbers(SentenceReading s, QuestionAnalysis question, List<AnswerSpan> spans)
    {
        var asked = question.Constraints.Where(c => c.Value is not null).Select(c => c.Value!.Value).ToHashSet();
        var wholes = AsksPart(question) ? Wholes(s) : [];
        var before = AsksBefore(question) ? null : BeforePhrase(s);
        foreach (var number in s.Numbers)
        {
            // «وكانت البحرين، قبل اكتشاف الحقل الجديد، تمتلك… 125 مليون برميل»: the question's event stands in a "before"
            // phrase, so the sentence's numbers measure what was there before it.
            if (before is { } phrase && (number.End <= s.Tokens[phrase.Start].Start || number.Start >= s.Tokens[phrase.End - 1].End)) continue;
            // «في الساعة 11 صباحا»: a time of day says when, never how many or how long.
            if (number.Unit is null && TellsClockTime(s, number)) continue;
            if (s.Dates.Any(d => number.Start < d.End && d.Start < number.End && !(number.Unit is { Kind: UnitKind.Time } && d.Day is null && d.Month is null && d.Year is null))) continue;
            if (asked.Contains(number.Value)) continue;
            // «إلى ما دون العتبة الرمزية البالغة 9 بالمئة»: a threshold the measured value crossed is not that value.
            if (NamesThreshold(s, number)) continue;
            // «الاثنين» is Monday far more often than "the two": news dates its events by weekday («أعلن الاثنين أن…»).
            if (Text.ArabicNormalizer.Normalize(s.Text.Substring(number.Start, number.Length)) is "الاثنين" or "والاثنين") continue;
            var score = 1.0;
            if (question.AskedUnit is { } unit)
                score += number.Unit?.Key == unit.Key ? 2.0 : number.Unit is null ? 0.2 : number.Unit.Kind == unit.Kind ? 0.5 : -0.5;
            else if (question.ExpectedType == AnswerType.Duration)
                score += number.Unit is { Kind: UnitKind.Time } ? 1.5 : -0.8;
            else if (question.ExpectedType == AnswerType.Money)
                score += number.Unit is { Kind: UnitKind.Money } ? 1.5 : -0.8;
            else if (number.Unit is { Kind: UnitKind.Time or UnitKind.Money })
                score -= 0.3;
            var counts = question.CountedNoun is { } counted && Counts(s, number, counted);
            // "how many satellites…" is not answered by «50 ألف كوري»: an English question's counted noun reaches the
            // Arabic text only through its renderings, so a number beside none of them counts something else. (Arabic
            // news names what it counts in many ways, «مقتل 20 شخصا» for «كم عدد القتلى», so there it only ranks.)
            if (question.CountedNoun is not null && question.CountedNounRendered && question.AskedUnit is null && question.Language == Core.Domain.Languages.English && !counts
                && !NounBefore(s, number, question.CountedNoun)) continue;
            // A money question is answered by a sum: a number without its currency ("420") is a price of something else.
            if (question.ExpectedType == AnswerType.Money && question.AskedUnit is null && number.Unit is not { Kind: UnitKind.Money }) continue;
            // «420 دولارا للسهم» is a price per share, not what a whole deal cost: a rate answers only a question asking per unit.
            if (question.ExpectedType == AnswerType.Money && PerUnit(s, number) is { } rate && !AsksPerUnit(question, s.TermsOf(rate))) continue;
            if (counts) score += 1.5;
            if (question.AsksAge && TellsAge(s, number)) score += 1.5;
            // "How much of the loan…" asks for a share of the whole the sentence sums, not for that whole.
            if (wholes.Contains(number.Start)) score -= WholePenalty;
            spans.Add(new AnswerSpan(number.Start, number.Length, question.ExpectedType, score, s.Text.Substring(number.Start, number.Length), Number: number));
        }
    }

    private static bool AsksBefore(QuestionAnalysis question) =>
        WordTokenizer.Tokenize(question.Question).Any(t => t.Folded is "قبل" or "before" or "prior");

    /// <summary>
    /// Tokens [Start, End) of a clause that «قبل» (before) opens after a break and that holds words of the question
    /// («، قبل اكتشاف الحقل الجديد،»), or null.
    /// </summary>
    private static (int Start, int End)? BeforePhrase(SentenceReading s)
    {
        var t = s.Tokens;
        for (var i = 1; i < t.Count; i++)
        {
            if (t[i].Folded is not ("قبل" or "before") || !t[i].BreakBefore) continue;
            var end = i + 1;
            while (end < t.Count && !t[end].BreakBefore) end++;
            if (Enumerable.Range(i + 1, end - i - 1).Any(s.IsQuestionToken)) return (i, end);
        }
        return null;
    }

    /// <summary>What the whole loses on a "how much of" question: more than a counted noun gains (+1.5), which the shares share with it.</summary>
    private const double WholePenalty = 2.0;

    /// <summary>«قديش من القرض…», «كم من الضحايا…», "how much of the loan": the question asks for a part of a whole.</summary>
    private static bool AsksPart(QuestionAnalysis question)
    {
        var words = WordTokenizer.Tokenize(question.Question).Select(t => t.Folded).ToList();
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (words[i] is "كم" or "قديش" or "قداش" or "كام" && words[i + 1] == "من" && !(i + 2 < words.Count && words[i + 2] is "الوقت" or "الزمن")) return true;
            if (words[i] is "much" or "many" && i > 0 && words[i - 1] == "how" && words[i + 1] == "of") return true;
        }
        return false;
    }

    /// <summary>Pronouns of «من» that take a share out of the whole just named: «منها», «منه», «منهم», «منهما».</summary>
    private static readonly HashSet<string> ShareMarks = ["منها", "منه", "منهم", "منهما"];

    /// <summary>
    /// Starts of the numbers a share is taken from: the share stands right after its mark («914 مليون يورو منها 222
    /// مليون») or right before it («3 مليارات دولار، توجه مليار دولار منها…»), and the whole is the number before the share.
    /// </summary>
    private static HashSet<int> Wholes(SentenceReading s)
    {
        var wholes = new HashSet<int>();
        var numbers = s.Numbers.OrderBy(n => n.Start).ToList();
        for (var m = 0; m < s.Tokens.Count; m++)
        {
            if (!ShareMarks.Contains(s.Tokens[m].Folded)) continue;
            var mark = s.Tokens[m];
            var share = numbers.FindIndex(n => n.Start >= mark.End && m + 1 < s.Tokens.Count && n.Start == s.Tokens[m + 1].Start);
            if (share < 0)
                share = numbers.FindLastIndex(n => n.End <= mark.Start && !s.Tokens.Any(t => t.Start >= n.End && t.End <= mark.Start && t.BreakBefore)
                                                   && s.Tokens.Count(t => t.Start >= n.End && t.End <= mark.Start) <= 1);
            if (share > 0) wholes.Add(numbers[share - 1].Start);
        }
        return wholes;
    }

    /// <summary>Words around a time of day: «الساعة 11», «11 صباحا», "at 11 am".</summary>
    private static readonly HashSet<string> ClockBefore = ["الساعه", "بالساعه", "للساعه"];
    private static readonly HashSet<string> ClockAfter = ["صباحا", "مساء", "مساءا", "ظهرا", "فجرا", "ليلا", "am", "pm"];

    private static bool TellsClockTime(SentenceReading s, NumberMention number)
    {
        var first = s.Tokens.FindIndex(t => t.End > number.Start);
        var next = s.Tokens.FindIndex(t => t.Start >= number.End);
        return (first > 0 && !s.Tokens[first].BreakBefore && ClockBefore.Contains(s.Tokens[first - 1].Folded))
               || (next >= 0 && !s.Tokens[next].BreakBefore && ClockAfter.Contains(s.Tokens[next].Folded));
    }

    /// <summary>Words that make a sum a rate: «لكل», "per", "each", or «لل» before a unit news prices things by.</summary>
    private static readonly HashSet<string> RateWords = ["لكل", "per", "each", "apiece", "للسهم", "للبرميل", "للطن", "للاونصه", "للاوقيه", "للغرام", "للكيلو", "للكيلوغرام", "للتر", "للفرد", "للشخص", "للواحد", "للمتر"];

    /// <summary>The token just after a sum (its currency included) that makes it a rate («للسهم», «لكل منتخب»), or null.</summary>
    private static int? PerUnit(SentenceReading s, NumberMention number)
    {
        var next = s.Tokens.FindIndex(t => t.Start >= number.End);
        // The currency may stand outside the number's mention («420 دولارا للسهم»).
        for (var k = next; k >= 0 && k < s.Tokens.Count && k <= next + 1; k++)
        {
            if (k > next && s.Tokens[k].BreakBefore) break;
            if (RateWords.Contains(s.Tokens[k].Folded)) return k;
        }
        return null;
    }

    /// <summary>"each team", "per share", «لكل منتخب»: the question itself asks for a rate, or names the unit it is by.</summary>
    private static bool AsksPerUnit(QuestionAnalysis question, IReadOnlyList<string> rateTerms) =>
        WordTokenizer.Tokenize(question.Question).Any(t => t.Folded is "each" or "per" or "every" or "apiece" or "كل" or "لكل" or "للواحد")
        || Enumerable.Range(0, question.Words.Count).Any(g => rateTerms.Any(question.Words[g].Contains));

    /// <summary>
    /// «24 باصاً», "313 ألف وظيفة": the number is followed (at most one word between) by what the question counts, or
    /// its unit is that word («147 مباراة» read as a number of games, for "caps").
    /// </summary>
    private static bool Counts(SentenceReading s, NumberMention number, HeadWord counted)
    {
        var next = s.Tokens.FindIndex(t => t.Start >= number.End);
        var last = next < 0 ? s.Tokens.Count - 1 : next + 1;
        var first = s.Tokens.FindIndex(t => t.Start > number.Start);
        for (var k = first; k >= 0 && k < s.Tokens.Count && k <= last; k++)
        {
            if (k > first && s.Tokens[k].BreakBefore) break;
            if (s.TermsOf(k).Any(term => counted.Terms.Any(c => SameStem(term, c)))) return true;
        }
        return false;
    }

    /// <summary>«عدد الأقمار الصناعية بلغ 12»: what is counted named just before the number, at most two words between.</summary>
    private static bool NounBefore(SentenceReading s, NumberMention number, HeadWord counted)
    {
        var first = s.Tokens.FindIndex(t => t.End > number.Start);
        for (var k = first - 1; k >= 0 && k >= first - 3; k--)
        {
            if (s.TermsOf(k).Any(term => counted.Terms.Any(c => SameStem(term, c)))) return true;
            if (s.Tokens[k + 1].BreakBefore) break;
        }
        return false;
    }

    /// <summary>Terms of one stem: equal, or one the other plus an ending the light stemmer keeps («باص»/«باصا», "barrel"/"barrels").</summary>
    private static bool SameStem(string a, string b)
    {
        if (a == b) return true;
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return shorter.Length >= 3 && longer.Length - shorter.Length <= 2 && longer.StartsWith(shorter, StringComparison.Ordinal);
    }

    /// <summary>Nouns that make a number a mark crossed rather than a value measured: «العتبة», «حاجز», «سقف».</summary>
    private static readonly HashSet<string> ThresholdNouns = ["عتبه", "العتبه", "حاجز", "الحاجز", "سقف", "السقف"];

    /// <summary>«العتبة الرمزية البالغة 9 بالمئة», «حاجز 100 دولار»: a threshold noun stands at most three words before the number, in its clause.</summary>
    private static bool NamesThreshold(SentenceReading s, NumberMention number)
    {
        var first = s.Tokens.FindIndex(t => t.End > number.Start);
        for (var k = first - 1; k >= 0 && k >= first - 3; k--)
        {
            if (ThresholdNouns.Contains(s.Tokens[k].Folded)) return true;
            if (s.Tokens[k + 1].BreakBefore) break;
        }
        return false;
    }

    /// <summary>Words that news puts just before an age: «عن عمر ناهز 82 عاماً», «البالغ من العمر 52 عاماً».</summary>
    private static readonly HashSet<string> AgeWords = ["عمر", "العمر", "عمره", "عمرها", "ناهز", "يناهز", "تناهز", "سن", "السن", "البالغ", "البالغه"];

    private static bool TellsAge(SentenceReading s, NumberMention number)
    {
        var first = s.Tokens.FindIndex(t => t.End > number.Start);
        for (var k = first - 1; k >= 0 && k >= first - 3; k--)
        {
            if (AgeWords.Contains(s.Tokens[k].Folded) || ArabicWordForms.Bases(s.Tokens[k].Folded).Any(AgeWords.Contains)) return true;
            if (s.Tokens[k + 1].BreakBefore) break;
        }
        return false;
    }

    private static void AddDates(SentenceReading s, QuestionAnalysis question, List<AnswerSpan> spans)
    {
        var askedYears = question.Constraints.Where(c => c.Kind == ConstraintKind.Year).Select(c => (int)c.Value!.Value).ToHashSet();
        // "When did the ministry announce…" asks for the saying itself.
        var asksSaying = WordTokenizer.Tokenize(question.Question).Any(t => IsSayingVerb(t.Folded) || t.Folded is "announce" or "announced" or "say" or "said");
        foreach (var date in WithTheirYears(s))
        {
            // "in 2022" in the question is a constraint; the same bare year in the sentence is not its answer.
            if (date.Month is null && date.Weekday is null && date.Year is { } year && askedYears.Contains(year)) continue;
            var score = date.Day is not null ? 1.5 : date.Weekday is not null || date.DaysBack is not null ? 1.3 : date.Month is not null ? 1.1 : 1.0;
            if (!asksSaying && DatesTheSaying(s, date)) score -= SayingPenalty;
            spans.Add(new AnswerSpan(date.Start, date.Length, AnswerType.Date, score, s.Text.Substring(date.Start, date.Length), Date: date));
        }
    }

    /// <summary>What a date loses when it dates the saying rather than what was said.</summary>
    private const double SayingPenalty = 1.0;

    private static readonly HashSet<string> SayingVerbs = ["قال", "قالت", "اكد", "اكدت", "اعلن", "اعلنت", "اضاف", "اضافت", "صرح", "صرحت", "اوضح", "اوضحت", "اشار", "اشارت", "ذكر", "ذكرت", "افاد", "افادت", "كشف", "كشفت"];

    private static bool IsSayingVerb(string folded) => SayingVerbs.Contains(folded) || (folded.Length > 3 && folded[0] == 'و' && SayingVerbs.Contains(folded[1..]));

    /// <summary>
    /// «أعلنت المعارضة… في 17 أبريل أن حوارا… أخفق»: a date between a verb of saying and the «أن» that opens what was
    /// said dates the saying, not the event it reports.
    /// </summary>
    private static bool DatesTheSaying(SentenceReading s, DateMention date)
    {
        var t = s.Tokens;
        var first = t.FindIndex(x => x.End > date.Start);
        var after = t.FindIndex(x => x.Start >= date.End);
        if (first < 0 || after < 0) return false;
        var opens = Enumerable.Range(after, Math.Min(2, t.Count - after)).Any(k => t[k].Folded is "ان" or "بان");
        if (!opens) return false;
        for (var k = first - 1; k >= 0 && k >= first - 8; k--)
        {
            if (t[k].Folded is "ان" or "بان") return false;
            if (IsSayingVerb(t[k].Folded)) return true;
        }
        return false;
    }

    /// <summary>Words that may join a month to the year it is in: «أكتوبر من العام الماضي», «مارس من عام 2018».</summary>
    private static readonly HashSet<string> MonthYearJoins = ["من", "عام", "العام", "سنه", "السنه", "of"];

    /// <summary>
    /// The sentence's dates, a month and the year that follows it read as one («في أكتوبر من العام الماضي»): apart,
    /// the bare «العام الماضي» would stand closer to the verb and answer "when" with a year where the text gives the month.
    /// </summary>
    private static IEnumerable<DateMention> WithTheirYears(SentenceReading s)
    {
        var dates = s.Dates.OrderBy(d => d.Start).ToList();
        for (var k = 0; k < dates.Count; k++)
        {
            var date = dates[k];
            if (date is { Month: not null, Year: null, YearsBack: null } && k + 1 < dates.Count && dates[k + 1] is { Month: null, Day: null, Weekday: null } next
                && (next.Year is not null || next.YearsBack is not null) && OnlyJoinsBetween(s, date.End, next.Start))
            {
                yield return date with { Length = next.End - date.Start, Year = next.Year, YearsBack = next.YearsBack };
                k++;
                continue;
            }
            yield return date;
        }
    }

    private static bool OnlyJoinsBetween(SentenceReading s, int from, int to)
    {
        var between = s.Tokens.Where(t => t.Start >= from && t.End <= to).ToList();
        return between.Count <= 2 && between.All(t => MonthYearJoins.Contains(t.Folded)) && !s.Tokens.Any(t => t.Start >= from && t.Start < to && t.BreakBefore);
    }

    private static string WithoutConjunction(string folded) => folded.Length > 2 && folded[0] == 'و' ? folded[1..] : folded;

    private static AnswerSpan Span(SentenceReading s, int first, int endToken, AnswerType type, double score, bool trimFirstLetter = false)
    {
        var start = s.Tokens[first].Start + (trimFirstLetter ? 1 : 0);
        var end = s.Tokens[endToken - 1].End;
        return new AnswerSpan(start, end - start, type, score, s.Text[start..end].Trim());
    }

    /// <summary>
    /// «أعماله», «وزرائها»: a common noun carrying a possessive pronoun, told by the «ـه/ـها/ـهم» written as such (a
    /// name's «ة» folds to the same letter, so the original spelling decides) behind a stem of three letters at least.
    /// </summary>
    private static bool IsPossessed(SentenceReading s, int i)
    {
        var word = Written(s, i);
        var stem = word.EndsWith("ها", StringComparison.Ordinal) || word.EndsWith("هم", StringComparison.Ordinal) ? word[..^2] : word.EndsWith('ه') ? word[..^1] : null;
        return stem is { Length: >= 3 } && !word.EndsWith("الله", StringComparison.Ordinal) && !word.EndsWith("لله", StringComparison.Ordinal) && !ArabicWordForms.IsDefinite(s.Tokens[i].Folded);
    }

    /// <summary>Word <paramref name="i"/> as the article writes it (its «ة» and «ه» apart, which folding merges), without final vowel marks.</summary>
    private static string Written(SentenceReading s, int i) =>
        s.Text.Substring(s.Tokens[i].Start, s.Tokens[i].Length).TrimEnd('\u064B', '\u064C', '\u064D', '\u064E', '\u064F', '\u0650', '\u0651', '\u0652');

    /// <summary>
    /// «قتلت الشرطة», «أعلنت الوزارة»: a word standing right before an institution or place noun with the article is
    /// the verb whose subject that noun is (news puts the verb first), not a name. (An office after a name is its
    /// apposition, «بوتين الرئيس الروسي», so offices do not count.)
    /// </summary>
    private static bool VerbBeforeSubject(SentenceReading s, int i)
    {
        if (i + 1 >= s.Tokens.Count || s.Tokens[i + 1].BreakBefore) return false;
        var next = s.Tokens[i + 1].Folded;
        return ArabicWordForms.IsDefinite(next) && !next.StartsWith('و')
               && (NewsLexicon.Has(NewsLexicon.Organizations, next) || NewsLexicon.Has(NewsLexicon.PlaceNouns, next));
    }

    /// <summary>
    /// «زيارته», «قيادتها»: a feminine noun with its owner's pronoun; «بحرارة», «لزيارة»: a preposition on a feminine
    /// noun. Names are written without either (a known place such as «برشلونة» stays a name).
    /// </summary>
    private static bool IsCommonNounForm(SentenceReading s, int i)
    {
        var word = Written(s, i);
        if (word.Length >= 5 && (word.EndsWith("ته", StringComparison.Ordinal) || word.EndsWith("تها", StringComparison.Ordinal) || word.EndsWith("تهم", StringComparison.Ordinal))) return true;
        if (word.Length < 4 || word[0] is not ('ب' or 'ل') || !word.EndsWith('ة') || KnownNames.PlaceAt(s, i).Words > 0) return false;
        // «لكرة القدم»: short, it is still a noun when the noun it governs follows with the article.
        return word.Length >= 6 || (i + 1 < s.Tokens.Count && !s.Tokens[i + 1].BreakBefore && ArabicWordForms.IsDefinite(s.Tokens[i + 1].Folded));
    }

    /// <summary>A word that can be part of a name: not a particle, title, institution, place noun, date or number.</summary>
    private static bool IsNameWord(SentenceReading s, int i, bool skipFirstLetter = false)
    {
        var token = s.Tokens[i];
        var folded = skipFirstLetter ? token.Folded[1..] : token.Folded;
        if (token.IsNumber || folded.Length < 2 || s.InDateOrNumber(i)) return false;
        if (NewsLexicon.Has(NewsLexicon.NotNames, folded) || NewsLexicon.Has(NewsLexicon.Titles, folded) || NewsLexicon.Has(NewsLexicon.Organizations, folded)
            || NewsLexicon.Has(NewsLexicon.PlaceNouns, folded) || NewsLexicon.Has(NewsLexicon.SubjectVerbs, folded)) return false;
        if (ArabicWordForms.IsDefinite(folded) || NewsLexicon.Has(NewsLexicon.AppositionHeads, folded) || NewsLexicon.Has(NewsLexicon.Kin, folded)) return false;
        if (!skipFirstLetter && IsCommonNounForm(s, i)) return false;
        // A conjunction opens a new phrase («ووزير», «وقال»); a doubled «و» is a name's own letter behind none («وولف», «وود»).
        return !(folded.Length > 3 && folded[0] == 'و' && folded[1] != 'و');
    }

    /// <summary>A name of one to four words from token <paramref name="start"/>; joins («بن», «عبد») and a closing «الأسد»-like word are kept.</summary>
    private static bool NameRun(SentenceReading s, int start, out int end, bool allowFirstAttached = false)
    {
        end = start;
        var t = s.Tokens;
        if (start >= t.Count || !(IsNameWord(s, start) || (allowFirstAttached && IsNameWord(s, start, skipFirstLetter: true))) || VerbBeforeSubject(s, start)) return false;
        end = start + 1;
        while (end < t.Count && end - start < MaxNameWords && !t[end].BreakBefore)
        {
            // «كيم جونغ أون لزيارة…», «… بمناسبة»: a noun behind a preposition follows a name, it is no part of it.
            var folded = t[end].Folded;
            if (folded.Length > 4 && folded[0] is 'ل' or 'ب' && folded[^1] == 'ه') break;
            if (IsNameWord(s, end)) { end++; continue; }
            // «عبد الفتاح», «بشار الأسد»: a definite word after a join, or closing the name before a break or a particle;
            // not one behind «و» («… والمعلومات»), which opens the next phrase.
            if (ArabicWordForms.IsDefinite(folded) && folded[0] != 'و' && !s.InDateOrNumber(end) && !NewsLexicon.Has(NewsLexicon.Titles, folded)
                && (NewsLexicon.NameJoins.Contains(t[end - 1].Folded)
                    || end + 1 == t.Count || t[end + 1].BreakBefore || NewsLexicon.NotNames.Contains(t[end + 1].Folded) || t[end + 1].Folded[0] == 'و'))
            {
                if (NewsLexicon.NameJoins.Contains(t[end - 1].Folded)) { end++; continue; }
                end++;
                break;
            }
            if (NewsLexicon.NameJoins.Contains(t[end].Folded) && end + 1 < t.Count) { end++; continue; }
            break;
        }
        // A name does not end on a join.
        while (end - 1 > start && NewsLexicon.NameJoins.Contains(t[end - 1].Folded)) end--;
        return true;
    }

    private static bool NameRunBackwards(SentenceReading s, int last, out int start)
    {
        start = last + 1;
        var t = s.Tokens;
        while (start - 1 >= 0 && last - (start - 1) < MaxNameWords && IsNameWord(s, start - 1))
        {
            start--;
            if (t[start].BreakBefore) break;
        }
        return start <= last;
    }
}
