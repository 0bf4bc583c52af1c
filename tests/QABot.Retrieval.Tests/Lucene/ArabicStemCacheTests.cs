using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using QABot.Testing;
using QABot.Text.Analysis;

namespace QABot.Retrieval.Tests.Lucene;

/// <summary>The stem memo must give exactly Lucene's stems, first time and remembered, or the index would change.</summary>
[Trait("Category", "Retrieval")]
public sealed class ArabicStemCacheTests
{
    private static readonly string SampleText = string.Join("\n",
        Directory.GetFiles(RepoPaths.SampleCorpus, "*.txt").Order().Select(File.ReadAllText));

    [Fact]
    public void Every_sample_word_gets_lucenes_stem_when_first_seen_and_when_remembered()
    {
        var cache = new ArabicStemCache();
        var stemmer = new ArabicStemmer();
        // Words with the article and its compounds are stemmed by dropping a prefix: remembered stems must be shifted.
        var words = Words(SampleText).Concat(["والكتاب", "بالمدينة", "فالأمر", "كالعادة", "للسلام", "الكتابات", "والكتاب"]).ToList();
        Assert.True(words.Count > 1000);
        foreach (var pass in new[] { "first", "remembered" })
            foreach (var word in words)
                Assert.True(Stem(stemmer.Stem, word) == Stem(cache.Stem, word), $"{pass}: {word}");
        Assert.Equal("كتاب", Stem(cache.Stem, "والكتاب"));
    }

    [Fact]
    public void Past_its_capacity_it_stops_remembering_and_still_stems()
    {
        var cache = new ArabicStemCache();
        var stemmer = new ArabicStemmer();
        var letters = "بتثجحخدذرزسشصضطظعغفقكلمنهي";
        var checkedWords = 0;
        for (var i = 0; cache.Count < ArabicStemCache.Capacity || checkedWords < 1000; i++)
        {
            var word = "وال" + letters[i % letters.Length] + letters[i / letters.Length % letters.Length] + letters[i / 729 % letters.Length] + "ات" + (i / 19683);
            if (cache.Count == ArabicStemCache.Capacity) checkedWords++;
            Assert.Equal(Stem(stemmer.Stem, word), Stem(cache.Stem, word));
        }
        Assert.Equal(ArabicStemCache.Capacity, cache.Count);
    }

    [Fact]
    public void The_search_analysis_gives_the_same_terms_as_lucenes_stem_filter()
    {
        var expected = ReferenceTerms(SampleText);
        Assert.Equal(expected, SearchAnalysis.Analyze(SampleText, "ar"));
        // Again, now from this thread's remembered stems.
        Assert.Equal(expected, SearchAnalysis.Analyze(SampleText, "ar"));
    }

    private static string Stem(Func<char[], int, int> stem, string word)
    {
        var buffer = word.ToCharArray();
        return new string(buffer, 0, stem(buffer, buffer.Length));
    }

    private static IEnumerable<string> Words(string text) =>
        text.Split((char[])[' ', '\n', '\r', '\t', '.', '،', ',', '«', '»', '(', ')', ':', '"'], StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(w => new[] { w, QABot.Text.ArabicNormalizer.NormalizeLower(w) });

    /// <summary>The analysis chain as it was before the memo: Lucene's own stem filter, and a stemmer per stripped form.</summary>
    private static List<AnalyzedTerm> ReferenceTerms(string text)
    {
        using var analyzer = Analyzer.NewAnonymous((_, reader) =>
        {
            var source = new StandardTokenizer(SearchAnalysis.Version, reader);
            TokenStream stream = new ArabicFoldingFilter(source);
            stream = new StopWords(stream);
            stream = new ArabicStemFilter(stream);
            stream = new UncachedProcliticFilter(stream);
            return new TokenStreamComponents(source, stream);
        });
        var terms = new List<AnalyzedTerm>();
        using var stream = analyzer.GetTokenStream("body", text);
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

    private sealed class StopWords(TokenStream input) : FilteringTokenFilter(SearchAnalysis.Version, input)
    {
        private readonly ICharTermAttribute _term = input.AddAttribute<ICharTermAttribute>();

        protected override bool Accept() => !SearchAnalysis.IsStopWord(_term.ToString());
    }

    /// <summary>What <see cref="ArabicProcliticFilter"/> did with a plain <see cref="ArabicStemmer"/>.</summary>
    private sealed class UncachedProcliticFilter : TokenFilter
    {
        private readonly ICharTermAttribute _term;
        private readonly IPositionIncrementAttribute _position;
        private readonly ArabicStemmer _stemmer = new();
        private string? _pending;

        public UncachedProcliticFilter(TokenStream input) : base(input)
        {
            _term = AddAttribute<ICharTermAttribute>();
            _position = AddAttribute<IPositionIncrementAttribute>();
        }

        public override bool IncrementToken()
        {
            if (_pending is not null)
            {
                _term.SetEmpty().Append(_pending);
                _position.PositionIncrement = 0;
                _pending = null;
                return true;
            }
            if (!m_input.IncrementToken()) return false;
            var word = _term.ToString();
            if (word.Length >= 4 && word[0] is 'ل' or 'ب' or 'ك' or 'ف' or 'و')
            {
                var rest = word[1..].ToCharArray();
                var length = _stemmer.Stem(rest, rest.Length);
                if (length >= 2) _pending = new string(rest, 0, length);
            }
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _pending = null;
        }
    }
}
