using QABot.Answering.Extractive;
using QABot.Answering.TimeScope;
using QABot.Core.Answering;
using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Retrieval.CrossLingual;
using QABot.Text;
using QABot.Text.Analysis;
using QABot.Text.Dates;
using QABot.Text.Numbers;
using QABot.Text.Outlets;
using QABot.Text.Tokens;

namespace QABot.Answering.Understanding;

/// <summary>
/// Turns a question into a <see cref="QuestionAnalysis"/>: its kind and expected answer type (<see cref="QuestionForms"/>),
/// its publication window, and the words and constraints the evidence must carry. English words get their Arabic
/// alternatives from the query planner's expanders (dictionary, gazetteer, transliteration) once, here, so the answerer
/// never goes back to them word by word.
/// </summary>
/// <param name="outlets">The outlets a question may name («ماذا نشرت BBC…»); without it no question filters by outlet.</param>
/// <param name="gazetteer">The news names an Arabic question may carry («بوتين», «كوريا الشمالية»): each one found must be
/// in the evidence, as for an English question's names. Without it only Latin words in an Arabic question are names.</param>
/// <param name="dictionary">The English→Arabic dictionary: a lower-case organisation or event the gazetteer knows whose
/// words are all common English ("telegram", "world cup") is not held to be written as a name.</param>
public sealed class QuestionAnalyzer(IQueryPlanner planner, OutletCatalog? outlets = null, Gazetteer? gazetteer = null, FreeDictDictionary? dictionary = null)
{
    /// <summary>Built on the first Arabic question that needs it: English-only use never pays for it.</summary>
    private readonly Lazy<ReverseGazetteer?> _names = new(() => gazetteer is null ? null : ReverseGazetteer.Build(gazetteer), LazyThreadSafetyMode.ExecutionAndPublication);

    public async Task<QuestionAnalysis> AnalyzeAsync(string question, DateTimeOffset now, bool isClaim = false, CancellationToken cancellationToken = default)
    {
        var language = LanguageDetector.Detect(question);
        var form = QuestionForms.Read(question, language);
        var kind = isClaim ? QuestionKind.Claim : form.Kind;
        // Dialect words are read as the standard Arabic news writes them (question words were read above, as written).
        var text = language == Languages.Arabic ? ArabicDialect.ToStandard(question[form.FrameEnd..]) : question[form.FrameEnd..];

        // A claim's outlet and dates are part of what it states, not filters on publication.
        var outlet = kind == QuestionKind.Claim ? null : await OutletNamedAsync(text, cancellationToken);
        if (outlet is not null) text = text.Remove(outlet.Start, outlet.Length);
        var window = kind == QuestionKind.Claim ? null : TimeScopeExtractor.Extract(text, now);
        var focus = window is null ? text : TimeScopeExtractor.Without(text, window);
        // A request for articles is one when it names a period or an outlet; «ماذا حدث؟» alone asks about an event.
        // What is left once the request's own words go («نشرت», "articles", "list") is the topic their titles name.
        if (form.AsksForArticles && (window is not null || outlet is not null))
        {
            kind = QuestionKind.List;
            focus = QuestionForms.WithoutArticleRequestWords(focus);
        }

        var words = new QueryTermGroups();
        var predicate = new QueryTermGroups();
        var constraints = new List<QuestionConstraint>();
        // "When did Putin last visit North Korea before the Pyongyang summit?": the clause after "before" names a
        // point of reference, not what the answer's sentence must say.
        var reference = kind == QuestionKind.When ? ReferenceClauseStart(focus) : focus.Length;
        IReadOnlyList<HeadWord> head;
        HeadWord? counted = null;
        var countedRendered = false;
        if (language == Languages.English)
        {
            // One expansion of the whole focus: the expanders find phrases ("prime minister", "World Cup") that
            // word-by-word lookups would split, and tag every Arabic alternative with the English words it renders.
            var expansions = await planner.ExpandAsync(focus, cancellationToken);
            var byConcept = expansions.GroupBy(e => Concept(e.Origin), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            AddEnglish(focus, reference, byConcept, words, predicate, constraints, form.AsksAge, IsHardName);
            head = form.HeadPhrase.Select(word => EnglishHeadWord(word, byConcept)).ToList();
            if (form.CountedNoun is { } noun)
            {
                counted = EnglishHeadWord(noun, byConcept);
                // A transliterated guess ("emoji" → «اموج») is not how the text names what it counts («رمزا تعبيريا»).
                countedRendered = byConcept.GetValueOrDefault(noun.ToLowerInvariant())?.Any(e => !e.Origin.StartsWith(ExpansionOrigin.Transliteration + ":", StringComparison.Ordinal)) == true
                    || NewsSenses.For(noun.ToLowerInvariant()).Any();
            }
        }
        else
        {
            AddArabic(focus, reference, words, predicate, constraints);
            head = form.HeadPhrase.Select(word =>
            {
                var terms = WithNisba(Terms(word, Languages.Arabic));
                return new HeadWord(terms, [new Spelling([terms])]);
            }).ToList();
            if (form.CountedNoun is { } noun && Terms(noun, Languages.Arabic) is { Count: > 0 } nounTerms)
                counted = new HeadWord(nounTerms, [new Spelling([nounTerms])]);
        }
        if (head.Any(h => h.Terms.Count == 0)) head = [];
        AddNumbers(focus, constraints, MayBeAhead(question[form.FrameEnd..]));

        return new QuestionAnalysis
        {
            Question = question,
            Language = language,
            Kind = kind,
            ExpectedType = kind == QuestionKind.Claim ? AnswerType.Unknown : form.Type,
            IsYesNo = form.IsYesNo,
            Focus = focus,
            // The outlet is a filter: its name in the search would only find articles that mention it.
            SearchText = kind == QuestionKind.Claim || outlet is not null ? focus : reference < focus.Length ? focus[..reference] : question[..form.FrameEnd] + text,
            Words = words,
            Predicate = predicate,
            Constraints = constraints,
            HeadPhrase = head,
            AskedUnit = form.Unit,
            CountedNoun = counted is { Terms.Count: > 0 } ? counted : null,
            CountedNounRendered = countedRendered,
            AsksAge = form.AsksAge,
            NamedNoun = form.NamedNoun is { } named && Terms(named, Languages.Arabic) is { Count: > 0 } namedTerms ? namedTerms : null,
            AsksPublicationDate = form.AboutPublication,
            AsksForecast = kind is not (QuestionKind.Claim or QuestionKind.List) && window is null && AsksForecast(question[form.FrameEnd..])
                && !constraints.Any(c => c.Kind is ConstraintKind.Year or ConstraintKind.Date),
            PublicationWindow = window,
            OutletMention = outlet?.Text,
            OutletSources = outlet?.Sources,
        };
    }

    /// <summary>
    /// The first outlet the text names that the index holds articles from. An outlet the index has nothing from is no
    /// filter: its name stays a word of the question.
    /// </summary>
    private async Task<OutletMention?> OutletNamedAsync(string text, CancellationToken cancellationToken) =>
        outlets is null ? null : (await outlets.FindMentionsAsync(text, cancellationToken)).FirstOrDefault(m => m.Sources.Count > 0);

    /// <summary>
    /// A follow-up ("and when was that?", «ومن قال ذلك؟») in either language: its own kind, the previous question's words
    /// and constraints (a new name in the follow-up replaces the previous ones), its own language for the answer.
    /// </summary>
    public static QuestionAnalysis FollowUp(QuestionAnalysis current, QuestionAnalysis previous)
    {
        var words = new QueryTermGroups();
        words.AddAll(previous.Words);
        words.AddAll(current.Words);
        var names = current.Constraints.Any(c => c.Kind == ConstraintKind.Name);
        var constraints = current.Constraints.Concat(previous.Constraints.Where(c => !names || c.Kind != ConstraintKind.Name)).ToList();
        var ownKind = current.Kind is not QuestionKind.Other;
        return current with
        {
            Kind = ownKind ? current.Kind : previous.Kind,
            ExpectedType = ownKind ? current.ExpectedType : previous.ExpectedType,
            AskedUnit = current.AskedUnit ?? (ownKind ? null : previous.AskedUnit),
            Focus = previous.Focus + "\n" + current.Focus,
            Words = words,
            Constraints = constraints,
            PublicationWindow = current.PublicationWindow ?? previous.PublicationWindow,
            OutletMention = current.OutletMention ?? previous.OutletMention,
            OutletSources = current.OutletSources ?? previous.OutletSources,
        };
    }

    /// <summary>Words of a reference clause weigh this much of an ordinary word.</summary>
    private const double ReferenceTrust = 0.3;

    /// <summary>
    /// The words of a month the question states («بأكتوبر 2018», "in september 2023") weigh this much of an ordinary
    /// word: they are a constraint, checked on its own against what the window states and the month the article was
    /// published in (a story of that month says «الاثنين», not the month), so as words to cover they would count twice.
    /// A year alone ("emoji for 2018") is often the text's own word and keeps its weight.
    /// </summary>
    private const double DateWordTrust = 0.3;

    /// <summary>Where the months (with their day or year) of a text stand.</summary>
    private static List<(int Start, int End)> DateSpans(string text) =>
        DateExpressions.Find(WordTokenizer.Tokenize(text)).Where(d => d.Month is not null).Select(d => (d.Start, d.Start + d.Length)).ToList();

    /// <summary>Where a clause of temporal reference starts («قبل قمة بيونغ يانغ», "after the summit"), or the end of the text.</summary>
    private static int ReferenceClauseStart(string focus)
    {
        foreach (var token in WordTokenizer.Tokenize(focus))
        {
            var word = token.Folded.Length > 3 && token.Folded[0] == 'و' ? token.Folded[1..] : token.Folded;
            if (word is "before" or "after" or "since" or "until" or "following" or "قبل" or "بعد" or "منذ" or "عقب" or "اثر" or "حتي") return token.Start;
        }
        return focus.Length;
    }

    private void AddArabic(string focus, int reference, QueryTermGroups words, QueryTermGroups predicate, List<QuestionConstraint> constraints)
    {
        var dates = DateSpans(focus);
        // «شو اسم الفيلم…»: «اسم» names what is asked, as "name" in English (a stop word there); the text gives the
        // name itself, seldom the word.
        var names = WordTokenizer.Tokenize(focus).Where(t => ArabicWordForms.Bare(t.Folded) == "اسم").Select(t => t.Start).ToHashSet();
        words.AddArabic(focus, offset => offset >= reference ? ReferenceTrust : names.Contains(offset) ? 0 : dates.Any(d => offset >= d.Start && offset < d.End) ? DateWordTrust : 1.0,
            ArabicDialect.Senses);
        var named = AddArabicNames(focus[..reference], constraints);
        AddArabicPredicate(focus[..reference], named, predicate);
        // Latin words inside an Arabic question are names or acronyms (NATO, BBC, iPhone): they must be in the evidence.
        foreach (var token in WordTokenizer.Tokenize(focus).Where(t => t.Start < reference && !t.IsNumber && t.Folded.Length >= 2 && t.Folded.All(char.IsAsciiLetter)))
        {
            var text = focus.Substring(token.Start, token.Length);
            var spellings = new List<Spelling> { SpellingOf(text, Languages.English) };
            spellings.AddRange(Transliterator.Transliterate(text).Select(v => SpellingOf(v, Languages.Arabic, approximate: true)));
            constraints.Add(new QuestionConstraint(ConstraintKind.Name, text, spellings.Where(s => s.Words.Count > 0).ToList()));
        }
    }

    /// <summary>What a name must be to constrain the evidence: a titled office, a nationality or a month may be paraphrased.</summary>
    private static readonly HashSet<NameKind> ConstrainingKinds = [NameKind.Person, NameKind.Place, NameKind.Organization, NameKind.Event];

    /// <summary>
    /// Names the gazetteer knows in an Arabic question («بوتين», «كيم جونغ أون», «البحر الأسود»), longest first, with or
    /// without an attached «و»/«ب»/«ل»: each becomes a name constraint whose accepted spellings are the entry's Arabic
    /// variants, a near miss of one letter included (the press spells «بيلوسوف» and «بيلؤوسوف»).
    /// </summary>
    /// <returns>The folded words of every name found, of any kind (an office, a nationality, a month too).</returns>
    private HashSet<string> AddArabicNames(string text, List<QuestionConstraint> constraints)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        if (_names.Value is not { } names) return named;
        var words = ArabicWords.Split(text);
        for (var i = 0; i < words.Count;)
        {
            var found = 0;
            var canStartName = words[i].IsArabic && !QuestionForms.IsArabicFunctionWord(words[i].Folded);
            for (var length = Math.Min(names.MaxWords, words.Count - i); canStartName && length >= 1 && found == 0; length--)
            {
                var rest = words.Skip(i + 1).Take(length - 1).Select(w => w.Folded).ToList();
                foreach (var reading in ArabicWords.Readings(words[i].Folded))
                {
                    var key = string.Join(' ', rest.Prepend(reading.Folded));
                    if (names.Find(key) is not { } entry || entry.Kind == NameKind.Noun) continue;
                    named.UnionWith(words.Skip(i).Take(length).Select(w => w.Folded));
                    found = length;
                    if (!ConstrainingKinds.Contains(entry.Kind)) break;
                    var written = string.Join(' ', words.Skip(i).Take(length).Select(w => w.Text));
                    var spellings = entry.Arabic.Prepend(key)
                        .Select(a => SpellingOf(a, Languages.Arabic, approximate: true)).Where(sp => sp.Words.Count > 0).ToList();
                    if (spellings.Count > 0 && !constraints.Any(c => c.Kind == ConstraintKind.Name && c.Text == written))
                        constraints.Add(new QuestionConstraint(ConstraintKind.Name, written, spellings));
                    break;
                }
            }
            i += Math.Max(1, found);
        }
        return named;
    }

    /// <summary>The Arabic question's words that say what it asks about its names (<see cref="QuestionAnalysis.Predicate"/>).</summary>
    private static void AddArabicPredicate(string text, HashSet<string> named, QueryTermGroups predicate)
    {
        foreach (var word in SearchAnalysis.Analyze(text, Languages.Arabic).GroupBy(t => t.Position))
        {
            var first = word.First();
            var written = text[first.StartOffset..first.EndOffset];
            var folded = ArabicWords.Fold(written);
            if (QuestionForms.IsArabicFunctionWord(folded) || named.Contains(folded) || NumberExpressions.Parse(written) is not null
                || QuestionForms.IsAnswerTypeNoun(written) || DeicticTimeWords.Contains(folded) || !folded.All(ArabicNormalizer.IsArabicLetter)) continue;
            predicate.Add(word.Select(t => t.Text).Concat(VerbVariants(folded).SelectMany(v => SearchAnalysis.Terms(v, Languages.Arabic))).Concat(ArabicDialect.Senses(folded)), 1.0);
        }
    }

    /// <summary>
    /// A dialect or inflected verb as news would write its stem: the present-tense «ب» of Levantine and Egyptian («بيقول»
    /// → «يقول»), the passive «ان» of Egyptian («انوقعت» → «وقعت»), the feminine past «ت» («انسحبت» → «انسحب», which
    /// then shares its consonants with «انسحاب»). The light stemmer leaves all three.
    /// </summary>
    private static IEnumerable<string> VerbVariants(string folded)
    {
        var forms = new List<string> { folded };
        if (folded.Length >= 5 && folded[0] == 'ب' && folded[1] is 'ي' or 'ت' or 'ن' or 'ا') forms.Add(folded[1..]);
        if (folded.Length >= 6 && folded.StartsWith("ان", StringComparison.Ordinal) && folded[2] is 'و' or 'ق' or 'ك' or 'ع' or 'ب' or 'ح' or 'ف' or 'ج' or 'د' or 'ش' or 'ط') forms.Add(folded[2..]);
        foreach (var form in forms.ToList())
            if (form.Length >= 5 && form[^1] == 'ت') forms.Add(form[..^1]);
        return forms.Skip(1);
    }

    /// <summary>
    /// English verbs that carry grammar more than topic ("took part", "take place", "made a visit"): their dictionary
    /// renderings («أخذ», «جزء») match unrelated sentences, so a sentence lacking them loses little.
    /// </summary>
    private static readonly HashSet<string> LightVerbs =
    [
        "take", "takes", "took", "taken", "taking", "make", "makes", "made", "making", "get", "gets", "got", "gotten", "go", "goes", "went", "gone",
        "come", "comes", "came", "put", "puts", "set", "keep", "kept", "happen", "happens", "happened", "occur", "occurred", "place", "part", "say", "said",
        "tell", "told", "know", "known", "think", "like", "want", "need", "use", "used", "give", "gave", "given", "mean", "meant", "thing", "things", "really",
    ];

    /// <summary>
    /// Words that place the question in time relative to now ("tomorrow", «غدا»): a story's «غدا» is its own tomorrow,
    /// so they say nothing of what the question asks ("weather in riyadh tomorrow?" is about the weather).
    /// </summary>
    private static readonly HashSet<string> DeicticTimeWords =
    [
        "tomorrow", "today", "tonight", "yesterday", "now", "currently", "right",
        "غدا", "بكره", "بكرا", "بكرة", "اليوم", "امس", "مبارح", "امبارح", "الان", "هلا", "الحين", "توا",
    ];

    /// <summary>Words that ask for what is yet to come: the weather and its forecast, tomorrow.</summary>
    private static readonly HashSet<string> ForecastWords =
        ["tomorrow", "tomorrows", "tonight", "forecast", "forecasts", "weather", "غدا", "بكره", "بكرا", "بكرة", "الطقس", "طقس", "بالطقس"];

    private static bool AsksForecast(string question) => HasWord(question, ForecastWords, "وف");

    /// <summary>Whether a word of <paramref name="text"/> is one of <paramref name="words"/>, also behind an attached conjunction of <paramref name="conjunctions"/>.</summary>
    private static bool HasWord(string text, HashSet<string> words, string conjunctions) =>
        WordTokenizer.Tokenize(text).Any(t => words.Contains(t.Folded) || (t.Folded.Length > 3 && conjunctions.Contains(t.Folded[0]) && words.Contains(t.Folded[1..])));

    /// <summary>
    /// Whether a lower-case run the gazetteer knows as a whole is a name the evidence must write: a person or a place
    /// ("putin", "pyongyang"), an organisation or event unless each of its words is a common English word ("telegram",
    /// "world cup", "news agency" are asked about in everyday words the text paraphrases; "caf", "uefa" are names). An
    /// office, a nationality or a common noun is never one, as in an Arabic question.
    /// </summary>
    private bool IsHardName(string key)
    {
        if (gazetteer?.Find(key) is not { } entry) return true;
        if (!ConstrainingKinds.Contains(entry.Kind)) return false;
        if (entry.Kind is NameKind.Person or NameKind.Place || dictionary is not { IsAvailable: true }) return true;
        return !key.Split(' ').All(word => dictionary.Lookup(word).Count > 0);
    }

    /// <summary>
    /// English words that carry the question's tone or grammar, not its topic ("really", "together", "during", "get"):
    /// their dictionary renderings («حقا», «سوية», «أصبح») are in no answering sentence, so as words to cover they only
    /// lower the coverage of the article that answers.
    /// </summary>
    private static readonly HashSet<string> EnglishNoiseWords =
    [
        "really", "actually", "together", "during", "ever", "even", "still", "already", "exactly", "basically", "anyway", "apparently", "supposedly",
        "get", "gets", "got", "gotten", "getting", "going", "gonna", "like", "ok", "okay", "pls", "please", "hey", "guys", "know", "wondering", "wonder",
    ];

    /// <param name="asksAge">"How old…": its "old" asks for an age, which news never states as «قديم».</param>
    /// <param name="isHardName">For a lower-case run the gazetteer knows, whether it is a name the evidence must write.</param>
    private static void AddEnglish(string focus, int reference, Dictionary<string, List<WeightedPhrase>> byConcept, QueryTermGroups words, QueryTermGroups predicate, List<QuestionConstraint> constraints,
        bool asksAge = false, Func<string, bool>? isHardName = null)
    {
        // Consecutive capitalised words are one name ("Kim Jong Un"): the name is evidence, not each of its parts.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var tokens = EnglishQuestion.Tokenize(focus);
        // "Who Founded Studio Ghibli?", "WHO WON THE CUP": when no content word is in lower case, capitals tell no name;
        // the gazetteer does, as in a question typed all in lower case.
        if (!tokens.Any(t => !t.IsNumber && !t.IsStopWord && char.IsLower(t.Text[0]))) tokens = EnglishQuestion.Tokenize(focus.ToLowerInvariant());
        var referenceWord = EnglishQuestion.Tokenize(focus[..reference]).Count;
        // The words of the months the question states ("in september 2023"): constraints, weighed lightly as words.
        var dateWords = DateSpans(focus).SelectMany(d => WordTokenizer.Tokenize(focus[d.Start..d.End])).Select(t => t.Folded).ToHashSet(StringComparer.Ordinal);
        foreach (var (run, capitalized) in GazetteerRuns(EnglishContentRuns(tokens).ToList(), byConcept))
        {
            var phrase = string.Join(' ', run.Select(t => t.Text));
            var key = phrase.ToLowerInvariant();
            if (!seen.Add(key)) continue;
            if (run.Count == 1 && EnglishNoiseWords.Contains(key)) continue;
            var inDate = run.All(t => dateWords.Contains(t.Lower));
            var english = Terms(phrase, Languages.English);
            if (run.All(t => t.IsNumber) || (run.Count == 1 && NumberExpressions.Parse(run[0].Text) is not null))
            {
                words.Add(english.Concat(byConcept.GetValueOrDefault(key, []).SelectMany(p => SearchAnalysis.Terms(p.Text, Languages.Arabic))), inDate ? DateWordTrust : QueryTermGroups.NameTrust, isValue: true);
                continue;
            }
            // The alternatives rendering this run: for the run as a whole, for a phrase it belongs to, or for its words.
            var own = byConcept.Where(c => Covers(key, c.Key)).SelectMany(c => c.Value).ToList();
            // A lower-case word is a name when the gazetteer knows it as a whole ("putin"), not as part of a title ("defence minister").
            var known = own.Any(e => e.Origin == "gazetteer:" + key) && (capitalized || isHardName?.Invoke(key) != false);
            // "How old" names what is asked, an age, as "how many" does: the answer's unit (years) is sought by the span
            // finder, and as a word to cover it would count every age in the passages as evidence.
            if (asksAge && key == "old") continue;
            // A guessed transliteration's g may be any of the letters the press writes it with («غيبلي», «جيبلي»).
            var guessed = own.Where(e => e.Origin.StartsWith(ExpansionOrigin.Transliteration + ":", StringComparison.Ordinal)).SelectMany(e => NameVariants.OtherGs(e.Text));
            var arabic = own.Select(p => p.Text).Concat(guessed).SelectMany(text => SearchAnalysis.Terms(text, Languages.Arabic)).Concat(NewsSenses.For(key)).Distinct(StringComparer.Ordinal).ToList();
            var inReference = run[0].Position >= referenceWord;
            var isName = (capitalized || known) && !inReference;
            // A name the gazetteer renders is rendered reliably, whether or not the text must write it as a name.
            var rendered = isName || own.Any(e => e.Origin == "gazetteer:" + key);
            var trust = inReference ? ReferenceTrust
                : inDate ? DateWordTrust
                : arabic.Count == 0 ? QueryTermGroups.UntranslatedTrust
                : rendered ? QueryTermGroups.NameTrust
                : run.Count == 1 && LightVerbs.Contains(key) ? QueryTermGroups.UntranslatedTrust
                : QueryTermGroups.DictionaryWordTrust;
            words.Add(english.Concat(arabic), trust);
            // A known name in lower case ("putin"), a nationality or an office is not what is asked about it.
            var gazetteerWord = own.Any(e => e.Origin.StartsWith("gazetteer:", StringComparison.Ordinal) && Covers(key, Concept(e.Origin)));
            // "What gift…", "which city…": the noun after the question word names what is asked, not what must have happened.
            var namesTheAnswer = run[0].Position > 0 && tokens[run[0].Position - 1].Lower is "what" or "which";
            if (!isName && !gazetteerWord && !namesTheAnswer && trust >= QueryTermGroups.DictionaryWordTrust && !QuestionForms.IsAnswerTypeNoun(key) && !DeicticTimeWords.Contains(key))
                predicate.Add(english.Concat(arabic), trust);
            if (!isName) continue;
            // Every Arabic rendering the expanders know is an accepted spelling of the name, its English form too.
            var spellings = own
                .Select(e => SpellingOf(e.Text, Languages.Arabic, approximate: e.Origin.StartsWith(ExpansionOrigin.Transliteration + ":", StringComparison.Ordinal)))
                .Prepend(SpellingOf(phrase, Languages.English))
                .Where(s => s.Words.Count > 0).ToList();
            if (spellings.Count > 0) constraints.Add(new QuestionConstraint(ConstraintKind.Name, phrase, spellings));
        }
    }

    /// <summary>"dictionary:prime minister" → "prime minister": the English words an expansion renders.</summary>
    private static string Concept(string origin)
    {
        var colon = origin.IndexOf(':');
        return (colon < 0 ? origin : origin[(colon + 1)..]).ToLowerInvariant();
    }

    /// <summary>True when the concept renders the run, a phrase containing it, or one of its words.</summary>
    private static bool Covers(string run, string concept)
    {
        if (concept == run) return true;
        var runWords = run.Split(' ');
        var conceptWords = concept.Split(' ');
        return conceptWords.Length > runWords.Length
            ? ContainsSequence(conceptWords, runWords)
            : ContainsSequence(runWords, conceptWords);
    }

    private static bool ContainsSequence(string[] outer, string[] inner)
    {
        for (var i = 0; i + inner.Length <= outer.Length; i++)
            if (inner.Select((w, k) => outer[i + k] == w).All(b => b)) return true;
        return false;
    }

    /// <summary>
    /// Words that put a question in the future ("will", «سوف», «رح», «المقبل») or the present ("where is Expo 2020
    /// held?"): its year may be ahead of the news, which told of it as a plan.
    /// </summary>
    private static readonly HashSet<string> FutureWords =
    [
        "will", "won't", "going", "next", "upcoming", "planned", "scheduled", "expected", "future", "plan", "plans", "is", "are", "does", "do",
        "سوف", "سيتم", "رح", "راح", "ح", "هيكون", "حيكون", "المقبل", "المقبله", "القادم", "القادمه", "الجاي", "الجايه", "مستقبل", "المستقبل", "مرتقب", "المرتقب", "المرتقبه", "المزمع", "المزمعه", "المتوقع",
    ];

    private static bool MayBeAhead(string question) => HasWord(question, FutureWords, "و");

    /// <summary>Numbers and years the focus states, in digits or words ("six days", «ستة أيام», "2022").</summary>
    /// <param name="future">The question asks what will happen: its year is no past the article must postdate.</param>
    private static void AddNumbers(string focus, List<QuestionConstraint> constraints, bool future)
    {
        var tokens = WordTokenizer.Tokenize(focus);
        var dates = DateExpressions.Find(tokens);
        var years = dates.Where(d => d.Year is not null && d.Month is null).ToList();
        foreach (var year in years)
            constraints.Add(new QuestionConstraint(ConstraintKind.Year, focus.Substring(year.Start, year.Length), [], year.Year, Reported: !future));
        // A day or month the question states ("on 13 September", «يوم الأربعاء»); a publication window was taken out before.
        foreach (var date in dates.Where(d => d.Month is not null || d.Weekday is not null))
            constraints.Add(new QuestionConstraint(ConstraintKind.Date, focus.Substring(date.Start, date.Length), [], Date: date));
        foreach (var number in NumberExpressions.Find(focus, tokens))
        {
            if (years.Any(y => number.Start < y.End && y.Start < number.End)) continue;
            // "the two countries", "both leaders": a number after a definite word refers back to what the question
            // named (Russia and Malaysia); the evidence says «البلدين», not 2.
            var before = tokens.LastOrDefault(t => t.End <= number.Start);
            if (before.Length > 0 && before.Folded is "the" or "these" or "those" or "both") continue;
            // A day or year of a date («13 سبتمبر», «بفبراير 2017») is the date's, not a count.
            if (dates.Any(d => (d.Day ?? d.Year) is not null && number.Start < d.End && d.Start < number.End)) continue;
            constraints.Add(new QuestionConstraint(ConstraintKind.Number, focus.Substring(number.Start, number.Length), [], number.Value, number.Unit));
        }
    }

    /// <summary>
    /// An English head word with its renderings: its own («دفاع» for "defence"), or, when the expanders rendered it only
    /// within a phrase («وزير الدفاع» for "defence minister»), the phrase's, which then counts only as a whole.
    /// </summary>
    private static HeadWord EnglishHeadWord(string word, Dictionary<string, List<WeightedPhrase>> byConcept)
    {
        var own = byConcept.GetValueOrDefault(word.ToLowerInvariant()) ?? byConcept.Where(c => Covers(word, c.Key)).SelectMany(c => c.Value).ToList();
        var spellings = own.Select(e => SpellingOf(e.Text, Languages.Arabic)).Prepend(SpellingOf(word, Languages.English))
            .Concat(NewsSenses.For(word.ToLowerInvariant()).Select(term => new Spelling([new HashSet<string>([term], StringComparer.Ordinal)])))
            .Where(sp => sp.Words.Count > 0).ToList();
        var terms = spellings.SelectMany(sp => sp.Words).SelectMany(w => w).ToHashSet(StringComparer.Ordinal);
        return new HeadWord(terms, spellings);
    }

    /// <summary>A name's spelling as words, each word with its analyzed forms (and its adjective form, for a country).</summary>
    public static Spelling SpellingOf(string text, string language, bool approximate = false) => new(
        SearchAnalysis.Analyze(text, language).GroupBy(t => t.Position)
            .Select(word => (IReadOnlySet<string>)WithNisba(word.Select(t => t.Text).ToHashSet(StringComparer.Ordinal)))
            .ToList(),
        approximate);

    private static HashSet<string> Terms(string text, string language) =>
        new(SearchAnalysis.Terms(text, language), StringComparer.Ordinal);

    /// <summary>
    /// A country's name and its adjective share a stem once the name's final «يا»/«ا» goes: روسيا/الروسي, أستراليا/
    /// الأسترالية, فرنسا/الفرنسي. News writes «وزير الخارجية الروسي» for the question's «وزير خارجية روسيا».
    /// </summary>
    public static HashSet<string> WithNisba(HashSet<string> terms)
    {
        foreach (var term in terms.ToList())
        {
            if (term.Length >= 5 && term.EndsWith("يا", StringComparison.Ordinal)) terms.Add(term[..^2]);
            else if (term.Length >= 5 && term.EndsWith('ا')) terms.Add(term[..^1]);
        }
        return terms;
    }

    /// <summary>
    /// Consecutive lower-case words that the gazetteer knows together ("kim jong un", "north korea", "elon musk") are
    /// one name, as their capitalised form would be: chat questions are typed in lower case, and word by word "north"
    /// and "korea" constrained nothing.
    /// </summary>
    private static IEnumerable<(IReadOnlyList<EnglishToken> Words, bool Capitalized)> GazetteerRuns(
        List<(IReadOnlyList<EnglishToken> Words, bool Capitalized)> runs, Dictionary<string, List<WeightedPhrase>> byConcept)
    {
        for (var i = 0; i < runs.Count; i++)
        {
            var merged = 0;
            for (var j = runs.Count - 1; j > i && merged == 0; j--)
            {
                var span = runs.Skip(i).Take(j - i + 1).ToList();
                var words = span.SelectMany(r => r.Words).ToList();
                if (words.Any(w => w.IsNumber) || words.Zip(words.Skip(1)).Any(p => p.Second.Position != p.First.Position + 1)) continue;
                var key = string.Join(' ', words.Select(w => w.Lower));
                if (byConcept.TryGetValue(key, out var known) && known.Any(e => e.Origin.StartsWith("gazetteer:", StringComparison.Ordinal)))
                {
                    // Known as one name; whether it must be written as one is the caller's to decide, as for one word.
                    yield return (words, words.All(w => w.Capitalized));
                    merged = j - i;
                }
            }
            if (merged == 0) yield return runs[i];
            i += merged;
        }
    }

    private static IEnumerable<(IReadOnlyList<EnglishToken> Words, bool Capitalized)> EnglishContentRuns(IReadOnlyList<EnglishToken> tokens)
    {
        var name = new List<EnglishToken>();
        foreach (var token in tokens)
        {
            if (token.Capitalized && !token.IsStopWord && !token.IsNumber) { name.Add(token); continue; }
            if (name.Count > 0) { yield return (name, true); name = []; }
            if (!token.IsStopWord) yield return ([token], false);
        }
        if (name.Count > 0) yield return (name, true);
    }
}
