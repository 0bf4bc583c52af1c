using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using QABot.Core.Domain;

namespace QABot.Text.Analysis;

/// <summary>
/// The term analysis shared by every index backend (Lucene fields, Qdrant sparse vectors) and by queries.
/// Arabic: standard tokenizer, lower case, <see cref="ArabicNormalizer"/> folding, stop words, light stemming.
/// English: Lucene's English analyzer (Porter stemming, stop words).
/// </summary>
public static class SearchAnalysis
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer Arabic { get; } = new ArabicSearchAnalyzer();
    public static Analyzer English { get; } = new EnglishAnalyzer(Version);

    public static Analyzer ForLanguage(string language) => language == Languages.English ? English : Arabic;

    /// <summary>The analyzed terms of <paramref name="text"/>, in order, duplicates kept.</summary>
    public static IReadOnlyList<string> Terms(string text, string language)
    {
        var terms = new List<string>();
        using var stream = ForLanguage(language).GetTokenStream("body", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }

    private sealed class ArabicSearchAnalyzer : Analyzer
    {
        private static readonly CharArraySet StopWords = BuildStopWords();

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = new LowerCaseFilter(Version, source);
            stream = new ArabicFoldingFilter(stream);
            stream = new StopFilter(Version, stream, StopWords);
            stream = new ArabicStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }

        private static CharArraySet BuildStopWords()
        {
            var set = new CharArraySet(Version, 256, false);
            foreach (var word in ArabicAnalyzer.DefaultStopSet)
                set.Add(ArabicNormalizer.Normalize(word));
            foreach (var word in EnglishAnalyzer.DefaultStopSet)
                set.Add(word);
            return set;
        }
    }
}
