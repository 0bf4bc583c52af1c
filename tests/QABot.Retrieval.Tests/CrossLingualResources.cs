using QABot.Core.Retrieval;
using QABot.Retrieval.CrossLingual;
using QABot.Retrieval.Planning;
using QABot.Testing;

namespace QABot.Retrieval.Tests;

internal static class CrossLingualResources
{
    public const string DictionaryIndexPath = "/usr/share/dictd/freedict-eng-ara.index";

    private static readonly Lazy<FreeDictDictionary> Dictionary = new(() => new FreeDictDictionary(DictionaryIndexPath));
    private static readonly Lazy<Gazetteer> Names = new(() => Gazetteer.Load());

    /// <summary>The planner as production wires it: installed dictionary, built-in gazetteer, transliteration.</summary>
    public static QueryPlanner RealPlanner(ITextEmbedder? embedder = null) =>
        new([new DictionaryQueryExpander(Dictionary.Value, Names.Value), new GazetteerQueryExpander(Names.Value, Dictionary.Value)], embedder: embedder);
}
