using QABot.Core.Retrieval;
using QABot.Retrieval.Lucene;
using QABot.Testing;
using QABot.Testing.Conformance;

namespace QABot.Retrieval.Tests.Lucene;

/// <summary>Foreign names spelled with ج by some outlets and غ by others («هونغ كونغ» / «هونج كونج»).</summary>
[Trait("Category", "Retrieval")]
public sealed class NameSpellingTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Every_choice_of_jim_or_ghain_is_a_twin()
    {
        Assert.Equal(new[] { "جونج", "غونج", "غونغ" }.Order(StringComparer.Ordinal), NameSpellings.Of("جونغ").Order(StringComparer.Ordinal));
        Assert.Empty(NameSpellings.Of("روسيا"));
    }

    [Fact]
    public async Task A_question_in_one_spelling_finds_the_article_written_in_the_other()
    {
        await using var index = await IndexOf(("egyptian", "ارتفعت أسعار العقارات في هونج كونج هذا العام."),
            ("other", "ارتفعت أسعار العقارات في دبي هذا العام."));

        var hits = await index.SearchAsync(new SearchRequest { Text = "هونغ كونغ", Top = 2 });

        Assert.Equal("egyptian", Assert.Single(hits).Chunk.ArticleId);
    }

    [Fact]
    public async Task The_spelling_as_written_ranks_above_its_twin()
    {
        // The twin spelling is the rarer one, so at full weight its higher IDF would put it first.
        await using var index = await IndexOf(("twin", "ارتفعت أسعار العقارات في هونج كونج هذا العام."),
            ("written", "ارتفعت أسعار العقارات في هونغ كونغ هذا العام."),
            ("written2", "افتتح معرض للكتاب في هونغ كونغ بمشاركة واسعة."));

        var hits = await index.SearchAsync(new SearchRequest { Text = "أسعار العقارات في هونغ كونغ", Top = 3 });

        Assert.Equal(["written", "twin"], hits.Take(2).Select(h => h.Chunk.ArticleId));
    }

    private async Task<LuceneArticleIndex> IndexOf(params (string Id, string Body)[] articles)
    {
        var index = new LuceneArticleIndex(_temp.File("index"));
        await using var session = await index.BeginWriteAsync();
        foreach (var (id, body) in articles) await session.UpsertAsync(ConformanceDocuments.Article(id, "", body));
        await session.CommitAsync();
        return index;
    }
}
