using QABot.Core.Answering;

namespace QABot.Retrieval.CrossLingual;

/// <summary>
/// The offline English form of a short Arabic answer span. Known names, offices and nationalities come from the
/// gazetteer read in reverse (longest spelling first, attached «و/ب/ل/ك/ف» read off); common nouns from the FreeDict
/// Arabic→English dictionary; unknown names are transliterated. Arabic puts modifiers after the noun («وزير الدفاع
/// الروسي»), English before it ("Russian Defence Minister"), so a noun and its modifiers are reversed, a place after an
/// office becomes "of …", and names keep their order. Returns null when a word has no faithful rendering.
/// </summary>
public sealed class ArabicEnglishRenderer : IEnglishRenderer
{
    /// <summary>Longer spans are sentences, not answers: a word-by-word rendering of them would mislead.</summary>
    public const int MaxSpanWords = 10;

    public const string GazetteerMethod = "gazetteer";
    public const string DictionaryMethod = "dictionary";
    public const string TransliterationMethod = "transliteration";

    private enum Role { Name, Named, Title, Noun, Nationality, Function }

    /// <summary>Ordered from the most to the least trusted; a rendering reports its weakest source.</summary>
    private enum Source { Gazetteer, Dictionary, Transliteration, Verbatim }

    /// <param name="Governed">A noun governed by the noun before it (idafa, «شبكة الكهرباء»), not its adjective.</param>
    private readonly record struct Piece(string English, Role Role, Source Source, bool And, NameKind Kind = NameKind.Unspecified, bool Governed = false);

    /// <summary>
    /// Particles that join the parts of a phrase; never transliterated or looked up. Keyed as written: folding would
    /// make «على» (on) the name «علي» (Ali).
    /// </summary>
    private static readonly Dictionary<string, string> FunctionWords = new(StringComparer.Ordinal)
    {
        ["في"] = "in", ["من"] = "of", ["على"] = "on", ["إلى"] = "to", ["الى"] = "to", ["عن"] = "about", ["مع"] = "with",
        ["و"] = "and", ["بين"] = "between", ["ضد"] = "against", ["لدى"] = "at",
    };

    private readonly Gazetteer _gazetteer;
    private readonly FreeDictDictionary? _dictionary;
    private readonly Lazy<ReverseGazetteer> _names;
    private readonly CommonEnglishWords? _common;
    private readonly Lazy<Dictionary<string, string>> _spelledOut;

    /// <summary>A what-answer of more content words than this is a clause: rendered word by word it reads as a word list.</summary>
    public const int MaxPhraseWords = 3;

    /// <param name="arabicEnglish">The FreeDict Arabic→English dictionary (<see cref="DictionaryDirection.ArabicToEnglish"/>); null renders common words as unknown.</param>
    /// <param name="common">Common English words: a phrase renders only with senses among them; null (or a missing list) renders phrases of one dictionary word only.</param>
    public ArabicEnglishRenderer(Gazetteer gazetteer, FreeDictDictionary? arabicEnglish = null, CommonEnglishWords? common = null)
    {
        _common = common;
        _spelledOut = new(SpelledOutWords, LazyThreadSafetyMode.ExecutionAndPublication);
        if (arabicEnglish is { Direction: not DictionaryDirection.ArabicToEnglish })
            throw new ArgumentException("The renderer needs the Arabic→English dictionary.", nameof(arabicEnglish));
        _gazetteer = gazetteer;
        _dictionary = arabicEnglish;
        _names = new(() => ReverseGazetteer.Build(_gazetteer), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public EnglishRendering? Render(string arabicSpan, AnswerType type, string? question = null)
    {
        if (string.IsNullOrWhiteSpace(arabicSpan) || type is AnswerType.Number or AnswerType.Date or AnswerType.Duration or AnswerType.Money)
            return null;
        var words = ArabicWords.Split(arabicSpan);
        if (words.Count == 0 || words.Count > MaxSpanWords || !words.Any(w => w.IsArabic)) return null;
        var pieces = Resolve(words, type, QuestionWords(question), phrase: false);
        if (pieces is null || pieces.All(p => p.Source == Source.Verbatim)) return null;
        if (NotAName(words, pieces)) return null;
        var weakest = pieces.Where(p => p.Source != Source.Verbatim).Max(p => p.Source);
        return new EnglishRendering(Compose(pieces), weakest switch
        {
            Source.Gazetteer => GazetteerMethod,
            Source.Dictionary => DictionaryMethod,
            _ => TransliterationMethod,
        });
    }

    /// <summary>
    /// A noun phrase in English word order («صواريخ فرط صوتية», «عالم متعدد الأقطاب»): the dictionary's phrase when it
    /// lists one (an indefinite phrase also as its definite form, «أقمار صناعية» as «الأقمار الصناعية»), else word by
    /// word: a noun from its headword forms, a word after it as an adjective (the indefinite masculine «صناعي» before the
    /// definite «الصناعي», which FreeDict gives as a noun, "industrialist"), each word's sense a common English word.
    /// Names come from the gazetteer. Null when a word has no such sense, when there are more than
    /// <see cref="MaxPhraseWords"/> content words, or — without the common-word list — more than one dictionary word.
    /// </summary>
    public EnglishRendering? RenderPhrase(string arabicPhrase, string? question = null)
    {
        if (string.IsNullOrWhiteSpace(arabicPhrase)) return null;
        var words = ArabicWords.Split(arabicPhrase);
        if (words.Count == 0 || !words.All(w => w.IsArabic)) return null;
        // «أفضل فيلم», «أول زيارة»: an elative or ordinal stands before its noun in Arabic as in English.
        if (words.Count > 1 && Elatives.Contains(words[0].Folded))
            return Superlative(words[0].Folded) is { } first && RenderPhrase(arabicPhrase[(arabicPhrase.IndexOf(words[1].Text, StringComparison.Ordinal))..], question) is { } rest
                ? new EnglishRendering($"{TitleCase(first)} {Lower(rest.Text)}", rest.Method == GazetteerMethod ? DictionaryMethod : rest.Method)
                : null;
        var pieces = Resolve(words, AnswerType.Other, QuestionWords(question), phrase: true);
        if (pieces is null || pieces.Count == 0 || pieces[0].Role == Role.Function || pieces[^1].Role == Role.Function) return null;
        var content = pieces.Count(p => p.Role != Role.Function);
        // «حملة مكافحة المخدرات»: a chain of governed nouns reads in English as "campaign of fight of drugs" at best;
        // «عالم متعدد الأقطاب»: an adjective governing a noun ("multi-polar") has no word-by-word English either.
        var content0 = pieces.FindIndex(p => p.Role != Role.Function);
        if (pieces.Select((p, i) => (p, i)).Any(x => x.p.Governed && x.i != content0 + 1)) return null;
        var dictionaryWords = pieces.Count(p => p.Source == Source.Dictionary);
        if (content > MaxPhraseWords || (dictionaryWords > 1 && _common is not { IsAvailable: true })) return null;
        var weakest = pieces.Where(p => p.Source != Source.Verbatim).Max(p => p.Source);
        // The gazetteer writes its common nouns as in a title ("Agreement"); inside a phrase they are common words.
        pieces = [.. pieces.Select(p => p is { Role: Role.Noun, Source: Source.Gazetteer } && !IsAcronym(p.English) ? p with { English = p.English.ToLowerInvariant() } : p)];
        return new EnglishRendering(Compose(pieces), weakest == Source.Gazetteer ? GazetteerMethod : DictionaryMethod);
    }

    public EnglishRendering? RenderTitle(string arabicTitle)
    {
        if (string.IsNullOrWhiteSpace(arabicTitle)) return null;
        var words = ArabicWords.Split(arabicTitle);
        if (words.Count == 0 || words.Count > MaxSpanWords || !words.Any(w => w.IsArabic)) return null;
        var parts = new List<string>();
        var weakest = Source.Gazetteer;
        for (var i = 0; i < words.Count;)
        {
            if (!words[i].IsArabic)
            {
                parts.Add(words[i++].Text);
                continue;
            }
            if (MatchName(words, i, clitics: false) is { } name)
            {
                parts.Add(name.Piece.English);
                i += name.Length;
                continue;
            }
            if (_spelledOut.Value.TryGetValue(words[i].Folded, out var english))
                weakest = (Source)Math.Max((int)weakest, (int)Source.Dictionary);
            else if (ArabicRomanizer.Romanize(words[i].Text) is { Length: > 0 } latin)
            {
                english = latin;
                weakest = Source.Transliteration;
            }
            else return null;
            parts.Add(char.ToUpperInvariant(english[0]) + english[1..]);
            i++;
        }
        return new EnglishRendering(string.Join(' ', parts), weakest switch
        {
            Source.Gazetteer => GazetteerMethod,
            Source.Dictionary => DictionaryMethod,
            _ => TransliterationMethod,
        });
    }

    /// <summary>
    /// Common English words by their Arabic spellings: a title keeps its English words spelt out in Arabic letters
    /// («أميريكان باستورال» is American Pastoral). Short words are left out: «كان» or «من» spell "can" and "man" by chance.
    /// </summary>
    private Dictionary<string, string> SpelledOutWords()
    {
        var byArabic = new Dictionary<string, string>(StringComparer.Ordinal);
        if (_common is not { IsAvailable: true }) return byArabic;
        foreach (var word in _common.All.Where(w => w.Length >= 5 && w.All(char.IsAsciiLetterLower)).Order(StringComparer.Ordinal))
            foreach (var spelling in Transliterator.Transliterate(word, 2))
                byArabic.TryAdd(ArabicWords.Fold(spelling), word);
        return byArabic;
    }

    /// <summary>Elatives and ordinals (folded) that precede the noun they rank.</summary>
    private static readonly HashSet<string> Elatives = ["افضل", "اول", "اخر", "اكبر", "اضخم", "اطول", "اعلي", "اهم", "احدث", "اقدم", "اكثر", "اقل"];

    /// <summary>
    /// An elative before its noun ranks it: «أفضل فيلم» is the best film, not a better one. Of the word's senses (as
    /// written or definite), a common superlative or ordinal; none, and the phrase has no rendering.
    /// </summary>
    private string? Superlative(string folded)
    {
        if (_dictionary is null) return null;
        var senses = new[] { folded, "ال" + folded }.SelectMany(f => _dictionary.Lookup(f)).Select(t => t.Text).Where(t => !t.Contains(' ')).ToList();
        return senses.FirstOrDefault(CommonSuperlatives.Contains);
    }

    /// <summary>FreeDict lists rare superlatives beside the plain one («أكبر»: chunkiest, eldest, largest): only these are trusted.</summary>
    private static readonly HashSet<string> CommonSuperlatives =
        ["first", "last", "best", "worst", "most", "least", "largest", "biggest", "highest", "oldest", "latest", "newest", "greatest", "earliest", "longest", "strongest"];

    private static string Lower(string text) => text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    /// <summary>
    /// A name was asked for, but each word that would be spelt out as one is a common word the dictionary lists, and
    /// in a form names do not take: with the article («رابطة الأندية»), a possessive («إنتاجنا»), or two feminine words
    /// («سابقة نادرة»). Spelt out, it is a name nobody has ("Sabqa Nadra"), so there is no rendering. Names that are
    /// words too («نبيل», «جميلة») keep their transliteration.
    /// </summary>
    private bool NotAName(IReadOnlyList<ArabicWord> words, List<Piece> pieces)
    {
        if (_dictionary is null || !pieces.Any(p => p.Source == Source.Transliteration)) return false;
        var spelled = words.Where(w => w.IsArabic && !FunctionWords.ContainsKey(WithoutMarks(w.Text)) && MatchName([w], 0) is null).ToList();
        if (spelled.Count == 0 || !spelled.All(w => CommonWordForms(w.Folded).Any(IsHeadword))) return false;
        return spelled.Any(w => w.Folded.StartsWith("ال", StringComparison.Ordinal) && w.Folded.Length > 4 || Possessives.Any(p => w.Folded.EndsWith(p, StringComparison.Ordinal)))
               || spelled.Count(w => w.Folded.EndsWith('ه')) >= 2;
    }

    private static readonly string[] Possessives = ["نا", "ها", "هم", "كم"];

    /// <summary>A word's dictionary forms, also without a possessive pronoun («إنتاجنا» as «إنتاج»).</summary>
    private static IEnumerable<string> CommonWordForms(string folded)
    {
        foreach (var form in DictionaryForms(folded)) yield return form;
        foreach (var suffix in Possessives)
            if (folded.EndsWith(suffix, StringComparison.Ordinal) && folded.Length - suffix.Length >= 3)
                foreach (var form in DictionaryForms(folded[..^suffix.Length])) yield return form;
    }

    /// <summary>The question's English words and their base forms, lower-cased: the senses the asker has in mind.</summary>
    internal static HashSet<string> QuestionWords(string? question) =>
        question is null ? [] : EnglishQuestion.Tokenize(question).Where(t => !t.IsStopWord && !t.IsNumber)
            .SelectMany(t => DictionaryQueryExpander.BaseForms(t.Lower)).ToHashSet(StringComparer.Ordinal);

    /// <param name="phrase">A what-answer's noun phrase (<see cref="RenderPhrase"/>): adjective forms after a noun, common senses only.</param>
    private List<Piece>? Resolve(IReadOnlyList<ArabicWord> words, AnswerType type, IReadOnlySet<string> asked, bool phrase)
    {
        var dictionaryFirst = type is AnswerType.Organization or AnswerType.Other or AnswerType.Unknown;
        var transliterate = type is not AnswerType.Other;
        var pieces = new List<Piece>();
        for (var i = 0; i < words.Count;)
        {
            var word = words[i];
            // Before names: folded, «على» (on) would be the name «علي» (Ali).
            if (FunctionWords.TryGetValue(WithoutMarks(word.Text), out var particle))
            {
                pieces.Add(new Piece(particle, Role.Function, Source.Verbatim, false));
                i++;
            }
            // Inside a phrase a clitic read off makes names of common words («كامل» as «ك» + Amal).
            else if (MatchName(words, i, clitics: !phrase || i == 0) is { } name)
            {
                pieces.Add(name.Piece);
                i += name.Length;
            }
            else if (!word.IsArabic)
            {
                pieces.Add(new Piece(word.Text, Role.Name, Source.Verbatim, false));
                i++;
            }
            // After an office, a definite word completes it («وزير الصحة»): read it as a common noun even in a name.
            else if ((dictionaryFirst || (pieces.Count > 0 && pieces[^1].Role is Role.Title or Role.Noun && word.Folded.StartsWith("ال", StringComparison.Ordinal)))
                     && MatchDictionary(words, i, asked, phrase, modifier: phrase && pieces.Count > 0 && IsModifiable(pieces[^1].Role)) is { } common)
            {
                pieces.Add(common.Piece);
                i += common.Length;
            }
            else if (transliterate && ArabicRomanizer.Romanize(word.Text) is { Length: > 0 } latin)
            {
                pieces.Add(new Piece(latin, Role.Name, Source.Transliteration, false));
                i++;
            }
            else return null;
        }
        return pieces;
    }

    /// <summary>The longest gazetteer spelling starting at <paramref name="start"/>, its first word read with and without clitics.</summary>
    private (Piece Piece, int Length)? MatchName(IReadOnlyList<ArabicWord> words, int start, bool clitics = true)
    {
        var names = _names.Value;
        for (var length = Math.Min(names.MaxWords, words.Count - start); length >= 1; length--)
        {
            var rest = string.Join(' ', words.Skip(start + 1).Take(length - 1).Select(w => w.Folded));
            foreach (var reading in clitics ? ArabicWords.Readings(words[start].Folded) : [new ProcliticReading(words[start].Folded, false)])
            {
                var key = rest.Length == 0 ? reading.Folded : reading.Folded + " " + rest;
                if (names.Find(key) is { } entry)
                    return (new Piece(entry.English, RoleOf(entry.Kind), Source.Gazetteer, reading.AttachedAnd && start > 0, entry.Kind), length);
            }
        }
        return null;
    }

    /// <summary>A dictionary phrase (up to three words) or word, trying the forms the dictionary lists (mostly definite).</summary>
    /// <param name="phrase">Common senses only, gathered over all of a word's forms, and an indefinite phrase also looked up as definite.</param>
    /// <param name="modifier">The word follows a noun: its adjective forms come first.</param>
    private (Piece Piece, int Length)? MatchDictionary(IReadOnlyList<ArabicWord> words, int start, IReadOnlySet<string> asked, bool phrase = false, bool modifier = false)
    {
        if (_dictionary is null) return null;
        for (var length = Math.Min(3, words.Count - start); length >= 1; length--)
        {
            var following = words.Skip(start + 1).Take(length - 1).Select(w => w.Folded).ToList();
            foreach (var reading in ArabicWords.Readings(words[start].Folded))
            {
                if (length == 1 && phrase)
                {
                    if (PhraseSense(reading.Folded, modifier, asked) is { } sense)
                        return (new Piece(sense, Role.Noun, Source.Dictionary, reading.AttachedAnd && start > 0, Governed: modifier && !LooksAdjectival(reading.Folded)), 1);
                    continue;
                }
                var keys = length == 1 ? DictionaryForms(reading.Folded).ToList() : [string.Join(' ', following.Prepend(reading.Folded))];
                // «أقمار صناعية»: the dictionary lists phrases definite, «الأقمار الصناعية».
                if (phrase && length > 1) keys.Add(string.Join(' ', following.Prepend(reading.Folded).Select(Definite)));
                foreach (var key in keys)
                {
                    var translations = _dictionary.Lookup(key);
                    if (phrase && _common?.IsAvailable == true) translations = [.. translations.Where(t => _common.Contains(t.Text))];
                    if (translations.Count > 0)
                        return (new Piece(BestSense(translations, key.Split(' ')[0], IsHeadword, asked), Role.Noun, Source.Dictionary, reading.AttachedAnd && start > 0), length);
                }
            }
        }
        return null;
    }

    private static string Definite(string folded) => folded.StartsWith("ال", StringComparison.Ordinal) ? folded : "ال" + folded;

    /// <summary>
    /// One word of a noun phrase: the senses of all its headword forms, in the order of the forms (an adjective's own
    /// first), kept when they are common English words («أسلحة» lists only "armata", «الأسلحة» "weapons").
    /// </summary>
    private string? PhraseSense(string folded, bool modifier, IReadOnlySet<string> asked)
    {
        if (_dictionary is null) return null;
        // A nisba («الجوية») or participle («المتطورة») after a noun is its adjective: its noun readings («الصناعي»,
        // industrialist) are another word. A noun after a noun («شبكة الكهرباء») is read as a noun.
        // «أمنية» after a noun is the nisba «أمني» (security), not the noun «أمنية» (wish): a feminine nisba is read
        // through its masculine form and its noun before it is read as written.
        var nisba = modifier && NisbaNoun(folded) is not null && WithoutAccusative(folded).EndsWith('ه');
        var forms = (nisba ? AdjectiveForms(folded).Where(f => !f.EndsWith('ه'))
                : modifier && LooksAdjectival(folded) ? AdjectiveForms(folded) : modifier ? AdjectiveForms(folded).Concat(DictionaryForms(folded)) : DictionaryForms(folded))
            .Distinct(StringComparer.Ordinal);
        var senses = new List<Translation>();
        string? first = null;
        foreach (var form in forms)
        {
            var found = _dictionary.Lookup(form).Where(t => (_common?.IsAvailable != true || _common.Contains(t.Text)) && !Inflected(t.Text, modifier)).ToList();
            if (found.Count == 0) continue;
            first ??= form;
            senses.AddRange(found.Where(t => !senses.Any(s => s.Text == t.Text)));
        }
        if (first is null && modifier && NisbaNoun(folded) is { } noun)
            // «أمني» is not listed, «الأمن» (security) is: English says it with the noun before the head ("security reasons").
            return PhraseSense(noun, modifier: false, asked);
        return first is null ? null : BestSense(senses, first, IsHeadword, asked);
    }

    /// <summary>The noun a nisba adjective is formed from («أمنية», «الأمني» → «الأمن»), or null for a word of another form.</summary>
    internal static string? NisbaNoun(string folded)
    {
        var bare = WithoutAccusative(folded.StartsWith("ال", StringComparison.Ordinal) && folded.Length > 4 ? folded[2..] : folded);
        var stem = bare.EndsWith("يه", StringComparison.Ordinal) ? bare[..^2] : bare.EndsWith('ي') ? bare[..^1] : null;
        return stem is { Length: >= 2 } ? "ال" + stem : null;
    }

    /// <summary>«جوية», «الاقتصادية», «متطورة»: a nisba ending or a participle's «م» (as <c>AnswerPhrase</c> reads a qualifier).</summary>
    private static bool LooksAdjectival(string folded)
    {
        var bare = folded.StartsWith("ال", StringComparison.Ordinal) && folded.Length > 4 ? folded[2..] : folded;
        // Not «مكافحة» (the masdar مفاعلة) nor «مخدرات», «مساعدات» (participles become plural nouns).
        return bare.EndsWith("يه", StringComparison.Ordinal) || (bare.EndsWith('ي') && bare.Length > 3) || bare.EndsWith("يين", StringComparison.Ordinal)
               || bare.EndsWith("يون", StringComparison.Ordinal)
               || (bare[0] == 'م' && bare.Length >= 4 && bare[2] != 'ا' && !bare.EndsWith("ات", StringComparison.Ordinal));
    }

    /// <summary>
    /// FreeDict gives inflected English for some Arabic words («الخام»: rawer, rawest; «دعم»: buttressed): a comparative
    /// or superlative (of a word itself common: not "water") never renders an Arabic noun phrase's word, nor a past form its head noun.
    /// </summary>
    private bool Inflected(string english, bool modifier)
    {
        if (english.Contains(' ') || english.Length < 5) return false;
        if (!modifier && english.Length > 5 && english.EndsWith("ed", StringComparison.Ordinal) && !english.EndsWith("eed", StringComparison.Ordinal)) return true;
        foreach (var ending in new[] { "est", "er" })
        {
            if (!english.EndsWith(ending, StringComparison.Ordinal)) continue;
            var stem = english[..^ending.Length];
            if (_common?.IsAvailable == true && (_common.Contains(stem) || _common.Contains(stem + "e") || (stem.EndsWith('i') && _common.Contains(stem[..^1] + "y")))) return true;
        }
        return false;
    }

    /// <summary>
    /// An adjective's dictionary forms: FreeDict lists adjectives indefinite and masculine («صناعي», «متطور», «مباشر»)
    /// and gives the definite or feminine form as a noun («الصناعي» industrialist, «مباشرة» directly).
    /// </summary>
    internal static IEnumerable<string> AdjectiveForms(string folded)
    {
        var bare = WithoutAccusative(folded.StartsWith("ال", StringComparison.Ordinal) && folded.Length > 4 ? folded[2..] : folded);
        if (bare.EndsWith('ه') && bare.Length > 3) yield return bare[..^1];
        foreach (var ending in new[] { "ون", "ين", "ات" })
            if (bare.EndsWith(ending, StringComparison.Ordinal) && bare.Length - ending.Length >= 3) yield return bare[..^ending.Length];
        yield return bare;
    }

    /// <summary>
    /// FreeDict Arabic→English lists its senses in no order of frequency («الصحة»: advisability, healths, health, …).
    /// A sense whose words the question used wins: the asker names the thing as they know it ("what kind of world…"
    /// picks "world" among «العالم»'s scholar, world, …). Otherwise the plain form: no gerund, abstract «-ness»,
    /// hyphenation, or plural for a singular Arabic word; then the dictionary's order (not the shortest: measured,
    /// it picks "synergy" for «التعاون» and "quake" for «الزلزال»).
    /// </summary>
    /// <param name="isHeadword">Whether the dictionary lists a form: «ـون/ـين/ـات» is a plural only when the word without
    /// it is a word too («المسؤولون» of «المسؤول»); «التعاون» (cooperation) is a singular masdar.</param>
    internal static string BestSense(IReadOnlyList<Translation> translations, string arabicForm, Func<string, bool> isHeadword, IReadOnlySet<string>? asked = null)
    {
        var arabicPlural = IsPlural(arabicForm, isHeadword);
        return translations
            .Select((t, i) => (t.Text, Order: i, Penalty:
                (asked is { Count: > 0 } && t.Text.Split(' ').Any(w => DictionaryQueryExpander.BaseForms(w).Any(asked.Contains)) ? -10 : 0) +
                (t.Text.EndsWith("ing", StringComparison.Ordinal) ? 2 : 0) + (t.Text.EndsWith("ness", StringComparison.Ordinal) ? 2 : 0) +
                (t.Text.Contains('-') ? 2 : 0) + (t.Text.Contains(' ') ? 1 : 0) +
                (!arabicPlural && t.Text.EndsWith('s') && !t.Text.EndsWith("ss", StringComparison.Ordinal) ? 1 : 0)))
            .OrderBy(t => t.Penalty).ThenBy(t => t.Order)
            .First().Text;
    }

    private static bool IsPlural(string arabicForm, Func<string, bool> isHeadword)
    {
        foreach (var ending in new[] { "ات", "ون", "ين" })
        {
            if (!arabicForm.EndsWith(ending, StringComparison.Ordinal)) continue;
            var stem = arabicForm[..^ending.Length];
            var bare = stem.StartsWith("ال", StringComparison.Ordinal) ? stem[2..] : stem;
            if (bare.Length < 2) return false;
            return isHeadword(stem) || isHeadword(bare) || isHeadword("ال" + bare) || (ending == "ات" && (isHeadword(stem + "ه") || isHeadword(bare + "ه")));
        }
        return false;
    }

    private bool IsHeadword(string folded) => _dictionary?.Lookup(folded).Count > 0;

    /// <summary>
    /// The dictionary's headwords are mostly definite singulars («الوزير»): the word as written, with or without the
    /// article, then without a plural, dual or feminine ending.
    /// </summary>
    internal static IEnumerable<string> DictionaryForms(string folded)
    {
        var bare = folded.StartsWith("ال", StringComparison.Ordinal) && folded.Length > 4 ? folded[2..] : folded;
        yield return folded;
        yield return bare == folded ? "ال" + bare : bare;
        // «صديقاً مقرباً»: an object and its adjectives carry the accusative «ا», which no headword has.
        if (WithoutAccusative(bare) is var indefinite && indefinite != bare)
        {
            bare = indefinite;
            yield return bare;
            yield return "ال" + bare;
        }
        foreach (var ending in new[] { "ات", "ون", "ين", "ان", "ه" })
        {
            if (!bare.EndsWith(ending, StringComparison.Ordinal) || bare.Length - ending.Length < 3) continue;
            var stem = bare[..^ending.Length];
            if (ending == "ات") yield return "ال" + stem + "ه";
            yield return "ال" + stem;
            yield return stem;
        }
    }

    /// <summary>«مقربا» as «مقرب»: the accusative ending of an indefinite word, not a stem's own long «ا» («دنيا», «عليا»).</summary>
    internal static string WithoutAccusative(string bare) =>
        bare.Length >= 4 && bare[^1] == 'ا' && bare[^2] is not ('ا' or 'ي' or 'و' or 'ه' or 'ن') ? bare[..^1] : bare;

    private static string WithoutMarks(string word) => new(word.Where(c => c is not (>= '\u064B' and <= '\u065F' or '\u0640')).ToArray());

    private static Role RoleOf(NameKind kind) => kind switch
    {
        NameKind.Title => Role.Title,
        NameKind.Noun => Role.Noun,
        NameKind.Nationality => Role.Nationality,
        NameKind.Place or NameKind.Organization or NameKind.Event => Role.Named,
        _ => Role.Name,
    };

    private static bool IsModifiable(Role role) => role is Role.Title or Role.Noun or Role.Nationality;

    /// <summary>English word order: a noun with the modifiers that follow it in Arabic reversed, "of" before a named place.</summary>
    private static string Compose(List<Piece> pieces)
    {
        var parts = new List<string>();
        var previous = (Role?)null;
        for (var i = 0; i < pieces.Count;)
        {
            var piece = pieces[i];
            string text;
            if (IsModifiable(piece.Role))
            {
                var group = new List<Piece> { piece };
                var j = i + 1;
                while (j < pieces.Count && IsModifiable(pieces[j].Role) && !pieces[j].And) group.Add(pieces[j++]);
                // An office is capitalised with its complements: "Health Minister", not "health Minister".
                var office = group.Any(p => p.Role == Role.Title);
                text = string.Join(' ', Enumerable.Reverse(group).Select(p => office && p.Source == Source.Dictionary ? TitleCase(p.English) : p.English));
                if (j < pieces.Count && pieces[j] is { Role: Role.Named, And: false } named)
                {
                    text = Complement(text, named);
                    j++;
                }
                // «بوتين الرئيس الروسي»: an office after a name is in apposition to it.
                if (previous is Role.Name && !piece.And) parts[^1] += ",";
                i = j;
            }
            else
            {
                text = piece.English;
                i++;
            }
            parts.Add(piece.And ? "and " + text : text);
            previous = piece.Role;
        }
        var english = string.Join(' ', parts);
        return char.ToUpperInvariant(english[0]) + english[1..];
    }

    private static string TitleCase(string english) =>
        string.Join(' ', english.Split(' ').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));

    /// <summary>
    /// A named place or organisation completing an office or noun: "Spokesman for" + Kremlin is "Kremlin Spokesman";
    /// otherwise "Foreign Minister of Russia", "Secretary-General of the United Nations" (organisations take "the"
    /// unless written as an acronym or with their own article).
    /// </summary>
    private static string Complement(string head, Piece named)
    {
        if (head.EndsWith(" for", StringComparison.Ordinal)) return named.English + " " + head[..^" for".Length];
        var article = named.Kind == NameKind.Organization && !IsAcronym(named.English)
            && !named.English.StartsWith("al-", StringComparison.OrdinalIgnoreCase) && !named.English.StartsWith("Al ", StringComparison.Ordinal)
            ? "the " : "";
        return $"{head} of {article}{named.English}";
    }

    private static bool IsAcronym(string english) => english.All(c => !char.IsLetter(c) || char.IsUpper(c));
}
