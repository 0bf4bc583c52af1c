using QABot.Core.Domain;
using QABot.Core.Retrieval;

namespace QABot.Retrieval.CrossLingual;

/// <summary>
/// Word-by-word (and phrase) translation of an English question with the FreeDict dictionary. Earlier senses weigh
/// more; capitalised words weigh less, since they are usually names the dictionary renders as common nouns.
/// Numbers pass through unchanged: Arabic news writes them in Latin digits too. Words inside a name the
/// <see cref="Gazetteer"/> knows are not translated («Un» of Kim Jong Un is not the United Nations).
/// </summary>
public sealed class DictionaryQueryExpander(FreeDictDictionary dictionary, Gazetteer? names = null) : IQueryExpander
{
    public const float FirstSenseWeight = 0.8f;
    public const float PhraseWeight = 1f;
    public const float NumberWeight = 1f;
    /// <summary>Each later sense keeps this share of the previous one's weight.</summary>
    public const float SenseDecay = 0.7f;
    public const float NameWordFactor = 0.8f;
    public const int MaxSenses = 4;
    /// <summary>
    /// A lower-case word the dictionary lacks is mostly a name or loanword typed without capitals ("kobe", "facebook",
    /// "ghibli"): its transliteration is searched, below a translation, as it may be a plain misspelling.
    /// </summary>
    public const float UnknownWordTransliterationWeight = 0.7f;
    public const int UnknownWordSpellings = 2;
    /// <summary>Weight of a verb's verbal noun relative to its first sense: the same concept, and the form news text uses.</summary>
    public const float VerbalNounShare = 1f;

    public string Name => "dictionary";

    public Task<IReadOnlyList<WeightedPhrase>> ExpandAsync(string question, string language, CancellationToken cancellationToken = default)
    {
        if (language != Languages.English) return Task.FromResult<IReadOnlyList<WeightedPhrase>>([]);
        var tokens = EnglishQuestion.Tokenize(question);
        var phrases = new List<WeightedPhrase>();
        if (!dictionary.IsAvailable)
        {
            phrases.AddRange(tokens.Where(t => t.IsNumber).Select(t => new WeightedPhrase(t.Text, NumberWeight, ExpansionOrigin.Of(Name, t.Text))));
            return Task.FromResult<IReadOnlyList<WeightedPhrase>>(phrases);
        }

        var covered = new bool[tokens.Count];
        foreach (var name in names?.Match(tokens) ?? [])
            for (var i = name.Start; i < name.Start + name.Length; i++) covered[i] = true;
        // Phrase headwords first ("prime minister", "white house"), longest first.
        for (var length = Math.Min(dictionary.MaxHeadwordWords, tokens.Count); length >= 2; length--)
            for (var start = 0; start + length <= tokens.Count; start++)
            {
                if (Enumerable.Range(start, length).Any(i => covered[i])) continue;
                var headword = string.Join(' ', tokens.Skip(start).Take(length).Select(t => t.Lower));
                var translations = dictionary.Lookup(headword);
                if (translations.Count == 0) continue;
                for (var i = start; i < start + length; i++) covered[i] = true;
                AddSenses(phrases, headword, translations, PhraseWeight);
            }

        foreach (var token in tokens)
        {
            if (covered[token.Position]) continue;
            if (token.IsNumber)
            {
                phrases.Add(new WeightedPhrase(token.Text, NumberWeight, ExpansionOrigin.Of(Name, token.Text)));
                continue;
            }
            if (token.IsStopWord || token.Lower.Length < 2) continue;
            var translations = LookupInflected(token.Lower);
            var firstWeight = token.Capitalized ? FirstSenseWeight * NameWordFactor : FirstSenseWeight;
            AddSenses(phrases, token.Lower, translations, firstWeight);
            if (translations.Count > 0) AddVerbalNoun(phrases, token.Lower, translations, firstWeight);
            // Capitalised words are transliterated by the gazetteer expander already.
            if (translations.Count == 0 && !token.Capitalized && token.Lower.Length >= 3)
                phrases.AddRange(Transliterator.Transliterate(token.Text, UnknownWordSpellings)
                    .Select(arabic => new WeightedPhrase(arabic, UnknownWordTransliterationWeight, ExpansionOrigin.Of(ExpansionOrigin.Transliteration, token.Text))));
        }
        return Task.FromResult<IReadOnlyList<WeightedPhrase>>(phrases);
    }

    private void AddSenses(List<WeightedPhrase> phrases, string english, IReadOnlyList<Translation> translations, float firstWeight)
    {
        foreach (var translation in translations.Where(t => t.Sense < MaxSenses))
            phrases.Add(new WeightedPhrase(translation.Text, firstWeight * MathF.Pow(SenseDecay, translation.Sense), ExpansionOrigin.Of(Name, english)));
    }

    /// <summary>
    /// The word's own senses, then the first sense of each of its English base forms the dictionary knows, as later
    /// senses. The dictionary lists many inflected forms itself, but often with an adjective or a narrow sense
    /// ("established" → «قائم») where the base form has the verb the press uses ("establish" → «ينشئ»); measured on
    /// XQuAD en→ar in docs/benchmarks.md.
    /// </summary>
    private IReadOnlyList<Translation> LookupInflected(string word)
    {
        var found = new List<Translation>();
        foreach (var candidate in BaseForms(word).Distinct())
        {
            var translations = dictionary.Lookup(candidate);
            if (translations.Count == 0) continue;
            if (found.Count == 0) found.AddRange(translations);
            else if (found.All(t => t.Text != translations[0].Text)) found.Add(new Translation(translations[0].Text, found.Count));
        }
        return found;
    }

    /// <summary>
    /// FreeDict renders an English verb's base form as an imperative («describe» → «صف», «say» → «قل», «die» → «مت»),
    /// a form news text almost never uses, while its "-ing" headword gives the verbal noun («الوصف», «القول»,
    /// «الموت») that news text uses all the time; so a base form also searches its "-ing" headword's first sense, as a
    /// sense of the same concept. Only when the two renderings share the verb's letters: a noun's "-ing" headword is
    /// often another word («wolf» «ذئب», «wolfing» «الإلتهام»). XQuAD en→ar recall@1 went from 0.744 to 0.752 with it.
    /// </summary>
    private void AddVerbalNoun(List<WeightedPhrase> phrases, string word, IReadOnlyList<Translation> translations, float firstWeight)
    {
        if (word.EndsWith('s') || word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("ing", StringComparison.Ordinal)) return;
        foreach (var form in IngForms(word))
        {
            if (dictionary.Lookup(form) is not [var noun, ..]) continue;
            if (SharesRoot(translations[0].Text, noun.Text) && translations.All(t => t.Text != noun.Text))
                phrases.Add(new WeightedPhrase(noun.Text, firstWeight * VerbalNounShare, ExpansionOrigin.Of(Name, word)));
            return;
        }
    }

    /// <summary>
    /// Whether a verbal noun has at least two of the verb rendering's consonants in order (all of them when it has
    /// fewer): «صف» and «الوصف», «مت» and «الموت». Long vowels, hamza carriers and the article are not compared:
    /// they are what the patterns of one root change.
    /// </summary>
    internal static bool SharesRoot(string verb, string noun)
    {
        var a = RootLetters(verb);
        var b = RootLetters(noun.StartsWith("ال", StringComparison.Ordinal) ? noun[2..] : noun);
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
                common[i, j] = a[i - 1] == b[j - 1] ? common[i - 1, j - 1] + 1 : Math.Max(common[i - 1, j], common[i, j - 1]);
        var shared = common[a.Length, b.Length];
        return shared > 0 && shared >= Math.Min(2, Math.Min(a.Length, b.Length));
    }

    private static string RootLetters(string arabic) => new(Text.ArabicNormalizer.Normalize(arabic)
        .Where(c => Text.ArabicNormalizer.IsArabicLetter(c) && c is not ('ا' or 'و' or 'ي' or 'ء' or 'ئ' or 'ؤ' or 'ه'))
        .ToArray());

    /// <summary>English "-ing" spellings of a base form, the likelier first (describe → describing, die → dying, win → winning, visit → visiting).</summary>
    internal static IEnumerable<string> IngForms(string word)
    {
        if (word.Length < 2) yield break;
        if (word.EndsWith("ie", StringComparison.Ordinal)) yield return word[..^2] + "ying";
        else if (word.EndsWith('e') && !word.EndsWith("ee", StringComparison.Ordinal)) yield return word[..^1] + "ing";
        else
        {
            // A short word ending consonant-vowel-consonant doubles its last letter (win → winning); longer ones
            // depend on stress (visit → visiting), so both spellings are tried.
            if (word.Length >= 3 && !IsVowel(word[^1]) && word[^1] is not ('w' or 'x' or 'y') && IsVowel(word[^2]) && !IsVowel(word[^3]))
                yield return word + word[^1] + "ing";
            yield return word + "ing";
        }
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    internal static IEnumerable<string> BaseForms(string word)
    {
        yield return word;
        if (word.EndsWith("ies") && word.Length > 4) yield return word[..^3] + "y";
        if (word.EndsWith("es") && word.Length > 3) yield return word[..^2];
        if (word.EndsWith('s') && !word.EndsWith("ss") && word.Length > 3) yield return word[..^1];
        if (word.EndsWith("ied") && word.Length > 4) yield return word[..^3] + "y";
        if (word.EndsWith("ed") && word.Length > 4)
        {
            yield return word[..^2];
            yield return word[..^1];
            if (word.Length > 5 && word[^3] == word[^4]) yield return word[..^3];
        }
        if (word.EndsWith("ing") && word.Length > 5)
        {
            yield return word[..^3];
            yield return word[..^3] + "e";
            if (word[^4] == word[^5]) yield return word[..^4];
        }
        if (word.EndsWith("ly") && word.Length > 4) yield return word[..^2];
    }
}
