using QABot.Core.Retrieval;
using QABot.Retrieval.Lucene;
using QABot.Testing;
using QABot.Testing.Conformance;
using QABot.Text.Analysis;

namespace QABot.Retrieval.Tests.Lucene;

/// <summary>The Arabic matching beyond letter folding: attached prepositions, derived forms and broken plurals.</summary>
[Trait("Category", "Retrieval")]
public sealed class ArabicMatchingTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Attached_preposition_gives_an_alternative_form_at_the_same_position()
    {
        var terms = SearchAnalysis.Analyze("شراكة لتسلا في موسكو", "ar");

        Assert.Contains(terms, t => t.Text == "تسلا" && t.IsAlternative && t.Position == 1);
        Assert.Contains(terms, t => t.Text == "لتسلا" && !t.IsAlternative && t.Position == 1);
        Assert.Equal(2, terms.Where(t => !t.IsAlternative).Select(t => t.Position).Distinct().Count(p => p <= 1));
    }

    [Theory]
    [InlineData("ترنيم", "ترانيم", "رنم")]   // singular / broken plural after stemming
    [InlineData("مطير", "مطري", "مطر")]
    [InlineData("تشكلت", "شكل", "شكل")]
    public void Related_forms_share_a_skeleton(string a, string b, string skeleton)
    {
        Assert.Equal(skeleton, RelatedTerms.Skeleton(a));
        Assert.Equal(skeleton, RelatedTerms.Skeleton(b));
    }

    [Theory]
    [InlineData("ثابت", "ثبت")]      // a final ت stays when fewer than three consonants would remain without it
    [InlineData("استخدام", "خدم")]   // the است prefix of the tenth form goes
    public void Skeletons_drop_derivation_prefixes_and_long_vowels(string term, string skeleton) =>
        Assert.Equal(skeleton, RelatedTerms.Skeleton(term));

    [Fact]
    public void Short_or_Latin_terms_have_no_skeleton()
    {
        Assert.Null(RelatedTerms.Skeleton("اب"));
        Assert.Null(RelatedTerms.Skeleton("putin"));
    }

    [Fact]
    public async Task Question_finds_passages_using_another_form_of_its_words()
    {
        await using var index = new LuceneArticleIndex(_temp.File("index"));
        await using (var session = await index.BeginWriteAsync())
        {
            await session.UpsertAsync(ConformanceDocuments.Article("hymns", "", "كتب لوثر ترانيم كثيرة باللغة الألمانية."));
            await session.UpsertAsync(ConformanceDocuments.Article("tesla", "", "وافق رجلا أعمال على تمويل شركة إنارة لتسلا."));
            await session.UpsertAsync(ConformanceDocuments.Article("other", "", "افتتح معرض الكتاب في القاهرة بمشاركة واسعة."));
            await session.CommitAsync();
        }

        Assert.Equal("hymns", (await index.SearchAsync(new SearchRequest { Text = "من كتب الترنيمة؟" }))[0].Chunk.ArticleId);
        Assert.Equal("tesla", (await index.SearchAsync(new SearchRequest { Text = "من مول تسلا؟" }))[0].Chunk.ArticleId);
    }
}
