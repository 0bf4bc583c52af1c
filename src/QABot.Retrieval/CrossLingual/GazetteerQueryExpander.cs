using QABot.Core.Domain;
using QABot.Core.Retrieval;

namespace QABot.Retrieval.CrossLingual;

/// <summary>
/// Names in an English question: known ones from the <see cref="Gazetteer"/>, other capitalised words by
/// <see cref="Transliterator"/> (weighted lower: a guessed spelling may not be the one the press uses). With the
/// dictionary, a question's first word is a name only when the dictionary does not know it.
/// </summary>
public sealed class GazetteerQueryExpander(Gazetteer gazetteer, FreeDictDictionary? dictionary = null) : IQueryExpander
{
    public const float KnownNameWeight = 1f;
    public const float KnownVariantWeight = 0.9f;
    public const float TransliterationWeight = 0.9f;
    public const float TransliterationVariantWeight = 0.7f;

    public string Name => "gazetteer";

    public Task<IReadOnlyList<WeightedPhrase>> ExpandAsync(string question, string language, CancellationToken cancellationToken = default)
    {
        if (language != Languages.English) return Task.FromResult<IReadOnlyList<WeightedPhrase>>([]);
        var tokens = EnglishQuestion.Tokenize(question);
        var phrases = new List<WeightedPhrase>();
        var covered = new bool[tokens.Count];
        foreach (var match in gazetteer.Match(tokens))
        {
            for (var i = match.Start; i < match.Start + match.Length; i++) covered[i] = true;
            for (var v = 0; v < match.Arabic.Count; v++)
                phrases.Add(new WeightedPhrase(match.Arabic[v], v == 0 ? KnownNameWeight : KnownVariantWeight, ExpansionOrigin.Of(Name, match.English)));
        }
        foreach (var token in tokens)
        {
            if (covered[token.Position] || !token.Capitalized || token.IsNumber || token.IsStopWord) continue;
            if (token.Position == 0 && IsCommonWord(token)) continue;
            var variants = Transliterator.Transliterate(token.Text);
            for (var v = 0; v < variants.Count; v++)
                phrases.Add(new WeightedPhrase(variants[v], v == 0 ? TransliterationWeight : TransliterationVariantWeight, ExpansionOrigin.Of(ExpansionOrigin.Transliteration, token.Text)));
        }
        return Task.FromResult<IReadOnlyList<WeightedPhrase>>(phrases);
    }

    /// <summary>
    /// A question's first word is capitalised whatever it is: when the dictionary knows it ("During", "Because"), its
    /// spelled-out form («دورينغ») would only add a term no passage holds, so it is left to the dictionary expander.
    /// </summary>
    private bool IsCommonWord(EnglishToken token) => dictionary is { IsAvailable: true } && dictionary.Lookup(token.Lower).Count > 0;
}
