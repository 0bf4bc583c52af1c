namespace QABot.Retrieval.Lucene;

/// <summary>
/// Other Arabic spellings of a foreign name. Outlets render the hard "g" differently: Egyptian ones write ج
/// («كيم جونج أون», «جوجل», «بيونج يانج»), Levantine and Gulf ones غ («كيم جونغ أون», «غوغل», «بيونغ يانغ»), and one
/// name written both ways in one corpus splits its articles in two: a question in one spelling never meets the other's.
/// A twin no passage holds adds nothing to the query; a native word's twin that is another word («غرب»/«جرب») is why
/// a twin counts for less than the word as written (<see cref="LuceneQueryOptions.NameSpellingWeight"/>).
/// </summary>
internal static class NameSpellings
{
    /// <summary>A name has few such letters; past this many the combinations are not worth their term look-ups.</summary>
    private const int MaxSwappedLetters = 3;

    /// <summary>
    /// The analysed term with every choice of ج or غ at each position holding one of them, the term itself excluded;
    /// empty for a term without them.
    /// </summary>
    public static IReadOnlyList<string> Of(string term)
    {
        var positions = new List<int>();
        for (var i = 0; i < term.Length; i++)
            if (term[i] is 'ج' or 'غ') positions.Add(i);
        if (positions.Count == 0 || positions.Count > MaxSwappedLetters || term.Length < 3) return [];
        var variants = new List<string>((1 << positions.Count) - 1);
        var letters = term.ToCharArray();
        for (var mask = 1; mask < 1 << positions.Count; mask++)
        {
            for (var p = 0; p < positions.Count; p++)
            {
                var original = term[positions[p]];
                letters[positions[p]] = (mask & (1 << p)) == 0 ? original : original == 'ج' ? 'غ' : 'ج';
            }
            variants.Add(new string(letters));
        }
        return variants;
    }
}
