using QABot.Core.Retrieval;
using QABot.Retrieval.Qdrant.Index;
using QABot.Retrieval.Qdrant.Sparse;
using QABot.Text.Analysis;

namespace QABot.Qdrant.Tests.Sparse;

[Trait("Category", "Qdrant")]
public sealed class Bm25SparseEncoderTests
{
    private readonly Bm25SparseEncoder _encoder = new();

    [Theory]
    [InlineData("", 0x811c9dc5u)]   // FNV-1a offset basis
    [InlineData("a", 0xe40c292cu)]  // published FNV-1a 32-bit test vectors
    [InlineData("foobar", 0xbf9cf968u)]
    public void Term_ids_are_32_bit_FNV_1a_of_the_UTF8_bytes(string term, uint expected) =>
        Assert.Equal(expected, Bm25SparseEncoder.TermId(term));

    [Fact]
    public void Saturation_grows_with_frequency_stays_below_k1_plus_1_and_falls_with_length()
    {
        var one = _encoder.Saturate(1, 80, 80);
        var three = _encoder.Saturate(3, 80, 80);
        var hundred = _encoder.Saturate(100, 80, 80);
        Assert.True(one < three && three < hundred);
        Assert.True(hundred < 2.2f);
        Assert.Equal(1f, one, 4); // at average length, tf = 1 weighs exactly 1
        Assert.True(_encoder.Saturate(1, 300, 80) < one);
    }

    [Fact]
    public void A_document_vector_holds_each_analysed_term_once_and_boosts_title_terms()
    {
        var vector = _encoder.EncodeDocument("بوتين", "بوتين يهدي كيم بندقية. كيم يهدي بوتين قفازا.");
        Assert.Equal(vector.Indices.Count, vector.Indices.Distinct().Count());
        Assert.Equal(vector.Indices.Order(), vector.Indices);

        var weights = vector.Indices.Zip(vector.Values).ToDictionary(p => p.First, p => p.Second);
        var putin = weights[Bm25SparseEncoder.TermId(SearchAnalysis.Terms("بوتين", "ar").Single())];
        var kim = weights[Bm25SparseEncoder.TermId(SearchAnalysis.Terms("كيم", "ar").Single())];
        Assert.True(putin > kim, "the same body frequency plus a title hit outweighs the body alone");
    }

    [Fact]
    public void Query_and_document_spellings_meet_on_the_same_term_ids()
    {
        var document = _encoder.EncodeDocument("", "أهدى الرئيس بُنْدُقِيَّة");
        var query = _encoder.EncodeQuery(new SearchRequest { Text = "اهدي الرئيس بندقيه" })!;
        Assert.Equal(document.Indices, query.Indices);
    }

    [Fact]
    public void English_question_words_weigh_half_and_expansions_keep_their_highest_weight()
    {
        var query = _encoder.EncodeQuery(new SearchRequest
        {
            Text = "Putin", Language = "en",
            Expansions = [new WeightedPhrase("بوتين", 0.6f), new WeightedPhrase("بوتين", 1f), new WeightedPhrase("هدية", 0.3f), new WeightedPhrase("ignored", 0f)],
        })!;
        var weights = query.Indices.Zip(query.Values).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal(3, weights.Count);
        Assert.Equal(Bm25SparseEncoder.LatinTermWeight, weights[Bm25SparseEncoder.TermId("putin")]);
        Assert.Equal(1f, weights[Bm25SparseEncoder.TermId(SearchAnalysis.Terms("بوتين", "ar").Single())]);
        Assert.Equal(0.3f, weights[Bm25SparseEncoder.TermId(SearchAnalysis.Terms("هدية", "ar").Single())]);
    }

    [Fact]
    public void A_multi_word_expansion_shares_its_weight_and_alternative_forms_weigh_less()
    {
        var query = _encoder.EncodeQuery(new SearchRequest { Text = "x", Language = "en", Expansions = [new WeightedPhrase("كيم جونغ أون", 0.9f)] })!;
        var weights = query.Indices.Zip(query.Values).ToDictionary(p => p.First, p => p.Second);
        var analyzed = SearchAnalysis.Analyze("كيم جونغ أون", "ar");
        foreach (var term in analyzed)
            Assert.Equal(term.IsAlternative ? 0.3f * Bm25SparseEncoder.AlternativeFormWeight : 0.3f, weights[Bm25SparseEncoder.TermId(term.Text)], 5);

        var withProclitic = SearchAnalysis.Analyze("بموسكو", "ar");
        Assert.Contains(withProclitic, t => t.IsAlternative);
        var question = _encoder.EncodeQuery(new SearchRequest { Text = "بموسكو" })!;
        var questionWeights = question.Indices.Zip(question.Values).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal(Bm25SparseEncoder.AlternativeFormWeight, questionWeights[Bm25SparseEncoder.TermId(withProclitic.First(t => t.IsAlternative).Text)], 5);
    }

    [Fact]
    public void A_question_with_nothing_searchable_has_no_vector()
    {
        Assert.Null(_encoder.EncodeQuery(new SearchRequest { Text = "؟؟ ... !!" }));
        Assert.Null(_encoder.EncodeQuery(new SearchRequest { Text = "في من على" }));
    }
}

[Trait("Category", "Qdrant")]
public sealed class PointIdsTests
{
    [Fact]
    public void Chunk_ids_are_RFC_4122_version_5_uuids_in_the_URL_namespace()
    {
        // Python: uuid.uuid5(uuid.NAMESPACE_URL, "gifts:0")
        Assert.Equal(Guid.Parse("c6c3d9ab-a1e3-5b7a-8b55-ffeb1b034fbb"), PointIds.ForChunk("gifts:0"));
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
        Assert.Equal(Guid.Parse("886313e1-3b8a-5372-9b90-0c9aee199e5d"), PointIds.UuidV5(Guid.Parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org"));
    }

    [Fact]
    public void Ids_are_stable_and_manifests_never_collide_with_chunks()
    {
        Assert.Equal(PointIds.ForChunk("a:0"), PointIds.ForChunk("a:0"));
        Assert.NotEqual(PointIds.ForChunk("a:0"), PointIds.ForChunk("a:1"));
        Assert.NotEqual(PointIds.ForManifest("x:0"), PointIds.ForChunk("x:0"));
    }
}
