using QABot.Core.Retrieval;
using QABot.Retrieval.Lucene;
using QABot.Testing;
using QABot.Testing.Conformance;
using QABot.Text.Analysis;

namespace QABot.Retrieval.Tests.Lucene;

/// <summary>The second stage (<see cref="PassageReranker"/>) and the question cues and analysis it relies on.</summary>
[Trait("Category", "Retrieval")]
public sealed class PassageRerankTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    // Same words, same length, same term frequencies: BM25 cannot tell them apart; only closeness can.
    private const string Filler = "جرت في المدينة احتفالات كبيرة حضرها سكان المنطقة وزوار من خارجها طوال الأسبوع الماضي وسط أجواء مشمسة";
    private const string Clustered = "افتتح المهندس الجسر الحديدي فوق النهر. " + Filler + " " + Filler;
    private const string Spread = "افتتح " + Filler + " المهندس " + Filler + " الجسر الحديدي فوق النهر.";

    [Fact]
    public async Task Passage_holding_the_question_words_in_one_sentence_outranks_the_same_words_spread_apart()
    {
        await using var index = await IndexAsync(("spread", Spread), ("clustered", Clustered));
        var request = new SearchRequest { Text = "من افتتح الجسر الحديدي فوق النهر المهندس؟", Top = 2 };

        index.QueryOptions = LuceneQueryOptions.Default with { ProximityBoost = 0, RerankWeight = 0 };
        var firstStage = await index.SearchAsync(request);
        index.QueryOptions = LuceneQueryOptions.Default with { ProximityBoost = 0 };
        var reranked = await index.SearchAsync(request);

        Assert.Equal(firstStage[0].Score, firstStage[1].Score, 4);
        Assert.Equal("clustered", reranked[0].Chunk.ArticleId);
        Assert.True(reranked[0].Score > reranked[1].Score * 1.05, $"{reranked[0].Score} vs {reranked[1].Score}");
    }

    [Fact]
    public async Task A_how_many_question_prefers_the_passage_with_a_number_near_its_words()
    {
        await using var index = await IndexAsync(
            ("without", "بلغ عدد سكان المدينة رقما قياسيا بحسب التعداد الأخير الذي أجرته الحكومة المحلية"),
            ("with", "بلغ عدد سكان المدينة 250000 نسمة بحسب التعداد الأخير الذي أجرته الحكومة المحلية"));
        index.QueryOptions = LuceneQueryOptions.Default with { ProximityBoost = 0 };

        var hits = await index.SearchAsync(new SearchRequest { Text = "كم عدد سكان المدينة بحسب التعداد؟", Top = 2 });

        Assert.Equal("with", hits[0].Chunk.ArticleId);
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Theory]
    [InlineData("كم عدد سكان المدينة؟", "ar", true)]
    [InlineData("متى افتتح الجسر؟", "ar", true)]
    [InlineData("في أي عام ولد الشاعر؟", "ar", true)]
    [InlineData("من افتتح الجسر؟", "ar", false)]
    [InlineData("How many people live in the city?", "en", true)]
    [InlineData("In what year was the bridge opened?", "en", true)]
    [InlineData("Who opened the bridge?", "en", false)]
    public void Questions_asking_for_a_number_are_recognised(string question, string language, bool expected) =>
        Assert.Equal(expected, NumericAnswerCue.ExpectsNumber(question, language));

    [Theory]
    [InlineData("2010", true)]
    [InlineData("خمس", true)]
    [InlineData("مليون", true)]
    [InlineData("جسر", false)]
    public void Numbers_are_recognised_among_analyzed_terms(string term, bool expected) =>
        Assert.Equal(expected, NumericAnswerCue.IsNumber(term));

    [Fact]
    public void Analysis_lower_cases_folds_letter_shapes_and_maps_Arabic_Indic_digits()
    {
        Assert.Equal(["nasa", "2010"], SearchAnalysis.Terms("NASA ٢٠١٠", "ar"));
        Assert.Equal(SearchAnalysis.Terms("مستشفي اسلام", "ar"), SearchAnalysis.Terms("مُسْتَشْفَى إِسْلامٌ", "ar"));
        Assert.Equal(SearchAnalysis.Terms("مكتبه", "ar"), SearchAnalysis.Terms("مكتبة", "ar"));
    }

    private async Task<LuceneArticleIndex> IndexAsync(params (string Id, string Body)[] articles)
    {
        var index = new LuceneArticleIndex(_temp.File("index"));
        await using var session = await index.BeginWriteAsync();
        foreach (var (id, body) in articles) await session.UpsertAsync(ConformanceDocuments.Article(id, "", body));
        await session.CommitAsync();
        return index;
    }
}
