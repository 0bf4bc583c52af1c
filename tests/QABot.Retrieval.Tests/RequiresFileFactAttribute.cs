using QABot.Core.Retrieval;
using QABot.Retrieval.CrossLingual;
using QABot.Retrieval.Planning;
using QABot.Testing;

namespace QABot.Retrieval.Tests;

/// <summary>A fact that is reported as skipped, with the reason, when third-party input it reads is not installed.</summary>
public sealed class RequiresFileFactAttribute : FactAttribute
{
    /// <param name="path">Absolute, or relative to the shared material folder (../shared).</param>
    public RequiresFileFactAttribute(string path)
    {
        var full = Path.IsPathRooted(path) ? path : RepoPaths.SharedFile(path.Split('/'));
        if (!File.Exists(full)) Skip = $"{full} is not present on this machine";
    }
}

internal static class CrossLingualResources
{
    public const string DictionaryIndexPath = "/usr/share/dictd/freedict-eng-ara.index";

    private static readonly Lazy<FreeDictDictionary> Dictionary = new(() => new FreeDictDictionary(DictionaryIndexPath));
    private static readonly Lazy<Gazetteer> Names = new(() => Gazetteer.Load());

    /// <summary>The planner as production wires it: installed dictionary, built-in gazetteer, transliteration.</summary>
    public static QueryPlanner RealPlanner(ITextEmbedder? embedder = null) =>
        new([new DictionaryQueryExpander(Dictionary.Value, Names.Value), new GazetteerQueryExpander(Names.Value)], embedder: embedder);
}
