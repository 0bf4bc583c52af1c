using QABot.Ingestion.Parsing;
using QABot.Testing;

namespace QABot.Hosts.Tests.Doubles;

/// <summary>The fixture claims the corpus's own metadata and quotes: this holds it to that.</summary>
[Trait("Category", "Fixtures")]
public sealed class SampleArticlesTests
{
    [Fact]
    public void Ids_titles_outlets_and_dates_are_what_ingestion_reads_from_the_corpus()
    {
        foreach (var fixture in new[] { SampleArticles.Gifts, SampleArticles.Undated })
        {
            var path = Path.Combine(RepoPaths.SampleCorpus, fixture.Id + ".txt");
            var parsed = SeedTextArticleParser.Parse(fixture.Id, File.ReadAllText(path), path)[0];
            Assert.Equal((parsed.Id, parsed.Title, parsed.Source, parsed.Published), (fixture.Id, fixture.Title, fixture.Source, fixture.Published));
        }
    }

    [Fact]
    public void Citation_quotes_are_verbatim_passages_of_their_articles()
    {
        foreach (var citation in new[] { SampleArticles.GiftsCitation(), SampleArticles.UndatedCitation() })
            Assert.Contains(citation.Quote, File.ReadAllText(Path.Combine(RepoPaths.SampleCorpus, citation.ArticleId + ".txt")));
    }
}
