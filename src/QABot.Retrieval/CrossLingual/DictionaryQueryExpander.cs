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
            AddSenses(phrases, token.Lower, translations, token.Capitalized ? FirstSenseWeight * NameWordFactor : FirstSenseWeight);
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
