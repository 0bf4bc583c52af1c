using System.Text.RegularExpressions;
using Lucene.Net.Analysis.En;

namespace QABot.Retrieval.CrossLingual;

/// <summary>One word of an English question, with what the expanders need to know about it.</summary>
/// <param name="Capitalized">Written with a capital letter somewhere other than the question's first word: likely a name.</param>
public sealed record EnglishToken(string Text, string Lower, int Position, bool Capitalized, bool IsNumber, bool IsStopWord);

/// <summary>Splits an English question into words, marking names, numbers and stop words.</summary>
public static partial class EnglishQuestion
{
    private static readonly HashSet<string> StopWords = BuildStopWords();

    public static IReadOnlyList<EnglishToken> Tokenize(string question)
    {
        var tokens = new List<EnglishToken>();
        foreach (Match match in WordPattern().Matches(question))
        {
            var text = match.Value.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || match.Value.EndsWith("’s", StringComparison.OrdinalIgnoreCase)
                ? match.Value[..^2]
                : match.Value.TrimEnd('\'', '’');
            if (text.Length == 0) continue;
            var lower = text.ToLowerInvariant();
            var isNumber = char.IsDigit(text[0]);
            var capitalized = char.IsUpper(text[0]) && (tokens.Count > 0 || !StopWords.Contains(lower));
            tokens.Add(new EnglishToken(text, lower, tokens.Count, capitalized, isNumber, !isNumber && StopWords.Contains(lower)));
        }
        return tokens;
    }

    public static bool IsStopWord(string lowerWord) => StopWords.Contains(lowerWord);

    /// <summary>
    /// Verbs whose meaning comes from the words around them ("get to see", "give a pledge", "make enough", "take place"):
    /// their dictionary renderings («أصبح», «شاهد», «أعطى», «أحضر») are common in any passage and carry little topic.
    /// </summary>
    public static bool IsLightVerb(string lowerWord) => LightVerbs.Contains(lowerWord);

    private static readonly HashSet<string> LightVerbs = new("""
        get gets got gotten getting make makes made making take takes took taken taking give gives gave given giving
        see sees saw seen seeing go goes went gone going come comes came coming put puts putting bring brings brought
        bringing keep keeps kept keeping let lets letting become becomes became becoming
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    // Words, including hyphenated names (Kim Jong-un) and numbers with separators (1,000 / 3.5).
    [GeneratedRegex(@"\p{L}[\p{L}\p{M}'’\-]*|\d+(?:[.,]\d+)*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    private static HashSet<string> BuildStopWords()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in EnglishAnalyzer.DefaultStopSet) set.Add(word.ToString()!);
        // Question scaffolding carries no topic: it would only pull in dictionary noise.
        foreach (var word in """
            what which who whom whose when where why how did does do done doing is are was were be been being am
            has have had having can could would should shall will may might must many much about from into onto
            over under than then there here their they them he she his her hers him it its i me my we our you your
            this that these those any some each every all both either neither also just only very more most
            name named according called tell told please s t
            whats whos wheres whens hows whys
            """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
            set.Add(word);
        return set;
    }
}
