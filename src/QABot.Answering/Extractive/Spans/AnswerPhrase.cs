using QABot.Answering.Understanding;
using QABot.Core.Domain;
using QABot.Text.Analysis;
using QABot.Text.Tokens;

namespace QABot.Answering.Extractive.Spans;

/// <summary>How a reason is introduced, so that an English rendering can introduce it the same way.</summary>
public enum ReasonForm { None, Because, BecauseOf, InOrderTo, After, ForReasons }

/// <summary>
/// A short answer to a what- or why-question, cut from the quoted sentence. <see cref="Text"/> is the Arabic phrase as
/// the article writes it; <see cref="Core"/> is the same phrase without the word that introduces a reason and
/// <see cref="Shorter"/> its shorter forms (the head noun with fewer of its modifiers), which an English rendering falls
/// back to when the whole phrase has none it can trust.
/// </summary>
/// <param name="Title">A quoted title («كتابه "أميريكان باستورال"»): rendered as a name, word by word, not as a noun phrase.</param>
public sealed record AnswerPhrase(string Text, string Core, IReadOnlyList<string> Shorter, ReasonForm Reason = ReasonForm.None, bool Title = false)
{
    /// <summary>A what-answer is a noun phrase: a head noun and at most this many words qualifying it.</summary>
    private const int MaxObjectWords = 4;
    /// <summary>A reason longer than this is cut: the rest of a run-on clause is in the quote.</summary>
    private const int MaxReasonWords = 8;
    /// <summary>Between a verb and its object, news puts the names the question gave («أعطى كيم بندقية»): at most this many words.</summary>
    private const int MaxWordsBeforeObject = 4;

    /// <summary>Words that open a reason (folded), and how English opens the same reason.</summary>
    private static readonly Dictionary<string, ReasonForm> CausalWords = new(StringComparer.Ordinal)
    {
        ["لان"] = ReasonForm.Because, ["لانه"] = ReasonForm.Because, ["لانها"] = ReasonForm.Because, ["لانهم"] = ReasonForm.Because,
        ["بسبب"] = ReasonForm.BecauseOf, ["بسببه"] = ReasonForm.BecauseOf, ["نظرا"] = ReasonForm.BecauseOf, ["جراء"] = ReasonForm.BecauseOf,
        ["بداعي"] = ReasonForm.BecauseOf, ["بحجه"] = ReasonForm.BecauseOf, ["بدعوي"] = ReasonForm.BecauseOf, ["خلفيه"] = ReasonForm.BecauseOf,
        ["احتجاجا"] = ReasonForm.BecauseOf, ["ردا"] = ReasonForm.BecauseOf, ["خوفا"] = ReasonForm.BecauseOf, ["تضامنا"] = ReasonForm.BecauseOf,
        ["تنديدا"] = ReasonForm.BecauseOf, ["احتفالا"] = ReasonForm.BecauseOf, ["بمناسبه"] = ReasonForm.BecauseOf, ["لمناسبه"] = ReasonForm.BecauseOf,
        ["اثر"] = ReasonForm.After, ["عقب"] = ReasonForm.After,
        ["بهدف"] = ReasonForm.InOrderTo, ["لاجل"] = ReasonForm.InOrderTo, ["اجل"] = ReasonForm.InOrderTo, ["لكي"] = ReasonForm.InOrderTo,
        ["كي"] = ReasonForm.InOrderTo, ["سعيا"] = ReasonForm.InOrderTo, ["حرصا"] = ReasonForm.InOrderTo, ["رغبه"] = ReasonForm.InOrderTo,
        ["تجنبا"] = ReasonForm.InOrderTo, ["منعا"] = ReasonForm.InOrderTo,
    };

    /// <summary>«لأسباب», «لسبب» (folded, with «لـ»): for reasons the adjective after them names.</summary>
    private static readonly HashSet<string> ReasonNouns = ["لاسباب", "لسبب", "لدواعي", "لدواع"];

    /// <summary>
    /// «وبالتالي», «لذلك»: the clause they open follows from the clause before it, so when the question's predicate
    /// is in the consequence, the clause before is the reason («يعتبر القيادة غير شرعية، وبالتالي من المستحيل التوقيع»).
    /// </summary>
    private static readonly HashSet<string> ConsequenceWords = ["بالتالي", "لذلك", "لذا", "لهذا", "ولذلك", "ولذا", "ولهذا", "وبالتالي", "فلذلك", "ولهذا"];

    /// <summary>Words a reported reason opens with after the verb of saying: «قال إن…», «أنه…».</summary>
    private static readonly HashSet<string> ReportOpeners = ["ان", "انه", "انها", "انهم", "بان", "بانه", "بانها"];

    /// <summary>Words that stand between a verb and its object without being either: «أهدى كيم أيضاً قفازاً».</summary>
    private static readonly HashSet<string> Fillers = ["ايضا", "كذلك", "له", "لها", "لهم", "اليه", "اليها", "الاخر", "الاخري", "يوم", "ليله", "مساء", "صباح", "امس", "اليوم"];

    /// <summary>Words that stand before the noun they rank: «أول دار سينما», «أكبر محطة».</summary>
    private static readonly HashSet<string> Ordinals = ["اول", "ثاني", "ثالث", "اخر", "اكبر", "اضخم", "اطول", "اعلي"];

    /// <summary>«رسمياً», «فعلياً»: an adverb between a verb and its object, formed from a nisba adjective.</summary>
    private static bool IsAdverb(string folded) => folded.Length >= 5 && folded.EndsWith("يا", StringComparison.Ordinal) && !ArabicWordForms.IsDefinite(folded);

    /// <summary>Relative pronouns and particles that end a noun phrase.</summary>
    private static readonly HashSet<string> PhraseEnds = ["الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "ما", "مما", "حيث"];

    /// <summary>The short answer to a what- or why-question in <paramref name="sentence"/>, or null when it has none.</summary>
    public static AnswerPhrase? Find(SentenceReading sentence, QuestionAnalysis question)
    {
        if (sentence.Tokens.Count == 0) return null;
        var isPredicate = PredicateTest(question);
        var head = AskedNoun(question);
        return question.Kind switch
        {
            QuestionKind.Why => ReasonOf(sentence, isPredicate),
            QuestionKind.What when question.NamedNoun is null => Quoted(sentence, head)
                                                                ?? (AsksMannerOrWords(question.Question) ? null : ObjectOf(sentence, isPredicate, head)),
            _ => null,
        };
    }

    /// <summary>
    /// An English what-question naming the kind of thing it asks for ("what agreement…", "what kind of weapons…")
    /// where no verb's object is found: that noun in the sentence with the words that qualify it («اتفاقية الشراكة
    /// الاستراتيجية الشاملة», «أسلحة متطورة»). The noun alone repeats the question, so at least one qualifier must follow.
    /// </summary>
    public static AnswerPhrase? AskedNounPhrase(SentenceReading s, QuestionAnalysis question)
    {
        var head = AskedNoun(question);
        if (head.Count == 0) return null;
        var t = s.Tokens;
        for (var i = 0; i + 1 < t.Count; i++)
        {
            if (!s.TermsOf(i).Any(head.Contains)) continue;
            var end = i + 1;
            while (end < t.Count && end - i <= MaxObjectWords && !t[end].BreakBefore && Qualifies(s, end) && !s.InDateOrNumber(end)) end++;
            if (end - i < 2 || Enumerable.Range(i + 1, end - i - 1).All(s.IsQuestionToken)) continue;
            var words = Enumerable.Range(i, end - i).Select(k => k == i ? CitationForm(s, k) : Word(s, k)).ToList();
            var shorter = Enumerable.Range(2, words.Count - 2).Reverse().Select(n => string.Join(' ', words.Take(n))).ToList();
            var text = string.Join(' ', words);
            return new AnswerPhrase(text, text, shorter);
        }
        return null;
    }

    /// <summary>
    /// "How…?" asks for a manner and "what did X say…?" for words said: the object of the verb is not their answer
    /// (the clause is, <see cref="AnswerClause"/>).
    /// </summary>
    private static readonly HashSet<string> MannerOrSaying =
        ["how", "say", "said", "says", "tell", "told", "كيف", "كيفاش", "ازاي", "شلون", "قال", "قالت", "يقول", "بيقول", "تقول", "صرح", "اكد"];

    private static bool AsksMannerOrWords(string question) =>
        question.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Any(w => MannerOrSaying.Contains(QABot.Text.ArabicNormalizer.NormalizeLower(w.Trim('?', '؟', ',', '،', '.'))));

    /// <summary>Question words of English questions that do not name what is asked ("what did…", "what's…").</summary>
    private static readonly HashSet<string> NotNouns =
        ["did", "does", "do", "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "s", "kind", "sort", "type", "of", "the", "a", "هو", "هي", "اسم", "نوع", "اللي", "الي"];

    /// <summary>
    /// The noun a what-question asks about: the word right after its question word when it is a noun («شو الجملة…»,
    /// "what book…", "which film…"), as the question's own terms for it. Empty when a verb follows («شو أعطى…»).
    /// </summary>
    private static HashSet<string> AskedNoun(QuestionAnalysis question)
    {
        var words = question.Question.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => QABot.Text.ArabicNormalizer.NormalizeLower(w.Trim('?', '؟', ',', '،', '.', '\''))).ToList();
        var at = words.FindIndex(w => w is "what" or "which" or "whats" or "what's" or "شو" or "ما" or "ماذا" or "ماهو" or "ماهي" or "ايش" or "اي" or "وش" or "شنو" or "ايه");
        if (at < 0) return [];
        var next = words.Skip(at + 1).FirstOrDefault(w => !NotNouns.Contains(w));
        // Arabic: a definite noun («الجملة», «الفيلم»); a verb has no article. English: what the dictionary reads as a noun is unknown
        // here, so the word counts when the next word is no auxiliary (checked above: "what did…" skips to the verb's subject).
        if (next is null || (question.Language == Languages.Arabic && !ArabicWordForms.IsDefinite(next))) return [];
        if (question.Language != Languages.Arabic && words.Skip(at + 1).Take(1).Any(w => NotNouns.Contains(w) && w is not ("kind" or "sort" or "type"))) return [];
        var terms = SearchAnalysis.Terms(next, question.Language).ToHashSet(StringComparer.Ordinal);
        var asked = new HashSet<string>(StringComparer.Ordinal);
        for (var g = 0; g < question.Words.Count; g++)
            if (question.Words[g].Overlaps(terms)) asked.UnionWith(question.Words[g]);
        return asked;
    }

    /// <summary>
    /// The question's predicate terms (<see cref="QuestionAnalysis.Predicate"/>); for a question without one (English
    /// questions leave it empty), its words that are no name it sets.
    /// </summary>
    private static Func<string, bool> PredicateTest(QuestionAnalysis question)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        for (var g = 0; g < question.Predicate.Count; g++) terms.UnionWith(question.Predicate[g]);
        if (terms.Count == 0)
        {
            var names = question.Constraints.Where(c => c.Kind == ConstraintKind.Name)
                .SelectMany(c => c.Spellings).SelectMany(sp => sp.Words).SelectMany(w => w).ToHashSet(StringComparer.Ordinal);
            for (var g = 0; g < question.Words.Count; g++)
                if (!question.Words[g].Overlaps(names)) terms.UnionWith(question.Words[g]);
        }
        // Terms only, not consonant skeletons: «جهاز» (device) shares one with «جاهز» (ready) and would stand as a verb.
        return terms.Contains;
    }

    private static bool IsPredicate(SentenceReading s, int i, Func<string, bool> isPredicate) => s.TermsOf(i).Any(isPredicate);

    /// <summary>
    /// «كتابه "أميريكان باستورال"», «جملة "زوروا رواندا"»: the noun the question asks about («what book», «شو الجملة»)
    /// followed by a quoted title; the title is the answer.
    /// </summary>
    private static AnswerPhrase? Quoted(SentenceReading s, IReadOnlySet<string> head)
    {
        if (head.Count == 0) return null;
        var t = s.Tokens;
        for (var i = 0; i + 1 < t.Count; i++)
        {
            if (!s.TermsOf(i).Any(head.Contains)) continue;
            var open = i + 1;
            // «الفيلم الوثائقي العراقي "73 درجة"»: the noun's adjectives come before the title.
            while (open < t.Count && open - i <= 3 && !t[open].BreakBefore && ArabicWordForms.IsDefinite(t[open].Folded)) open++;
            if (open >= t.Count || !OpensQuote(s, open)) continue;
            var close = open + 1;
            while (close < t.Count && close - open < MaxObjectWords + 2 && !t[close].BreakBefore) close++;
            if (close < t.Count && !ClosesQuote(s, close) || Enumerable.Range(open, close - open).All(s.IsQuestionToken)) continue;
            var text = Span(s, open, close);
            return new AnswerPhrase(text, text, [], Title: true);
        }
        return null;
    }

    private static readonly char[] Quotes = ['"', '«', '»', '“', '”', '\''];

    private static bool OpensQuote(SentenceReading s, int i) =>
        s.Tokens[i].BreakBefore && s.Text[s.Tokens[i - 1].End..s.Tokens[i].Start].IndexOfAny(Quotes) >= 0;

    private static bool ClosesQuote(SentenceReading s, int i) => OpensQuote(s, i);

    /// <summary>
    /// The object of the question's verb: after the verb («أعطى», «أهدى», «بناء») and the names the question already
    /// gave, the noun phrase that follows — its head noun and the definite words, adjectives and participles that
    /// qualify it («بندقية», «أسلحة متطورة», «عالم متعدد الأقطاب»). A quote may open the object («أهدى كيم أيضا "قفازا…»).
    /// The noun the question asks about («what kind of world», «أي سلاح») is no name to skip: the object starts there.
    /// </summary>
    private static AnswerPhrase? ObjectOf(SentenceReading s, Func<string, bool> isPredicate, IReadOnlySet<string> head)
    {
        var t = s.Tokens;
        for (var i = 0; i + 1 < t.Count; i++)
        {
            // A verb never carries the article: «التعاون الثنائي» is a noun and its adjective, no verb and object.
            if (!IsPredicate(s, i, isPredicate) || ArabicWordForms.IsDefinite(t[i].Folded) || s.TermsOf(i).Any(head.Contains)) continue;
            var j = i + 1;
            while (j < t.Count && j - i <= MaxWordsBeforeObject && (!t[j].BreakBefore || OpensQuote(s, j))
                   && !s.TermsOf(j).Any(head.Contains) && (s.IsQuestionToken(j) || Fillers.Contains(t[j].Folded) || s.InDateOrNumber(j) || IsAdverb(t[j].Folded)))
                j++;
            if (j >= t.Count || j - i > MaxWordsBeforeObject || (t[j].BreakBefore && !OpensQuote(s, j)) || !CanHeadObject(s, j)) continue;
            // Arabic puts the subject right after the verb («أعلن جهاز الأمن…»): the word there is the object only
            // behind the names the question gave («أعطى كيم بندقية») or when it is the noun the question asks about.
            // A name of the question just before the verb is its subject («مانشستر يونايتد أهدى اللقب»): then the word after it is the object.
            var subjectBefore = !t[i].BreakBefore && i > 0 && (s.IsQuestionToken(i - 1) || (i > 1 && !t[i - 1].BreakBefore && s.IsQuestionToken(i - 2)));
            if (j == i + 1 && !s.TermsOf(j).Any(head.Contains) && !IsVerbalNoun(t[i].Folded) && !subjectBefore) continue;
            // «أول دار سينما»: an ordinal stands before the noun it counts and belongs to the answer.
            var end = j + 1 < t.Count && Ordinals.Contains(t[j].Folded) && !t[j + 1].BreakBefore ? j + 2 : j + 1;
            // «دار سينما»: an indefinite noun without its accusative ending may govern the noun after it (not a verb, «يعد», «تحمل»).
            if (end < t.Count && !t[end].BreakBefore && !Qualifies(s, end) && t[end - 1].Folded[^1] != 'ا' && !ArabicWordForms.IsDefinite(t[end - 1].Folded)
                && !s.IsQuestionToken(end) && CanHeadObject(s, end)
                && t[end].Folded[0] is not ('ي' or 'ت') && !s.InDateOrNumber(end))
                end++;
            while (end < t.Count && end - j < MaxObjectWords && !t[end].BreakBefore && Qualifies(s, end)) end++;
            if (Enumerable.Range(j, end - j).All(s.IsQuestionToken)) continue;
            var words = Enumerable.Range(j, end - j).Select(k => k == j ? CitationForm(s, k) : Word(s, k)).ToList();
            var text = string.Join(' ', words);
            var shorter = new List<string>();
            for (var n = words.Count - 1; n >= 1; n--)
                // A shorter form made of the question's own words («عالم» of "what kind of world") answers nothing.
                if (!Enumerable.Range(j, n).All(s.IsQuestionToken)) shorter.Add(string.Join(' ', words.Take(n)));
            return new AnswerPhrase(text, text, shorter);
        }
        return null;
    }

    /// <summary>«بناء», «إنتاج», «تعزيز» (فِعال، إفعال، افتعال، تفعيل): a verbal noun takes its object straight after it, with no subject between.</summary>
    private static bool IsVerbalNoun(string folded) =>
        folded.Length >= 4 && (folded[^2] == 'ا' || (folded[0] == 'ت' && folded[^2] == 'ي'));

    private static bool CanHeadObject(SentenceReading s, int i)
    {
        var folded = s.Tokens[i].Folded;
        // What-questions ask for things; an office («رئيس الوزراء») heads a person, which who-questions ask for.
        if (Ordinals.Contains(folded)) return true;
        if (folded.Length < 2 || NewsLexicon.Has(NewsLexicon.NotNames, folded) || NewsLexicon.Has(NewsLexicon.SubjectVerbs, folded)
            || NewsLexicon.Has(NewsLexicon.Titles, folded)
            || PhraseEnds.Contains(folded) || ReportOpeners.Contains(folded)) return false;
        // «وقال…», «ووصل…»: a conjunction opens the next clause, not an object.
        return !(folded.Length > 3 && folded[0] == 'و' && folded[1] != 'و');
    }

    /// <summary>A word that qualifies the noun before it: definite, a nisba adjective («فضائية») or a participle («متطورة»).</summary>
    private static bool Qualifies(SentenceReading s, int i)
    {
        var folded = s.Tokens[i].Folded;
        if (NewsLexicon.Has(NewsLexicon.NotNames, folded) || PhraseEnds.Contains(folded) || NewsLexicon.Has(NewsLexicon.SubjectVerbs, folded) || folded[0] == 'و') return false;
        return ArabicWordForms.IsDefinite(folded) || folded.EndsWith("يه", StringComparison.Ordinal) || (folded.EndsWith('ي') && folded.Length > 3)
               || (folded[0] == 'م' && folded.Length >= 5);
    }

    /// <summary>
    /// The reason a why-question asks for: the clause a causal word opens nearest the question's predicate («لأن…»,
    /// «بسبب…», «على خلفية…», «بعد أن…»), else the clause before a consequence word that carries the predicate, else a
    /// purpose «لـ» + verbal noun after the predicate («حل الحكومة لمعالجة الأوضاع»).
    /// </summary>
    private static AnswerPhrase? ReasonOf(SentenceReading s, Func<string, bool> isPredicate)
    {
        var t = s.Tokens;
        var predicate = Enumerable.Range(0, t.Count).Where(i => IsPredicate(s, i, isPredicate)).ToList();
        int Distance(int i) => predicate.Count == 0 ? 0 : predicate.Min(p => Math.Abs(p - i));

        var causes = new List<(int At, int From, ReasonForm Form)>();
        for (var i = 0; i < t.Count; i++)
        {
            var word = WithoutConjunction(t[i].Folded);
            if (word == "بعد" && i + 1 < t.Count && t[i + 1].Folded is "ان" or "ما") causes.Add((i, i + 2, ReasonForm.After));
            else if (CausalWords.TryGetValue(word, out var form) && !(word == "خلفيه" && (i == 0 || t[i - 1].Folded != "علي")))
                causes.Add((word == "خلفيه" ? i - 1 : i, i + 1, form));
        }
        // «لأسباب أمنية», «لسبب صحي»: the reason is the adjective of «أسباب»; the phrase keeps the noun ("security reasons").
        for (var i = 0; i + 1 < t.Count; i++)
            if (ReasonNouns.Contains(WithoutConjunction(t[i].Folded)) && !t[i + 1].BreakBefore && Qualifies(s, i + 1) && !ArabicWordForms.IsDefinite(t[i + 1].Folded))
                causes.Add((i, i, ReasonForm.ForReasons));
        foreach (var (at, from, form) in causes.OrderBy(c => Distance(c.At)))
        {
            if (form == ReasonForm.ForReasons)
            {
                var adjectiveEnd = at + 1;
                while (adjectiveEnd < t.Count && adjectiveEnd - at <= 2 && !t[adjectiveEnd].BreakBefore && Qualifies(s, adjectiveEnd)) adjectiveEnd++;
                // Without «لـ»: «أسباب أمنية» is what a renderer can read.
                var reasons = s.Text[(t[at].Start + (t[at].Folded.StartsWith('و') ? 2 : 1))..t[adjectiveEnd - 1].End].Trim();
                return new AnswerPhrase(Span(s, at, adjectiveEnd), reasons, [], form);
            }
            var end = ClauseEnd(s, from);
            // «نظراً لـ», «من أجل», «احتجاجاً على»: the particle belongs to the opener, not to the reason.
            var core = from;
            while (core < end && t[core].Folded is "ل" or "علي" or "الي" or "من" or "ان" or "ما") core++;
            if (end - core < 2) continue;
            var opener = at > 0 && t[at - 1].Folded is "من" or "علي" && t[at].Folded is "اجل" or "خلفيه" ? at - 1 : at;
            // «بسبب الحرب الدائرة هناك…»: a reason named by a noun has shorter forms, the noun and its adjectives.
            var nounEnd = core + 1;
            while (nounEnd < end && Qualifies(s, nounEnd)) nounEnd++;
            var shorter = Enumerable.Range(1, nounEnd - core).Reverse().Where(n => core + n < end && !Enumerable.Range(core, n).All(s.IsQuestionToken))
                .Select(n => Span(s, core, core + n)).ToList();
            return new AnswerPhrase(Span(s, opener, end), Span(s, core, end), shorter, form);
        }

        for (var c = 1; c < t.Count; c++)
        {
            if (!t[c].BreakBefore || !ConsequenceWords.Contains(t[c].Folded)) continue;
            var clauseEnd = c + 1;
            while (clauseEnd < t.Count && !t[clauseEnd].BreakBefore) clauseEnd++;
            if (!predicate.Any(p => p >= c && p < clauseEnd)) continue;
            var start = c - 1;
            while (start > 0 && !t[start].BreakBefore) start--;
            for (var k = start; k < Math.Min(c, start + 6); k++)
                if (ReportOpeners.Contains(t[k].Folded)) { start = k + 1; break; }
            if (c - start < 2) continue;
            var end = Math.Min(c, start + MaxReasonWords);
            var text = Span(s, start, end);
            return new AnswerPhrase(text, text, [], ReasonForm.Because);
        }

        foreach (var p in predicate)
            for (var k = p + 1; k < t.Count && k - p <= 6 && !t[k].BreakBefore; k++)
                if (IsPurposeNoun(t[k].Folded))
                {
                    var end = ClauseEnd(s, k);
                    if (end - k < 2) break;
                    var core = s.Text[(s.Tokens[k].Start + 1)..s.Tokens[end - 1].End].Trim();
                    return new AnswerPhrase(Span(s, k, end), core, [], ReasonForm.InOrderTo);
                }
        return null;
    }

    /// <summary>The end of the clause from token <paramref name="from"/>: with its opening word, <see cref="MaxReasonWords"/> words at most.</summary>
    private static int ClauseEnd(SentenceReading s, int from)
    {
        var end = from;
        // A relative clause («… التي يقودها») qualifies the reason; the reason is said before it.
        while (end < s.Tokens.Count && end - from < MaxReasonWords - 1 && (end == from || (!s.Tokens[end].BreakBefore && !PhraseEnds.Contains(s.Tokens[end].Folded)))) end++;
        // A cut clause does not end on a particle («… في»).
        while (end - 1 > from && NewsLexicon.Has(NewsLexicon.NotNames, s.Tokens[end - 1].Folded)) end--;
        return end;
    }

    /// <summary>
    /// «لمعالجة», «لتعزيز», «لإنهاء», «لاستعادة»: «لـ» and a verbal noun of the forms مفاعلة، تفعيل، إفعال، استفعال states
    /// a purpose. Other «لـ» words (a name, «للعلاقات») are not read as one.
    /// </summary>
    private static bool IsPurposeNoun(string folded)
    {
        if (folded.Length < 5 || folded[0] != 'ل' || folded[1] == 'ل' || folded.StartsWith("لا", StringComparison.Ordinal) && folded.Length < 6) return false;
        var noun = folded[1..];
        return (noun[0] == 'م' && noun.Length >= 5 && noun[2] == 'ا' && noun.EndsWith('ه'))        // مفاعلة: معالجة
               || (noun[0] == 'ت' && noun.Length == 5 && noun[3] == 'ي')                         // تفعيل: تعزيز
               || (noun.StartsWith("است", StringComparison.Ordinal) && noun.Length >= 6 && noun[^2] == 'ا') // استفعال: استعادة
               || (noun[0] == 'ا' && noun.Length == 5 && noun[3] == 'ا');                        // إفعال: إنهاء
    }

    private static string WithoutConjunction(string folded) => folded.Length > 3 && folded[0] == 'و' ? folded[1..] : folded;

    private static string Word(SentenceReading s, int i) => s.Text.Substring(s.Tokens[i].Start, s.Tokens[i].Length);

    /// <summary>
    /// «قفازاً» as «قفاز»: an indefinite object carries the accusative ending, which its citation form does not. Only
    /// the ending written with its tanween, or an «ا» after a letter that never ends a stem that way (nor a pronoun, «ـها», «ـنا»), is dropped.
    /// </summary>
    private static string CitationForm(SentenceReading s, int i)
    {
        var word = Word(s, i);
        if (word.EndsWith("اً", StringComparison.Ordinal) || word.EndsWith("ًا", StringComparison.Ordinal)) return word[..^2];
        var folded = s.Tokens[i].Folded;
        return folded.Length >= 5 && folded[^1] == 'ا' && folded[^2] is not ('ي' or 'ا' or 'و' or 'ه' or 'ن') && !ArabicWordForms.IsDefinite(folded) ? word[..^1] : word;
    }

    private static string Span(SentenceReading s, int from, int to) =>
        s.Text[s.Tokens[from].Start..s.Tokens[to - 1].End].Trim().Trim(Quotes).Trim();
}
