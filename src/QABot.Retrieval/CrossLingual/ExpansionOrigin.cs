namespace QABot.Retrieval.CrossLingual;

/// <summary>
/// The <see cref="Core.Retrieval.WeightedPhrase.Origin"/> convention of these expanders: <c>"expander:concept"</c>,
/// the concept being the English words rendered. Alternatives for one concept (spelling variants, dictionary senses)
/// share it, so a backend can let them compete instead of adding up; backends that ignore it lose nothing.
/// </summary>
public static class ExpansionOrigin
{
    public const string Transliteration = "transliteration";

    public static string Of(string expander, string english) => $"{expander}:{english.ToLowerInvariant()}";
}
