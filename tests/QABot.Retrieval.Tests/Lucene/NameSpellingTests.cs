using Lucene.Net.Search;
using QABot.Core.Domain;
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
    public void A_rarer_twin_counts_no_more_than_the_word_as_written_and_a_twin_no_passage_holds_is_left_out()
    {
        // Weighted by IDF, the rare twin at the plain 0.8 would count more than the common spelling the question used.
        var frequencies = new Dictionary<string, int> { [LuceneQueryBuilder.AllPassages] = 1000, ["جونغ"] = 100, ["جونج"] = 5 };
        var query = LuceneQueryBuilder.BuildQuery(new SearchRequest { Text = "جونغ", Language = Languages.Arabic, Top = 5 },
            LuceneQueryOptions.Default, documentFrequency: t => frequencies.GetValueOrDefault(t))!;

        var boosts = BodyTermBoosts(query);
        Assert.True(boosts["جونج"] > 0);
        Assert.True(boosts["جونج"] * PassageReranker.Idf(5, 1000) <= boosts["جونغ"] * PassageReranker.Idf(100, 1000) * 1.0001f,
            $"twin {boosts["جونج"] * PassageReranker.Idf(5, 1000)} > written {boosts["جونغ"] * PassageReranker.Idf(100, 1000)}");
        Assert.DoesNotContain("غونغ", boosts.Keys);
    }

    private static Dictionary<string, float> BodyTermBoosts(Query query, float outer = 1f)
    {
        var boosts = new Dictionary<string, float>();
        switch (query)
        {
            case TermQuery term when term.Term.Field == IndexFields.Body:
                boosts[term.Term.Text] = outer * term.Boost;
                break;
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses)
                    foreach (var (text, boost) in BodyTermBoosts(clause.Query, outer * boolean.Boost)) boosts[text] = boost;
                break;
        }
        return boosts;
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
