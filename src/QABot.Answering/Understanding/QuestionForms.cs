using QABot.Core.Answering;
using QABot.Core.Domain;
using QABot.Text;
using QABot.Text.Analysis;
using QABot.Text.Numbers;
using QABot.Text.Tokens;

namespace QABot.Answering.Understanding;

/// <summary>What the wording of a question says about it, before any evidence is read.</summary>
/// <param name="FrameEnd">Offset in the question where the words after the question frame start (the claim itself for
/// "is it true that…"); 0 when nothing is stripped.</param>
/// <param name="HeadPhrase">Folded words of the noun phrase asked about, right after the question word.</param>
/// <param name="AboutPublication">A when-question about the article itself ("when was it published?"): its answer is the publication date.</param>
/// <param name="CountedNoun">For a how-many question, the word naming what is counted («كم باص», "how many barrels"):
/// the number that answers stands beside it.</param>
/// <param name="NamedNoun">«شو اسم الفرقاطة…»: the thing whose name is asked (not a person, place or other typed noun).</param>
/// <param name="AsksAge">«كم كان عمر…», "how old…": the answer is an age in years, not how long something lasted.</param>
public sealed record QuestionForm(QuestionKind Kind, AnswerType Type, bool IsYesNo, bool AsksForArticles, int FrameEnd, Unit? Unit, IReadOnlyList<string> HeadPhrase,
    bool AboutPublication = false, string? CountedNoun = null, bool AsksAge = false, string? NamedNoun = null);

/// <summary>
/// Reads the kind of a question and the type of its answer from its wording, in Modern Standard Arabic, the common
/// dialect question words (مين، شو، إيش، وين، فين، امتى، قديش، كام، ليش، ليه…) and English, lower case or with a typo in
/// the question word. Rules are about the language, not about any article: a question word, the noun that follows it
/// («كم يوماً», "which city", «ما عاصمة») and the frames of claims and of requests for articles.
/// </summary>
public static class QuestionForms
{
    // ---- Arabic (folded: hamza forms → ا, ى → ي, ة → ه) ----
    private static readonly HashSet<string> ArWho = ["من", "مين", "منو", "مينو"];
    private static readonly HashSet<string> ArWhat = ["ما", "ماذا", "شو", "ايش", "وش", "شنو", "ماهو", "ماهي", "ايه", "شنهو", "اش"];
    private static readonly HashSet<string> ArWhen = ["متي", "امتي", "ايمتي", "امتا", "وقتيش", "ايمتا"];
    private static readonly HashSet<string> ArWhere = ["اين", "وين", "فين", "وينه", "فينه"];
    private static readonly HashSet<string> ArHowMany = ["كم", "قديش", "قداش", "كام", "بكم", "بكام", "بقديش"];
    private static readonly HashSet<string> ArWhy = ["لماذا", "ليش", "ليه", "لمه", "علاش", "لاش"];
    private static readonly HashSet<string> ArHow = ["كيف", "كيفاش", "ازاي", "شلون"];
    private static readonly HashSet<string> ArWhich = ["اي", "ايه", "اية", "انهي"];
    /// <summary>Words after a question word that only carry grammar: «من هو», «ما الذي», «ماذا عن».</summary>
    private static readonly HashSet<string> ArFiller = ["هو", "هي", "هم", "الذي", "التي", "الذين", "اللذان", "اللتان", "هما", "عن", "كان", "كانت", "يكون", "تكون", "ذا"];

    /// <summary>
    /// Dialect words (Egyptian, Levantine, Gulf, Maghrebi) that carry grammar, not topic: question words, «إنو» (that),
    /// «اللي» (which), demonstratives («دا»، «هاد»), «عشان» (because), «بدي» (I want), negations and fillers. The shared
    /// search analysis knows only the MSA ones; an article never writes these, so as evidence words they would only
    /// lower a dialect question's coverage. Folded forms; together with <see cref="ArDialectGrammar"/> (the ones that end a
    /// role phrase) the one list every reader of a question uses.
    /// </summary>
    private static readonly HashSet<string> ArDialectFunctionWords =
    [
        // question words
        "مين", "منو", "مينو", "شو", "ايش", "وش", "شنو", "شنهو", "اش", "ايه", "امتي", "ايمتي", "امتا", "ايمتا", "وقتيش",
        "وين", "فين", "وينه", "فينه", "قديش", "قداش", "كام", "بكام", "بقديش", "ليش", "ليه", "لاش", "علاش", "كيفاش", "ازاي", "شلون", "انهي",
        // that, which, of
        "انو", "بانو", "الي", "اللى", "بتاع", "بتاعه", "بتاعت", "تبع", "تبعت",
        // this, that, so
        "دا", "دي", "ده", "دول", "هاي", "هدول", "كدا", "كدة", "هيكي",
        // because, want, still, also, only, now
        "عشان", "علشان", "مشان", "لانو", "بدي", "بدك", "بدنا", "ابغي", "عايز", "عاوز", "لسه", "لسا", "لسة",
        "كمان", "برضو", "برضه", "بس", "هسا", "توا", "يعني", "طيب", "خلاص", "ياخي", "يا",
        // negation and existence
        "مش", "مب", "ماشي", "فيه", "في", "اكو", "ماكو", "حدا", "شي", "اشي", "حاجه",
        // really, true (a claim frame's words)
        "صح", "صحيح", "فعلا", "بالفعل", "حقا", "اصلا",
    ];

    /// <summary>
    /// True for a word that carries no topic in an Arabic question: an MSA function word (the search analysis's stop
    /// list) or a dialect particle, with or without a leading «و»/«ف» («وشو», «فليش»). «واحد» after a how-many word
    /// («كم واحد») is "people", not the number one.
    /// </summary>
    public static bool IsArabicFunctionWord(string folded, string? previous = null)
    {
        if (folded.Length == 0) return false;
        if (folded == "واحد" && previous is not null && ArHowMany.Contains(previous)) return true;
        if (IsDialectFunctionWord(folded) || SearchAnalysis.IsStopWord(folded)) return true;
        if (folded.Length > 2 && folded[0] is 'و' or 'ف')
        {
            var bare = folded[1..];
            return IsDialectFunctionWord(bare) || SearchAnalysis.IsStopWord(bare);
        }
        return false;
    }

    private static bool IsDialectFunctionWord(string folded) => ArDialectFunctionWords.Contains(folded) || ArDialectGrammar.Contains(folded) || ArabicDialect.IsGrammarWord(folded);

    /// <summary>
    /// Dialect words that carry a question's grammar, never the role or thing it asks about: relative pronouns («اللي»,
    /// «يلي»), "then"/"now" («وقتها», «هلق»), "wants"/"will" («بده», «رح»). A role phrase ends at them.
    /// </summary>
    private static readonly HashSet<string> ArDialectGrammar =
        ["اللي", "يلي", "وقتها", "ساعتها", "هلق", "هلا", "هسه", "دلوقتي", "حاليا", "بده", "بدها", "بدهم", "رح", "راح", "ح", "هاد", "هادا", "هادي", "هيدا", "هيدي", "هالحكي", "هيك", "كده"];

    /// <summary>
    /// True for a word that carries the question's grammar rather than its topic: a question word, a copula or relative
    /// pronoun («هو», «الذي»), or their dialect forms («مين», «اللي», «وقتها»); with or without a leading «و».
    /// </summary>
    public static bool IsQuestionGrammar(string folded)
    {
        if (folded.Length > 2 && folded[0] == 'و' && IsQuestionGrammarWord(folded[1..])) return true;
        return IsQuestionGrammarWord(folded);
    }

    private static bool IsQuestionGrammarWord(string w) =>
        ArFiller.Contains(w) || ArDialectGrammar.Contains(w) || ArWho.Contains(w) || ArWhat.Contains(w) || ArWhen.Contains(w) || ArWhere.Contains(w)
        || ArHowMany.Contains(w) || ArWhy.Contains(w) || ArHow.Contains(w);

    // ---- English ----
    private static readonly HashSet<string> EnAuxiliaries = ["is", "are", "was", "were", "did", "does", "do", "has", "have", "had", "can", "could", "will", "would", "should", "shall", "may", "might", "must", "isn't", "wasn't", "didn't", "doesn't", "hasn't", "haven't", "aren't", "weren't"];
    private static readonly string[] EnQuestionWords = ["who", "whom", "whose", "what", "when", "where", "which", "why", "how"];

    // ---- Nouns that name the type of the answer, both languages ----
    private static readonly HashSet<string> PlaceNouns = Folded(
    [
        "مدينه", "دوله", "بلد", "عاصمه", "مكان", "منطقه", "محافظه", "ولايه", "قريه", "جزيره", "موقع", "مقر", "بلده", "قاعده", "ميناء", "مطار", "اقليم", "حي", "شارع", "ملعب",
        "city", "country", "capital", "place", "town", "region", "province", "state", "location", "venue", "village", "island", "area", "district", "port", "airport", "base", "stadium", "street", "nation",
    ]);
    private static readonly HashSet<string> OrganizationNouns = Folded(
    [
        "منظمه", "شركه", "حزب", "جماعه", "وكاله", "هيئه", "مؤسسه", "جهه", "حركه", "فريق", "نادي", "منتخب", "بنك", "جامعه", "وزاره", "قناه", "صحيفه", "مجموعه", "تحالف", "جمعيه", "محكمه", "مجلس",
        "organization", "organisation", "company", "party", "group", "agency", "body", "team", "club", "bank", "university", "ministry", "channel", "newspaper", "outlet", "firm", "movement", "alliance", "court", "council", "militia", "network",
    ]);
    private static readonly HashSet<string> PersonNouns = Folded(
    [
        "شخص", "لاعب", "رئيس", "وزير", "زعيم", "ملك", "امير", "فنان", "فنانه", "مغني", "مغنيه", "ممثل", "ممثله", "كاتب", "مدرب", "قائد", "مسؤول", "متحدث", "سفير", "مرشح", "نائب", "اسم", "رئيسه",
        "person", "player", "president", "minister", "leader", "king", "prince", "artist", "singer", "actor", "actress", "writer", "author", "coach", "commander", "official", "spokesman", "spokesperson",
        "ambassador", "candidate", "man", "woman", "director", "chief", "head", "ceo", "envoy", "general", "name", "star", "winner", "premier", "chancellor", "governor", "mayor",
    ]);
    /// <summary>The nouns as questions' words are compared: folded («رئيس» → «رييس», «مسؤول» → «مسوول»), or a hamza noun never matched.</summary>
    private static HashSet<string> Folded(IEnumerable<string> nouns) => nouns.Select(ArabicNormalizer.NormalizeLower).ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> DateNouns = ["تاريخ", "يوم", "عام", "سنه", "شهر", "وقت", "date", "day", "year", "month", "time"];
    private static readonly HashSet<string> CountNouns = ["عدد", "نسبه", "حجم", "مقدار", "population", "number", "percentage", "percent", "share", "proportion", "total", "count", "amount", "rate"];
    private static readonly HashSet<string> MoneyNouns = ["سعر", "قيمه", "تكلفه", "كلفه", "ثمن", "مبلغ", "ميزانيه", "price", "cost", "value", "worth", "budget", "sum", "fine", "salary", "fee"];
    private static readonly HashSet<string> Superlatives = ["اكثر", "اكبر", "افضل", "اول", "اخر", "اعلي", "اغلي", "ارخص", "اقدم", "احدث", "اطول", "اهم", "احسن", "اشهر", "اقوي", "اسرع", "اصغر", "اقل"];
    private static readonly HashSet<string> AgeNouns = ["عمر", "سن"];
    private static readonly HashSet<string> DurationNouns = ["مده", "فتره", "duration", "period", "long"];
    /// <summary>Dialect "it has been … for" («صرله», «بقاله»): after «قديش»/«كم» they ask how long something has lasted.</summary>
    private static readonly HashSet<string> SinceWords = ["صرله", "صرلها", "صرلهم", "صرلو", "صرلي", "صرلك", "صارله", "صارلها", "صارلهم", "صارلو", "بقاله", "بقالها", "بقالهم", "بقالو", "بقالي", "بقالك", "منذ"];
    private static readonly HashSet<string> ReasonNouns = ["سبب", "اسباب", "reason", "reasons", "cause", "causes", "motive"];

    private static readonly HashSet<string> EnMoneyVerbs = ["cost", "costs", "pay", "paid", "spend", "spent", "worth", "price", "raise", "raised", "sell", "sold", "buy", "bought", "fund", "funding", "invest", "invested", "earn", "earned", "fined", "donate", "donated", "budget", "dollars", "euros", "money", "loan", "loans", "lend", "lent", "owe", "owed", "pays", "paying", "charge", "charged"];

    // ---- Requests for articles ----
    private static readonly HashSet<string> PublishWords =
    [
        "نشر", "نشرت", "ينشر", "تنشر", "نشره", "منشور", "المنشوره", "اخبار", "الاخبار", "مقالات", "المقالات", "عناوين", "تقارير", "مواضيع",
        "published", "publish", "publishes", "articles", "news", "headlines", "stories", "reports", "reported", "coverage",
    ];
    private static readonly HashSet<string> ListVerbs = ["اعرض", "هات", "اعطني", "اعطيني", "ورني", "وريني", "ابحث", "اذكر", "list", "show", "give", "find", "display", "anything", "any", "everything", "شي"];
    /// <summary>Words of a request for articles that name no topic: "put out", "pieces", «شي».</summary>
    private static readonly HashSet<string> RequestFillers = ["put", "out", "me", "pieces", "items", "story", "article", "new", "from", "about", "on", "arabic", "day", "عربي", "جديد", "شي", "اشي", "يوم", "تاريخ"];
    private static readonly HashSet<string> HappenWords = ["حدث", "جري", "صار", "happened", "happen", "happening", "going"];

    public static QuestionForm Read(string question, string language) =>
        language == Languages.English ? ReadEnglish(question) : ReadArabic(question);

    private static QuestionForm ReadArabic(string question)
    {
        var tokens = WordTokenizer.Tokenize(question);
        var words = tokens.Select(t => t.Folded).ToList();
        var kind = QuestionKind.Other;
        var type = AnswerType.Unknown;
        var yesNo = false;
        var frameEnd = 0;
        var headStart = -1;
        string? questionWord = null;
        Unit? unit = null;

        // A claim frame: «هل صحيح أن…», «صحيح أن…», «هل حقاً…», «تحقق من…».
        var claim = ArabicClaimFrame(words);
        if (claim >= 0)
        {
            frameEnd = claim < tokens.Count ? tokens[claim].Start : question.Length;
            return new QuestionForm(QuestionKind.Claim, AnswerType.Unknown, false, false, frameEnd, null, []);
        }

        // The question word: at the start (after «و»/«ف»), or anywhere for the unambiguous ones (dialect puts them last: «الاجتماع امتى؟»).
        for (var i = 0; i < words.Count && kind == QuestionKind.Other; i++)
        {
            var w = words[i];
            var bare = w.Length > 2 && w[0] is 'و' or 'ف' ? w[1..] : w;
            var atStart = i == 0 || (i == 1 && words[0] is "و" or "ف" or "طيب" or "يعني");
            string? hit = null;
            foreach (var form in new[] { w, bare })
            {
                if (ArWhen.Contains(form)) { kind = QuestionKind.When; type = AnswerType.Date; hit = form; }
                else if (ArWhere.Contains(form)) { kind = QuestionKind.Where; type = AnswerType.Place; hit = form; }
                else if (ArWhy.Contains(form)) { kind = QuestionKind.Why; type = AnswerType.Other; hit = form; }
                else if (ArHowMany.Contains(form) && !(i > 0 && tokens[i - 1].IsNumber)) { kind = QuestionKind.HowMany; type = form.StartsWith('ب') ? AnswerType.Money : AnswerType.Number; hit = form; }
                else if (atStart && ArWho.Contains(form) && !(i + 1 < words.Count && words[i + 1] is "اين" or "متي")) { kind = QuestionKind.Who; type = AnswerType.Person; hit = form; }
                else if (atStart && (ArWhat.Contains(form) || ArHow.Contains(form))) { kind = QuestionKind.What; type = AnswerType.Other; hit = form; }
                else if (atStart && ArWhich.Contains(form)) { kind = QuestionKind.What; type = AnswerType.Other; hit = form; }
                else if (atStart && form == "هل") { kind = QuestionKind.Claim; yesNo = true; hit = form; }
                if (hit is not null) break;
            }
            if (hit is null) continue;
            questionWord = hit;
            headStart = i + 1;
            // «في أي يوم», «من أين», «إلى أين»: a preposition before the question word.
            if (kind == QuestionKind.What && i > 0 && words[i - 1] is "في" && ArWhich.Contains(hit)) headStart = i + 1;
            if (kind == QuestionKind.Claim) frameEnd = i + 1 < tokens.Count ? tokens[i + 1].Start : question.Length;
        }
        // «وفي أي عام…», «في أي مدينة…».
        var which = words.FindIndex(w => ArWhich.Contains(w) || ArWhich.Contains(w.TrimStart('و', 'ف', 'ب')));
        if (kind == QuestionKind.Other && which >= 0 && which <= 2)
        {
            kind = QuestionKind.What;
            type = AnswerType.Other;
            headStart = which + 1;
            questionWord = "اي";
        }

        // Skip grammar words after the question word («من هو», «ما الذي», «ما هي»).
        var copula = false;
        while (headStart >= 0 && headStart < words.Count && ArFiller.Contains(words[headStart]))
        {
            copula |= words[headStart] is "هو" or "هي" or "هم";
            headStart++;
        }
        // «ما اسم المدينة…»: the noun after «اسم» names the type; «ما اسم…» alone asks for a person. «شو اسم الفرقاطة…»
        // asks for the name a thing goes by, which the text writes right after the thing («الفرقاطة مارشال شابوشنيكوف»).
        string? named = null;
        if (headStart >= 0 && headStart + 1 < words.Count && ArabicWordForms.Bare(words[headStart]) == "اسم")
        {
            if (ByHeadNoun(kind, type, words[headStart + 1]).Type is not AnswerType.Other and not AnswerType.Unknown) headStart++;
            else if (ArabicWordForms.IsDefinite(words[headStart + 1]) && !IsQuestionGrammar(words[headStart + 1])) named = words[headStart + 1];
        }
        var head = named is null && headStart >= 0 && headStart < words.Count ? words[headStart] : null;
        string? counted = null;
        var asksAge = false;

        if (kind == QuestionKind.HowMany && head is not null)
        {
            // «كم عدد القتلى»: what is counted follows «عدد»; «كم كان عمر…»: an age.
            var countedAt = ArabicWordForms.Bases(head).Any(CountNouns.Contains) ? headStart + 1 : headStart;
            if (countedAt < words.Count && ArabicWordForms.Bases(words[countedAt]).Any(AgeNouns.Contains)) asksAge = true;
            else if (countedAt < words.Count && !IsQuestionGrammar(words[countedAt]) && words[countedAt] is not ("من" or "في" or "بين") && words[countedAt].Length >= 3)
                counted = words[countedAt];
            unit = Units.Find(head) ?? (headStart + 1 < words.Count ? Units.Find(words[headStart + 1]) : null);
            if (head is "من" && headStart + 1 < words.Count && words[headStart + 1] is "الوقت") type = AnswerType.Duration;
            else if (ArabicWordForms.Bases(head).Any(MoneyNouns.Contains)) type = AnswerType.Money;
            else if (unit is { Kind: UnitKind.Time }) type = AnswerType.Duration;
            else if (unit is { Kind: UnitKind.Money }) type = AnswerType.Money;
            else if (ArabicWordForms.Bases(head).Any(f => f is "استمر" or "استمرت" or "دام" or "دامت" or "مده" or "طال" or "طالت" or "بقي" or "بقيت")) type = AnswerType.Duration;
            // «قديش صرله مسكر…», «كم بقاله…»: "how long has it been" asks for a time span, not a count.
            else if (SinceWords.Contains(head) || (head is "صار" or "صارت" or "بقى" && headStart + 1 < words.Count && words[headStart + 1].StartsWith('ل'))) (type, counted) = (AnswerType.Duration, null);
            if (asksAge) (unit, type) = (Units.Find("عاما"), AnswerType.Number);
        }
        else if (kind is QuestionKind.What or QuestionKind.Who && head is not null)
        {
            // «شو أكثر مدينة…», «ما أكبر شركة…»: a superlative leaves the type to the noun it qualifies.
            if (Superlatives.Contains(ArabicWordForms.Bare(head)) && headStart + 1 < words.Count) head = words[++headStart];
            (kind, type) = ByHeadNoun(kind, type, head);
        }

        // «ماذا نشرت بي بي سي…», «ما أخبار…», «اعرض مقالات…», «ماذا حدث في سبتمبر 2023؟»: a request for articles.
        var asksForArticles = AsksForArticles(words, kind);
        // «ما عاصمة…», «أي مدينة…», «من هو وزير…»: a noun follows these; «ماذا», «متى», «أين» are followed by a verb.
        var nounFollows = questionWord is "ما" or "ماهو" or "ماهي" or "شو" or "ايش" || (questionWord is not null && ArWhich.Contains(questionWord))
            || (kind == QuestionKind.Who && (copula || (head is not null && ArabicWordForms.Bases(head).Any(PersonNouns.Contains))));
        var headPhrase = nounFollows ? HeadPhrase(words, headStart, kind) : [];
        return new QuestionForm(kind, type, yesNo, asksForArticles, frameEnd, unit, headPhrase, AboutPublication(words, kind), unit is null ? counted : null, asksAge, named);
    }

    private static int ArabicClaimFrame(List<string> words)
    {
        // Returns the index of the first word of the claim, or -1.
        for (var i = 0; i < Math.Min(words.Count, 4); i++)
        {
            var w = words[i];
            if (w is "صحيح" or "صح" or "اصحيح" or "حقا" or "فعلا" or "بالفعل" or "حقيقه" or "صحه")
            {
                var start = i + 1;
                // «صحيح إنو…» (Levantine, Egyptian): the dialect «إنو» is MSA «أن».
                if (start < words.Count && words[start] is "ان" or "انه" or "انها" or "بان" or "ما" or "خبر" or "انو" or "بانو" or "اللي") start++;
                // «هل صحيح…», «صحيح أن…», «هل حقاً…»; not «ما صحة…» (a what-question about soundness).
                if (i == 0 || words[i - 1] is "هل" or "من" or "هل من") return start;
            }
            if (w is "تحقق" or "تاكد" or "ادعاء" or "زعم" && i <= 1)
            {
                var start = i + 1;
                while (start < words.Count && words[start] is "من" or "صحه" or "ان" or "هل" or "خبر") start++;
                return start;
            }
        }
        return -1;
    }

    private static QuestionForm ReadEnglish(string question)
    {
        var tokens = WordTokenizer.Tokenize(question);
        var words = tokens.Select(t => t.Folded).ToList();
        var kind = QuestionKind.Other;
        var type = AnswerType.Unknown;
        var yesNo = false;
        var frameEnd = 0;
        Unit? unit = null;
        if (words.Count == 0) return new QuestionForm(kind, type, false, false, 0, null, []);

        var claim = EnglishClaimFrame(words);
        if (claim >= 0)
        {
            frameEnd = claim < tokens.Count ? tokens[claim].Start : question.Length;
            return new QuestionForm(QuestionKind.Claim, AnswerType.Unknown, false, false, frameEnd, null, []);
        }

        // The question word is usually first ("and when…", "so who…"); a typo in it ("whn", "wher", "hw many") still counts.
        var at = 0;
        while (at < words.Count - 1 && words[at] is "and" or "so" or "but" or "ok" or "okay" or "then" or "also" or "please" or "pls" or "tell" or "me" or "us" or "do" or "you" or "know" or "can" or "could") at++;
        var first = QuestionWord(words[at]) ?? (at == 0 ? null : QuestionWord(words[0]));
        var headStart = at + 1;
        var next = headStart < words.Count ? words[headStart] : "";
        switch (first)
        {
            case "who" or "whom" or "whose":
                kind = QuestionKind.Who; type = AnswerType.Person; break;
            case "when":
                kind = QuestionKind.When; type = AnswerType.Date; break;
            case "where":
                kind = QuestionKind.Where; type = AnswerType.Place; break;
            case "why":
                kind = QuestionKind.Why; type = AnswerType.Other; break;
            case "how":
                if (next is "many") { kind = QuestionKind.HowMany; type = AnswerType.Number; headStart++; }
                else if (next is "much") { kind = QuestionKind.HowMany; type = words.Skip(headStart).Any(EnMoneyVerbs.Contains) ? AnswerType.Money : AnswerType.Number; headStart++; }
                else if (next is "long") { kind = QuestionKind.HowMany; type = words.Skip(headStart + 1).Take(1).Any(w => w is "ago") ? AnswerType.Date : AnswerType.Duration; headStart++; }
                else if (next is "old" or "far" or "often" or "big" or "large" or "tall" or "high") { kind = QuestionKind.HowMany; type = AnswerType.Number; headStart++; }
                else { kind = QuestionKind.What; type = AnswerType.Other; }
                break;
            case "what" or "which":
                kind = QuestionKind.What; type = AnswerType.Other; break;
            default:
                if (EnAuxiliaries.Contains(words[at])) { kind = QuestionKind.Claim; yesNo = true; frameEnd = 0; }
                break;
        }
        // "In which city…", "On what date…", "For how long…": a preposition before the question word.
        if (first is null && words.Count > 1 && words[0] is "in" or "on" or "at" or "for" or "from" or "to" or "during" && QuestionWord(words[1]) is { } afterPreposition)
        {
            headStart = 2;
            (kind, type) = afterPreposition switch
            {
                "where" => (QuestionKind.Where, AnswerType.Place),
                "when" => (QuestionKind.When, AnswerType.Date),
                "how" when words.Count > 2 && words[2] == "long" => (QuestionKind.HowMany, AnswerType.Duration),
                _ => (QuestionKind.What, AnswerType.Other),
            };
            if (words.Count > 2 && words[2] is "long" or "many" or "much") headStart = 3;
        }

        var copula = words[at] is "whos" or "who's" or "whats" or "what's" or "wheres" or "where's";
        // "who's the…": the tokenizer leaves the contracted copula as "s".
        while (headStart < words.Count && (words[headStart] is "is" or "was" or "are" or "were" or "the" or "a" or "an" or "of" or "did" or "does" or "do" or "has" or "had" or "have"
                                           || (headStart == at + 1 && words[headStart] is "s" or "re")))
        {
            copula |= words[headStart] is "is" or "was" or "are" or "were" or "s" or "re";
            headStart++;
        }
        var head = headStart < words.Count ? Singular(words[headStart]) : null;
        string? counted = null;
        var asksAge = first == "how" && at + 1 < words.Count && words[at + 1] == "old";
        if (asksAge) unit = Units.Find("years");
        else if (kind == QuestionKind.HowMany && head is not null)
        {
            unit = Units.Find(head) ?? Units.Find(words[headStart]);
            if (unit is { Kind: UnitKind.Time } && type == AnswerType.Number) type = AnswerType.Duration;
            else if (unit is { Kind: UnitKind.Money }) type = AnswerType.Money;
            // "how many facebook accounts did…": the counted noun is the last word before the verb's auxiliary.
            if (unit is null && words[at + 1] == "many")
                for (var i = headStart; i < Math.Min(words.Count, headStart + 3) && !EnAuxiliaries.Contains(words[i]) && !EnPhraseStops.Contains(words[i]); i++)
                    counted = words[i];
        }
        else if (kind is QuestionKind.What or QuestionKind.Who && head is not null)
        {
            // "what is the capital…", "which city…", "what year…": the first noun names the answer's type.
            var look = words.Skip(headStart).Take(3).Select(Singular).ToList();
            // "what's the name of google's new cable", "swaziland's new name": a name asked of a thing, not of a person,
            // unless a typed noun follows it ("the name of the city", "name of the minister").
            var named = look.IndexOf("name");
            if (named >= 0 && kind == QuestionKind.What) look = words.Skip(headStart + named + 1).Take(3).Select(Singular).ToList();
            var noun = look.FirstOrDefault(w => PlaceNouns.Contains(w) || OrganizationNouns.Contains(w) || PersonNouns.Contains(w) || DateNouns.Contains(w) || CountNouns.Contains(w) || MoneyNouns.Contains(w) || ReasonNouns.Contains(w) || DurationNouns.Contains(w));
            if (noun is not null && (kind == QuestionKind.What || OrganizationNouns.Contains(noun))) (kind, type) = ByHeadNoun(kind, type, noun);
            // "what's the population of brazil": a population is a count of people, stated beside its own noun («عدد سكانها»).
            if (noun is "population") counted = noun;
        }

        var asksForArticles = AsksForArticles(words, kind);
        var headPhrase = EnglishHeadPhrase(words, headStart, kind, copula);
        return new QuestionForm(kind, type, yesNo, asksForArticles, frameEnd, unit, headPhrase, AboutPublication(words, kind), counted, asksAge);
    }

    private static int EnglishClaimFrame(List<string> words)
    {
        // "is it true that…", "is it correct…", "true or false:", "fact check:", "claim:", "verify that…", "did … really…".
        var text = string.Join(' ', words.Take(6));
        string[] frames = ["is it true that", "is it true", "is it correct that", "is it correct", "is it right that", "is it a fact that", "it is true that",
            "true or false", "fact check", "fact-check", "factcheck", "claim", "verify that", "verify", "check that", "check if", "check whether", "is the claim that", "is the report that", "was it true that"];
        foreach (var frame in frames)
            if (text.StartsWith(frame + " ", StringComparison.Ordinal) || text == frame)
                return frame.Split(' ').Length;
        return -1;
    }

    /// <summary>The question word a (possibly misspelt) first word stands for: "whn" → when, "wher" → where.</summary>
    private static string? QuestionWord(string word)
    {
        if (EnQuestionWords.Contains(word)) return word;
        if (word is "whos" or "who's") return "who";
        if (word is "whats" or "what's" or "wat" or "wut") return "what";
        if (word is "wheres" or "where's") return "where";
        if (word is "hows" or "how's" or "hw") return "how";
        if (word.Length < 3 || EnAuxiliaries.Contains(word) || word is "the" or "this" or "that" or "then" or "them" or "they" or "there" or "here" or "were" or "war" or "way" or "who" or "wo" or "hoe") return null;
        // A dropped or doubled letter is the likelier typo: "wher" is "where" before it is "when".
        return EnQuestionWords
            .Where(q => q.Length >= 3 && Math.Abs(q.Length - word.Length) <= 1 && word[0] == q[0] && EditDistanceAtMostOne(q, word))
            .OrderBy(q => q.Length == word.Length ? 1 : 0)
            .FirstOrDefault();
    }

    private static bool EditDistanceAtMostOne(string a, string b)
    {
        if (a == b) return true;
        if (a.Length == b.Length)
        {
            var diff = Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToList();
            return diff.Count == 1 || (diff.Count == 2 && diff[1] == diff[0] + 1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]]);
        }
        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        for (var i = 0; i < longer.Length; i++)
            if (longer.Remove(i, 1) == shorter) return true;
        return false;
    }

    private static string Singular(string word) =>
        word.Length > 3 && word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y"
        : word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;

    /// <summary>The type a head noun names: «ما عاصمة…» a place, "which company…" an organisation, «ما عدد…» a number.</summary>
    private static (QuestionKind Kind, AnswerType Type) ByHeadNoun(QuestionKind kind, AnswerType type, string noun)
    {
        // «وكالة» is itself, not «و» + «كالة»: the word as written first, then without its particles.
        foreach (var form in ArabicWordForms.Bases(noun))
            if (ByHeadNounForm(form) is { } found) return found;
        return (kind, type);
    }

    private static (QuestionKind Kind, AnswerType Type)? ByHeadNounForm(string noun)
    {
        if (PlaceNouns.Contains(noun)) return (QuestionKind.Where, AnswerType.Place);
        if (DateNouns.Contains(noun)) return (QuestionKind.When, AnswerType.Date);
        if (CountNouns.Contains(noun)) return (QuestionKind.HowMany, AnswerType.Number);
        if (MoneyNouns.Contains(noun)) return (QuestionKind.HowMany, AnswerType.Money);
        if (DurationNouns.Contains(noun)) return (QuestionKind.HowMany, AnswerType.Duration);
        if (ReasonNouns.Contains(noun)) return (QuestionKind.Why, AnswerType.Other);
        if (OrganizationNouns.Contains(noun)) return (QuestionKind.Who, AnswerType.Organization);
        if (PersonNouns.Contains(noun)) return (QuestionKind.Who, AnswerType.Person);
        return null;
    }

    /// <summary>
    /// A noun that names what kind of answer is wanted («عدد», «تاريخ», «سبب», «اسم», "day", "number", "price"): the answering
    /// sentence states a number, a date or a reason, seldom the noun itself.
    /// </summary>
    public static bool IsAnswerTypeNoun(string word)
    {
        var folded = ArabicNormalizer.NormalizeLower(word);
        return ArabicWordForms.Bases(folded).Append(Singular(folded)).Any(f =>
            DateNouns.Contains(f) || CountNouns.Contains(f) || MoneyNouns.Contains(f) || DurationNouns.Contains(f) || ReasonNouns.Contains(f) || f is "اسم" or "name");
    }

    private static bool AboutPublication(List<string> words, QuestionKind kind) =>
        kind == QuestionKind.When && words.Any(w => w is "published" or "publish" or "posted" or "article" or "story" or "report" or "reported"
            || ArabicWordForms.Bases(w).Any(f => f is "نشر" or "نشرت" or "المقال" or "مقال" or "الخبر" or "خبر" or "التقرير"));

    private static bool AsksForArticles(List<string> words, QuestionKind kind)
    {
        if (kind is QuestionKind.Who or QuestionKind.When or QuestionKind.Where or QuestionKind.HowMany or QuestionKind.Why) return false;
        var bare = words.Select(w => w.Length > 3 && w[0] is 'و' or 'ف' ? w[1..] : w).ToList();
        if (bare.Any(PublishWords.Contains) && (kind is QuestionKind.What or QuestionKind.Other || bare.Take(2).Any(ListVerbs.Contains))) return true;
        // "list what France 24 put out…", "anything from RT?": the analyzer makes it a list only when a period or an outlet is named.
        if (bare.Take(1).Any(ListVerbs.Contains)) return true;
        // «ماذا حدث…», "what happened…": about a period or an outlet rather than an event; the analyzer checks that nothing else is asked.
        return kind == QuestionKind.What && bare.Take(3).Any(HappenWords.Contains);
    }

    /// <summary>
    /// The text without the words that only make it a request for articles («شو نشرت», "articles", "list what … put
    /// out"): what is left names the topic («عن نادية مراد», "about mo salah"), or nothing.
    /// </summary>
    public static string WithoutArticleRequestWords(string text)
    {
        var kept = text;
        foreach (var token in Enumerable.Reverse(WordTokenizer.Tokenize(text)))
        {
            var word = token.Folded.Length > 3 && token.Folded[0] is 'و' or 'ف' ? token.Folded[1..] : token.Folded;
            if (PublishWords.Contains(word) || ListVerbs.Contains(word) || HappenWords.Contains(word) || RequestFillers.Contains(word)
                || ArWhat.Contains(word) || EnQuestionWords.Contains(word) || EnAuxiliaries.Contains(word))
                kept = kept.Remove(token.Start, token.Length);
        }
        return kept;
    }

    /// <summary>
    /// «عاصمة أستراليا», «وزير خارجية روسيا»: the indefinite noun after the question word and the words it governs. For a
    /// who-question, the role asked about, definite or not, with its qualifiers («الرئيس الروسي», «وزير الدفاع الروسي»).
    /// </summary>
    private static IReadOnlyList<string> HeadPhrase(List<string> words, int headStart, QuestionKind kind)
    {
        if (headStart < 0 || headStart >= words.Count || kind is QuestionKind.Claim or QuestionKind.Other) return [];
        var first = words[headStart];
        var role = kind == QuestionKind.Who;
        // Only an indefinite noun governs the next word (إضافة); a role may be definite.
        if ((!role && ArabicWordForms.IsDefinite(first)) || first.Length < 3) return [];
        var phrase = new List<string> { first };
        for (var i = headStart + 1; i < words.Count && phrase.Count < (role ? 4 : 3); i++)
        {
            var w = words[i];
            // «وزير خارجية روسيا اللي التقى…»: the relative clause says what the holder did, not which role it is.
            if (IsQuestionGrammar(w) || w is "في" or "من" or "الي" or "علي" or "عن" or "مع") break;
            phrase.Add(w);
            if (!role && ArabicWordForms.IsDefinite(w)) break;
        }
        return phrase.Count >= 2 || role ? phrase : [];
    }

    private static readonly HashSet<string> EnPhraseStops =
        ["who", "that", "which", "whom", "whose", "in", "at", "on", "for", "to", "during", "with", "when", "where", "and", "after", "before", "from", "by", "about"];

    /// <summary>
    /// "capital of Australia": the noun asked about and the name it belongs to. For "who is the Russian defence
    /// minister who…", the role: the words after the copula up to the relative clause or a preposition.
    /// </summary>
    private static IReadOnlyList<string> EnglishHeadPhrase(List<string> words, int headStart, QuestionKind kind, bool copula)
    {
        if (headStart >= words.Count || kind is QuestionKind.Claim or QuestionKind.Other) return [];
        if (kind == QuestionKind.Who)
        {
            if (!copula) return [];
            var role = new List<string>();
            for (var i = headStart; i < words.Count && role.Count < 4; i++)
            {
                if (words[i] is "of" or "the") continue;
                if (EnPhraseStops.Contains(words[i])) break;
                role.Add(words[i]);
            }
            return role;
        }
        if (headStart < words.Count - 2 && words[headStart + 1] == "of")
        {
            var after = headStart + 2;
            if (words[after] == "the" && after + 1 < words.Count) after++;
            return [words[headStart], words[after]];
        }
        return [];
    }
}
