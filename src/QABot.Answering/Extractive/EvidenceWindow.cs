using System.Runtime.CompilerServices;
using QABot.Answering.Extractive.Spans;
using QABot.Answering.Understanding;
using QABot.Retrieval.CrossLingual;
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
    /// Every name of several words the question sets stands as a phrase in one of <paramref name="texts"/> (a chunk's
    /// sentences and its title), its words in order with at most one word between: «ذهبية كرة الطائرة» (volleyball gold)
    /// carries the words of «الكرة الذهبية» (the Ballon d'Or) but not the name.
    /// </summary>
    public static bool NamesStandTogether(QuestionAnalysis question, IReadOnlyList<IReadOnlyList<Text.Analysis.AnalyzedTerm>> texts)
    {
        var phrases = question.Constraints.Where(c => c.Kind == ConstraintKind.Name && c.Spellings.Any(sp => sp.Words.Count > 1)).ToList();
        if (phrases.Count == 0) return true;
        var words = texts.Select(text => text.GroupBy(t => t.Position).OrderBy(g => g.Key)
            .Select(g => (Position: g.Key, Terms: (IReadOnlySet<string>)g.Select(t => t.Text).ToHashSet(StringComparer.Ordinal))).ToList()).ToList();
        // A one-word spelling among the name's («بيونغيانغ» for «بيونغ يانغ») is a phrase of its own.
        return phrases.All(c => c.Spellings.Any(sp => words.Any(text => Stands(sp, text))));
    }

    private static bool Stands(Spelling spelling, List<(int Position, IReadOnlySet<string> Terms)> text)
    {
        bool Carries(IReadOnlySet<string> word, IReadOnlySet<string> terms) => NameVariants.Carries(word, terms, spelling.Words.Count > 1, spelling.Approximate);
        for (var start = 0; start < text.Count; start++)
        {
            if (!Carries(spelling.Words[0], text[start].Terms)) continue;
            var (at, k) = (start, 1);
            for (; k < spelling.Words.Count; k++)
            {
                var next = Enumerable.Range(at + 1, Math.Min(2, text.Count - at - 1)).FirstOrDefault(i => Carries(spelling.Words[k], text[i].Terms), -1);
                if (next < 0) break;
                at = next;
            }
            if (k == spelling.Words.Count) return true;
        }
        return false;
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
        // The office a named person holds («استقالت تيريزا ماي من رئاسة الوزراء») says who, not what happened: a window
        // naming the office («متحدث باسم رئاسة الوزراء») tells nothing of the resignation (see OfficeHolds).
        var matched = predicate.Matches(windowTerms);
        var office = PersonNames(question).Any() ? AskedOffice(question) : null;
        var events = Enumerable.Range(0, predicate.Count).Where(g => office is null || !office.Names(predicate[g])).ToList();
        return events.Count == 0 ? matched.Any(m => m > 0) : events.Any(g => matched[g] > 0);
    }

    /// <summary>
    /// For a who-question, the sentence states every word of the role asked about («وزير الدفاع»): news attaches a title
    /// to its holder. An English word with no Arabic rendering ("name" in "what's swaziland's new name") cannot be
    /// stated by an Arabic sentence and asks nothing of it.
    /// </summary>
    public static bool RoleHolds(QuestionAnalysis question, IReadOnlySet<string> sentenceTerms) =>
        question.Kind != Core.Domain.QuestionKind.Who || question.HeadPhrase.Where(Rendered).All(word => word.In(sentenceTerms));

    /// <summary>
    /// For "where"/"what" asked of a relation («شو عاصمة كندا؟», "capital of Australia"), the sentence carries the
    /// relation's noun: a sentence about Canada with a place in it («في حوار») is no capital of Canada. Who-questions
    /// check their role (<see cref="RoleHolds"/>). Only a noun and its owner: a longer phrase («مدينة ملائمة للعيش») is
    /// paraphrased («أفضل المدن للمعيشة»), and an English relation noun's dictionary rendering may be another sense
    /// ("capital" is «رأسمال» to FreeDict), so English questions are not held to it, except an English count of
    /// something's ("population of brazil") when both words are rendered: a sentence giving a city's population
    /// («التي يبلغ عدد سكانها 700 ألف») without naming Brazil counts another place.
    /// </summary>
    public static bool RelationHolds(QuestionAnalysis question, IReadOnlySet<string> sentenceTerms) =>
        question.Kind == Core.Domain.QuestionKind.Who || !question.IsFactoid || question.HeadPhrase.Count != 2
        || (question.Language != Core.Domain.Languages.Arabic && !(question.Kind == Core.Domain.QuestionKind.HowMany && question.HeadPhrase.All(Rendered)))
        || question.HeadPhrase.All(word => word.In(sentenceTerms));

    /// <summary>A head word the sentence can carry: an Arabic one, or an English one the expanders rendered in Arabic.</summary>
    private static bool Rendered(HeadWord word) => word.Terms.Any(t => t.Length > 0 && Text.ArabicNormalizer.IsArabicLetter(t[0]));

    /// <summary>The window itself states the number, year or date, not merely an article of that year.</summary>
    public bool States(QuestionConstraint constraint) => constraint.Kind switch
    {
        ConstraintKind.Year => Dates.Any(d => d.Year == (int?)constraint.Value) || Numbers.Any(n => n.Value == constraint.Value),
        ConstraintKind.Date => constraint.Date is not { } asked || Dates.Any(d => SameDate(asked, d.Resolve(Published))),
        _ => Holds(constraint),
    };

    public bool Holds(QuestionConstraint constraint) => constraint.Kind switch
    {
        ConstraintKind.Name => constraint.Spellings.Any(SpelledHere),
        ConstraintKind.Number => Numbers.Any(n => n.Value == constraint.Value),
        // A year holds when stated, or when it is the year the article was published in ("this year's final"); a past
        // event of a year after the article's was not yet news (a 2018 story naming the 2020 election names a plan).
        ConstraintKind.Year => !(constraint.Reported && Published?.Year < (int?)constraint.Value)
            && (Dates.Any(d => d.Year == (int?)constraint.Value) || Numbers.Any(n => n.Value == constraint.Value) || Published?.Year == (int?)constraint.Value),
        // A month («بفبراير 2017») holds in an article of that month too, as a year does in an article of that year.
        ConstraintKind.Date => constraint.Date is not { } asked || Dates.Any(d => SameDate(asked, d.Resolve(Published)))
            || (asked is { Day: null, Weekday: null, Month: { } month } && Published is { } published && published.Month == month && (asked.Year ?? published.Year) == published.Year),
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

    private bool SpelledHere(Spelling spelling) => spelling.Words.All(word => NameVariants.Carries(word, Terms, spelling.Words.Count > 1, spelling.Approximate));

    /// <summary>
    /// For an Arabic relation question («ما عاصمة أستراليا؟»), some occurrence of the relation's noun has the owner as its
    /// complement: the owner right after it («عاصمة أستراليا», «العاصمة الأسترالية», «عاصمة لأستراليا»). Both words
    /// within two of each other is not enough: «اعتراف أستراليا بالقدس عاصمة لإسرائيل» names Israel's capital.
    /// </summary>
    public static bool OwnerIsComplement(QuestionAnalysis question, SentenceReading sentence)
    {
        if (question.Language != Core.Domain.Languages.Arabic || !question.IsFactoid || question.Kind is not (Core.Domain.QuestionKind.Where or Core.Domain.QuestionKind.What)
            || question.HeadPhrase.Count != 2) return true;
        var (noun, owner) = (question.HeadPhrase[0], question.HeadPhrase[1]);
        return !sentence.WordsMatching(owner.Terms).Any() || sentence.NounsOwnedBy(noun.Terms, owner.Terms).Any();
    }

    /// <summary>
    /// For a question that names a person and an office held («ليش استقال بوريس جونسون من رئاسة الحكومة», "when did
    /// merkel resign as chancellor"), the office must be the one the sentence gives that person: news attaches a title to
    /// its holder («وزير الخارجية بوريس جونسون»), and a sentence that names the person under another title speaks of
    /// another office, however many of the question's words it carries. A sentence that names the person without a title
    /// is not held to it. Who-questions check their role (<see cref="RoleHolds"/>), and a claim's office is part of the claim.
    /// </summary>
    /// <param name="window">The sentence's window (title, neighbours): where the sentence names the person bare, the
    /// office is the one its neighbours give them («قبلت استقالة وزير الخارجية بوريس جونسون»… «وشكر مكتب رئاسة الحكومة جونسون»).</param>
    /// <param name="readLines">Window lines already read for this question: neighbouring candidates share their lines and the title.</param>
    public static bool OfficeHolds(QuestionAnalysis question, SentenceReading sentence, string? window = null, Dictionary<string, SentenceReading>? readLines = null)
    {
        if (question.Kind is Core.Domain.QuestionKind.Who or Core.Domain.QuestionKind.Claim or Core.Domain.QuestionKind.List) return true;
        if (AskedOffice(question) is not { } office) return true;
        if (Titled(question, office, sentence) is { } held) return held;
        var language = question.Language == Core.Domain.Languages.English ? Core.Domain.Languages.Arabic : question.Language;
        foreach (var line in (window ?? "").Split('\n').Where(l => l.Length > 0 && l != sentence.Text))
        {
            if (readLines is null || !readLines.TryGetValue(line, out var reading))
            {
                reading = SentenceReading.Read(line, Text.Analysis.SearchAnalysis.Analyze(line, language), _ => false);
                readLines?.Add(line, reading);
            }
            if (Titled(question, office, reading) is { } heldNearby) return heldNearby;
        }
        return true;
    }

    /// <summary>How many times more often the evidence must give a person another office than the one asked to refuse the question.</summary>
    private const int OtherOfficeMajority = 3;

    /// <summary>
    /// For a question that gives a person an office («ليش استقال بوريس جونسون من رئاسة الحكومة»), whether the evidence
    /// titles that person, and seldom with the office asked: then the articles know them in another office (foreign
    /// secretary), and a sentence that names them bare («بعد استقالة بوريس جونسون») speaks of that office too, not of
    /// the one asked. A title read before a name may be another person's («وتشكر رئيسة الوزراء بوريس على عمله»), so one
    /// such reading does not outweigh many giving the person another office.
    /// </summary>
    public static bool OfficeMostlyOtherwise(QuestionAnalysis question, IEnumerable<SentenceReading> sentences)
    {
        if (question.Kind is Core.Domain.QuestionKind.Who or Core.Domain.QuestionKind.Claim or Core.Domain.QuestionKind.List) return false;
        if (AskedOffice(question) is not { } office) return false;
        var (asked, otherwise) = (0, 0);
        foreach (var sentence in sentences)
            switch (Titled(question, office, sentence))
            {
                case true: asked++; break;
                case false: otherwise++; break;
            }
        return otherwise > OtherOfficeMajority * asked;
    }

    /// <summary>Whether the sentence gives a question's person the office asked (null: it gives them no title).</summary>
    private static bool? Titled(QuestionAnalysis question, Office office, SentenceReading sentence)
    {
        var titled = false;
        foreach (var name in PersonNames(question))
        {
            foreach (var at in NameStarts(sentence, name))
                foreach (var title in TitlesOf(sentence, at))
                {
                    titled = true;
                    if (office.HeldBy(title)) return true;
                }
        }
        return titled ? false : null;
    }

    /// <summary>The office a question asks about: the title word («رئيس», «وزير», «مستشار») and the words that qualify it («الحكومة»).</summary>
    private sealed record Office(IReadOnlySet<string> Head, IReadOnlySet<string> Qualifiers)
    {
        /// <summary>A word of the question that is the office's own (its title or a qualifier).</summary>
        public bool Names(IReadOnlySet<string> word) => Equivalent(word).Overlaps(Head) || (Qualifiers.Count > 0 && word.Overlaps(Qualifiers));

        /// <summary>A title phrase holds the office when its head is the office's and, when both qualify it, some qualifier is shared.</summary>
        public bool HeldBy(IReadOnlyList<IReadOnlySet<string>> title)
        {
            if (!Equivalent(title[0]).Overlaps(Head)) return false;
            var qualifiers = title.Skip(1).SelectMany(Equivalent).ToHashSet(StringComparer.Ordinal);
            return Qualifiers.Count == 0 || qualifiers.Count == 0 || qualifiers.Overlaps(Qualifiers);
        }
    }

    /// <summary>
    /// Terms that name one office: «رئاسة» (the office) is held by a «رئيس», and news calls a prime minister «رئيس الوزراء»
    /// and «رئيس الحكومة» alike.
    /// </summary>
    private static HashSet<string> Equivalent(IEnumerable<string> terms)
    {
        var all = new HashSet<string>(terms, StringComparer.Ordinal);
        foreach (var term in all.ToList())
        {
            if (term.StartsWith("رياس", StringComparison.Ordinal) || term.StartsWith("رييس", StringComparison.Ordinal)) all.UnionWith(["رييس", "رياس"]);
            if (term is "حكوم" or "حكومه" or "حكومت" or "وزراء" or "زراء") all.UnionWith(["حكوم", "حكومه", "وزراء", "زراء"]);
        }
        return all;
    }

    private static readonly HashSet<string> EnglishOffices =
    [
        "president", "minister", "premier", "chancellor", "king", "queen", "prince", "emir", "ambassador", "governor", "mayor", "secretary",
        "spokesman", "spokeswoman", "coach", "manager", "leader", "chairman", "ceo", "director", "envoy",
    ];

    /// <summary>A title a person holds («رئيس», «وزير»), in the evidence.</summary>
    private static bool IsTitle(string term) => NewsLexicon.Titles.Contains(term);

    /// <summary>An office named in a question: a holder's title, or the office itself («رئاسة الحكومة»), which in the
    /// evidence names the institution («مكتب رئاسة الحكومة») rather than a person's title.</summary>
    private static bool IsOffice(string term) => IsTitle(term) || term.StartsWith("رياس", StringComparison.Ordinal);

    /// <summary>Read once per question: every candidate sentence is checked against it.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<QuestionAnalysis, StrongBox<Office?>> Offices = new();

    private static Office? AskedOffice(QuestionAnalysis question) => Offices.GetValue(question, q => new StrongBox<Office?>(ReadOffice(q))).Value;

    private static Office? ReadOffice(QuestionAnalysis question)
    {
        if (question.Language == Core.Domain.Languages.Arabic)
        {
            var tokens = Text.Tokens.WordTokenizer.Tokenize(question.Focus);
            var words = tokens.Select(t => (IReadOnlySet<string>)Text.Analysis.SearchAnalysis.Terms(question.Focus.Substring(t.Start, t.Length), Core.Domain.Languages.Arabic)
                .ToHashSet(StringComparer.Ordinal)).ToList();
            var head = words.FindIndex(w => w.Any(IsOffice));
            if (head < 0) return null;
            // The definite words after the title qualify it («رئاسة الحكومة البريطانية»), up to two of them.
            var qualifiers = Enumerable.Range(head + 1, Math.Min(2, words.Count - head - 1))
                .TakeWhile(i => Text.Tokens.ArabicWordForms.IsDefinite(tokens[i].Folded) && !words[i].Any(IsOffice))
                .SelectMany(i => words[i]).ToHashSet(StringComparer.Ordinal);
            return new Office(Equivalent(words[head]), Equivalent(qualifiers));
        }
        // An English office reaches the evidence through its Arabic renderings ("prime minister" → «رئيس الوزراء»): the
        // group of an office word whose rendering holds a title word. Other words rendered by a title («مساعد» for
        // "help") name no office.
        var offices = Text.Tokens.WordTokenizer.Tokenize(question.Focus).Where(t => EnglishOffices.Contains(t.Folded))
            .SelectMany(t => Text.Analysis.SearchAnalysis.Terms(question.Focus.Substring(t.Start, t.Length), Core.Domain.Languages.English)).ToHashSet(StringComparer.Ordinal);
        for (var g = 0; g < question.Words.Count && offices.Count > 0; g++)
        {
            if (!question.Words[g].Overlaps(offices)) continue;
            var arabic = question.Words[g].Where(t => t.Length > 0 && Text.ArabicNormalizer.IsArabicLetter(t[0])).ToList();
            if (!arabic.Any(IsTitle) || PersonNames(question).Any(c => c.Spellings.Any(sp => sp.Words.Any(w => w.Overlaps(arabic))))) continue;
            return new Office(Equivalent(arabic.Where(IsTitle)), Equivalent(arabic.Where(t => !IsTitle(t))));
        }
        return null;
    }

    /// <summary>The question's names that may be a person's: not a place, organisation, event, office or nationality the gazetteer knows.</summary>
    private static IReadOnlyList<QuestionConstraint> PersonNames(QuestionAnalysis question) =>
        Persons.GetValue(question, q => [.. q.Constraints.Where(c => c.Kind == ConstraintKind.Name && KnownNames.KindOf(c.Text) is null or NameKind.Person or NameKind.GivenName or NameKind.Unspecified)]);

    /// <summary>Read once per question, as <see cref="Offices"/>: every candidate sentence asks for them, and each gazetteer look-up tokenizes the name.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<QuestionAnalysis, List<QuestionConstraint>> Persons = new();

    /// <summary>
    /// The sentence itself names one of the question's names, when it sets any: for an answer that has no short answer to
    /// show, only the quote, which must then speak of whom or what the question asks about. A sentence whose window
    /// alone names them speaks of something around them ("kim's favourite food" is not answered by a lunch of cold
    /// noodles eaten the day of his summit, in a story on the summit).
    /// </summary>
    public static bool QuoteNamesTheSubject(QuestionAnalysis question, IReadOnlySet<string> sentenceTerms)
    {
        var names = question.Constraints.Where(c => c.Kind == ConstraintKind.Name).ToList();
        if (names.Count == 0) return true;
        var sentence = new EvidenceWindow(sentenceTerms, [], [], null);
        return names.Any(sentence.Holds);
    }

    /// <summary>
    /// A what-question asking for a property of someone ("what is kim's favourite food", "what kind of world…") is
    /// answered by a window that names that property (by any rendering), or the window tells of something else the
    /// question's names did. A noun the question's verb takes ("what gift did putin give kim") is not checked: the
    /// answer names an instance («بندقية»), seldom the kind; in Arabic a relative clause says the same («ما الهدية التي
    /// قدمها…», «ما الذي تمناه كيم…», whose head phrase opens with the verb). A noun with no Arabic rendering asks
    /// nothing of the window.
    /// </summary>
    public static bool AskedNounHolds(QuestionAnalysis question, IReadOnlySet<string> windowTerms)
    {
        if (question.Kind != Core.Domain.QuestionKind.What || question.IsFactoid) return true;
        if (question.Language == Core.Domain.Languages.Arabic)
            return RelativeClause(question.Question) || question.NamedNoun is not null || question.HeadPhrase.Count < 2
                || question.HeadPhrase[0].In(windowTerms) || !Rendered(question.HeadPhrase[0]);
        if (AskedNoun(question.Question) is not { } noun) return true;
        var terms = Text.Analysis.SearchAnalysis.Terms(noun, Core.Domain.Languages.English).ToList();
        for (var g = 0; g < question.Words.Count; g++)
        {
            var group = question.Words[g];
            if (!terms.Any(group.Contains) || question.Words.IsValue(g)) continue;
            if (!group.Any(t => t.Length > 0 && Text.ArabicNormalizer.IsArabicLetter(t[0]))) return true;
            return group.Overlaps(windowTerms);
        }
        return true;
    }

    private static readonly HashSet<string> ArabicRelatives =
        new[] { "الذي", "التي", "الذين", "اللي", "يلي", "إللي" }.SelectMany(w => Text.Tokens.WordTokenizer.Tokenize(w)).Select(t => t.Folded).ToHashSet(StringComparer.Ordinal);

    private static bool RelativeClause(string question) =>
        Text.Tokens.WordTokenizer.Tokenize(question).Any(t => ArabicRelatives.Contains(t.Folded));

    private static readonly HashSet<string> EnglishFrameWords =
        ["is", "are", "was", "were", "s", "did", "does", "do", "has", "have", "had", "will", "would", "can", "could", "happened", "happens", "the", "a", "an"];

    /// <summary>
    /// The noun an English what-question asks for: the word after "what"/"which" ("what car does…"), or after a
    /// possessive the last word of its phrase ("what is lavrov's favourite football team").
    /// </summary>
    private static string? AskedNoun(string question)
    {
        var words = Text.Tokens.WordTokenizer.Tokenize(question).Select(t => t.Folded).ToList();
        var at = words.FindIndex(w => w is "what" or "which" or "whats" or "what's");
        if (at < 0 || at + 1 >= words.Count) return null;
        // "what kind of world…": the noun after the kind.
        var next = at + 1;
        if (next + 2 < words.Count && words[next] is "kind" or "kinds" or "type" or "types" or "sort" or "sorts" && words[next + 1] == "of") next += 2;
        if (next > at + 1 && !EnglishFrameWords.Contains(words[next])) return words[next];
        // "kim's" is one word; "what's" too, and "what s" when typed apart.
        var possessive = words.FindIndex(at + 1, w => w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal));
        if (possessive < 0) return null;
        string? noun = null;
        for (var i = possessive + 1; i < words.Count && !(words[i] is "in" or "at" or "on" or "for" or "of" or "to" or "during" or "with" or "from" or "by" or "about"); i++) noun = words[i];
        return noun;
    }

    /// <summary>Where the name's first word stands in the sentence, by any of its spellings.</summary>
    private static IEnumerable<int> NameStarts(SentenceReading sentence, QuestionConstraint name)
    {
        var firsts = name.Spellings.Where(sp => sp.Words.Count > 0).Select(sp => sp.Words[0]).ToList();
        for (var i = 0; i < sentence.Tokens.Count; i++)
            if (firsts.Any(first => sentence.TermsOf(i).Any(first.Contains))) yield return i;
    }

    /// <summary>
    /// The title phrases attached to the name starting at word <paramref name="at"/>, each as its words' terms: the title
    /// right before it («وزير الخارجية البريطاني بوريس جونسون», also after a comma), or after it behind a comma
    /// («بوريس جونسون، وزير الخارجية»).
    /// </summary>
    private static IEnumerable<IReadOnlyList<IReadOnlySet<string>>> TitlesOf(SentenceReading s, int at)
    {
        var t = s.Tokens;
        // Back over the qualifiers to the title word; the name's own first word may follow a comma.
        for (var k = at - 1; k >= 0 && at - k <= 4; k--)
        {
            if (k + 1 < at && t[k + 1].BreakBefore) break;
            if (s.TermsOf(k).Any(IsTitle) || NewsLexicon.Has(NewsLexicon.Titles, t[k].Folded))
            {
                yield return Enumerable.Range(k, at - k).Select(i => (IReadOnlySet<string>)s.TermsOf(i).ToHashSet(StringComparer.Ordinal)).ToList();
                break;
            }
            if (!Text.Tokens.ArabicWordForms.IsDefinite(t[k].Folded)) break;
        }
        // «استقالة بوريس جونسون من منصبه كوزير للخارجية»: the office the clause gives the name, "as" attached to the title.
        for (var k = at + 1; k < t.Count && k - at <= 6 && !t[k].BreakBefore; k++)
        {
            if (t[k].Folded.Length < 4 || t[k].Folded[0] != 'ك' || !NewsLexicon.Titles.Contains(t[k].Folded[1..])) continue;
            var stop = k + 1;
            while (stop < t.Count && stop - k < 3 && !t[stop].BreakBefore && Text.Tokens.ArabicWordForms.IsDefinite(t[stop].Folded)) stop++;
            yield return Enumerable.Range(k, stop - k)
                .Select(i => (IReadOnlySet<string>)s.TermsOf(i).Append(i == k ? t[k].Folded[1..] : t[i].Folded).ToHashSet(StringComparer.Ordinal)).ToList();
            break;
        }
        // After the name, the title opening the apposition, behind a comma or not («بوريس جونسون وزير خارجية بريطانيا»):
        // the title, the word it governs and the definite words that qualify it.
        for (var k = at + 1; k < t.Count && k - at <= 3; k++)
        {
            if (!(s.TermsOf(k).Any(IsTitle) || NewsLexicon.Has(NewsLexicon.Titles, t[k].Folded)))
            {
                if (t[k].BreakBefore) break;
                continue;
            }
            var stop = k + 1;
            if (stop < t.Count && !t[stop].BreakBefore) stop++;
            while (stop < t.Count && stop - k < 4 && !t[stop].BreakBefore && Text.Tokens.ArabicWordForms.IsDefinite(t[stop].Folded)) stop++;
            yield return Enumerable.Range(k, stop - k).Select(i => (IReadOnlySet<string>)s.TermsOf(i).ToHashSet(StringComparer.Ordinal)).ToList();
            break;
        }
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
