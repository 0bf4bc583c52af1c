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
/// Arabic: standard tokenizer, lower case and <see cref="ArabicNormalizer"/> folding (one filter), stop words, light stemming, and an
/// alternative form without an attached preposition/conjunction (<see cref="ArabicProcliticFilter"/>).
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

    /// <summary>
    /// The analyzed terms with their positions. A term that shares the previous one's position is an alternative form
    /// of the same word (see <see cref="ArabicProcliticFilter"/>), flagged <see cref="AnalyzedTerm.IsAlternative"/>.
    /// </summary>
    public static IReadOnlyList<AnalyzedTerm> Analyze(string text, string language)
    {
        var terms = new List<AnalyzedTerm>();
        using var stream = ForLanguage(language).GetTokenStream("body", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            var alternative = increment.PositionIncrement == 0 && terms.Count > 0;
            position += Math.Max(increment.PositionIncrement, alternative ? 0 : 1);
            terms.Add(new AnalyzedTerm(term.ToString(), position, alternative, offset.StartOffset, offset.EndOffset));
        }
        stream.End();
        return terms;
    }

    /// <summary>True for a word the analysis drops (folded, lower case): a function word or question word of either language.</summary>
    public static bool IsStopWord(string folded) => ArabicSearchAnalyzer.StopWords.Contains(folded);

    private sealed class ArabicSearchAnalyzer : Analyzer
    {
        public static readonly CharArraySet StopWords = BuildStopWords();

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            // The folding filter lower-cases too.
            TokenStream stream = new ArabicFoldingFilter(source);
            stream = new StopFilter(Version, stream, StopWords);
            stream = new ArabicStemFilter(stream);
            stream = new ArabicProcliticFilter(stream);
            return new TokenStreamComponents(source, stream);
        }

        private const string ExtraArabicStopWords =
            "ماذا متى كم كيف أين لماذا هل وهل فهل ماهو ماهي وما تم يتم وتم هما هم هن أنتم نحن اللذان اللتان اللذين اللتين " +
            "لكي كي هؤلاء أولئك ذات إذ إذن عما عمن مما ممن لقد وقد فقد لدي اذكر أذكر";

        private static CharArraySet BuildStopWords()
        {
            var set = new CharArraySet(Version, 256, false);
            foreach (var word in ArabicAnalyzer.DefaultStopSet)
                set.Add(ArabicNormalizer.Normalize(word));
            // Question words and function words missing from Lucene's list: every question carries them, so they
            // only pull in passages that share the question's grammar rather than its topic.
            foreach (var word in ExtraArabicStopWords.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                set.Add(ArabicNormalizer.Normalize(word));
            foreach (var word in EnglishAnalyzer.DefaultStopSet)
                set.Add(word);
            return set;
        }
    }
}

/// <param name="Position">Word position in the analyzed text (stop words leave gaps).</param>
/// <param name="StartOffset">Where the word the term came from starts in the analyzed text.</param>
/// <param name="EndOffset">Where that word ends (exclusive).</param>
public readonly record struct AnalyzedTerm(string Text, int Position, bool IsAlternative, int StartOffset = 0, int EndOffset = 0);
