using Xunit;
using QABot.Core.Retrieval;

namespace QABot.Testing.Conformance;

/// <summary>
/// Behaviour every <see cref="IArticleIndex"/> backend must show. A backend's test project subclasses this and
/// supplies a fresh, empty index per test; the scenarios use only the interface.
/// </summary>
public abstract class ArticleIndexConformance : IAsyncLifetime
{
    private readonly List<IArticleIndex> _created = [];

    /// <summary>A new, empty index, isolated from every other test.</summary>
    protected abstract Task<IArticleIndex> CreateIndexAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var index in _created) await index.DisposeAsync();
    }

    protected async Task<IArticleIndex> NewIndexAsync()
    {
        var index = await CreateIndexAsync();
        _created.Add(index);
        return index;
    }

    protected static readonly DateTimeOffset September2023 = new(2023, 9, 14, 10, 0, 0, TimeSpan.FromHours(3));

    protected static IndexDocument GiftsArticle(string id = "gifts") => ConformanceDocuments.Article(
        id,
        "بنادق وقفازات نادرة.. بوتين وكيم يعززان العلاقات بالهدايا",
        "أهدى كل من الرئيس الروسي فلاديمير بوتين والزعيم الكوري الشمالي كيم جونغ أون الآخر بندقية بعد الاجتماع في أقصى شرق روسيا.\n" +
        "وأفاد الناطق باسم الكرملين بأن بوتين أعطى كيم قفازا من بزة فضائية.",
        September2023, "قناة اليمن اليوم");

    protected static IndexDocument FootballArticle(string id = "football", DateTimeOffset? published = null, string? source = "alarabia") =>
        ConformanceDocuments.Article(id, "الأهلي يفوز على الزمالك في الدوري", "سجل المهاجم هدفين في مباراة القمة بين الأهلي والزمالك في الدوري المصري.", published, source);

    protected static IndexDocument WeatherArticle(string id = "weather", DateTimeOffset? published = null, string? source = "bbc") =>
        ConformanceDocuments.Article(id, "موجة حر في القاهرة", "توقعت هيئة الأرصاد استمرار موجة الحر في القاهرة والمدن الساحلية حتى نهاية الأسبوع.", published, source);

    protected static SearchRequest Arabic(string text, int top = 8) => new() { Text = text, Top = top };

    protected static async Task WriteAsync(IArticleIndex index, params IndexDocument[] documents)
    {
        await using var session = await index.BeginWriteAsync();
        foreach (var document in documents) await session.UpsertAsync(document);
        await session.CommitAsync();
    }

    [Fact]
    public async Task Committed_article_is_found_by_its_words_with_full_citation_metadata()
    {
        var index = await NewIndexAsync();
        await WriteAsync(index, GiftsArticle(), FootballArticle());

        var hits = await index.SearchAsync(Arabic("ماذا أهدى بوتين لكيم؟"));

        Assert.NotEmpty(hits);
        var top = hits[0].Chunk;
        Assert.Equal("gifts", top.ArticleId);
        Assert.Equal("gifts:0", top.ChunkId);
        Assert.Equal(GiftsArticle().Article.Title, top.Metadata.Title);
        Assert.Equal("قناة اليمن اليوم", top.Metadata.Source);
        Assert.Equal(September2023, top.Metadata.Published);
        Assert.Equal(September2023.Offset, top.Metadata.Published!.Value.Offset);
        Assert.Equal("https://example.test/gifts", top.Metadata.Url);
        Assert.DoesNotContain(hits, h => h.Chunk.ArticleId == "football");
        Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Score >= p.Second.Score), "hits are ordered by score");
    }

    [Fact]
    public async Task Uncommitted_session_is_invisible_and_rolled_back_on_dispose()
    {
        var index = await NewIndexAsync();
        await WriteAsync(index, FootballArticle());

        await using (var session = await index.BeginWriteAsync())
        {
            await session.UpsertAsync(GiftsArticle());
            await session.DeleteAsync("football");
            Assert.Empty(await index.SearchAsync(Arabic("بندقية بوتين")));
            Assert.Null(await index.GetArticleAsync("gifts"));
        }

        Assert.Empty(await index.SearchAsync(Arabic("بندقية بوتين")));
        Assert.Null(await index.GetArticleAsync("gifts"));
        Assert.NotNull(await index.GetArticleAsync("football"));
        Assert.Equal(["football"], (await index.ReadManifestAsync()).Select(m => m.ArticleId));

        // The index stays writable after a rollback.
        await WriteAsync(index, GiftsArticle());
        Assert.NotEmpty(await index.SearchAsync(Arabic("بندقية بوتين")));
    }

    [Fact]
    public async Task Upsert_replaces_every_chunk_of_the_article()
    {
        var index = await NewIndexAsync();
        await WriteAsync(index, GiftsArticle());
        var replacement = ConformanceDocuments.Article("gifts", "عنوان جديد", "نص مختلف تماما عن الطقس والمطر.", September2023, contentHash: "v2");
        await WriteAsync(index, replacement);

        Assert.Empty(await index.SearchAsync(Arabic("بندقية")));
        var hits = await index.SearchAsync(Arabic("المطر"));
        Assert.Equal(["gifts:0"], hits.Select(h => h.Chunk.ChunkId));
        var stored = await index.GetArticleAsync("gifts");
        Assert.Equal(1, stored!.ChunkCount);
        Assert.Equal("v2", stored.ContentHash);
        Assert.Equal("عنوان جديد", stored.Article.Title);
        Assert.Equal(1, (await index.GetStatsAsync()).Chunks);
    }

    [Fact]
    public async Task An_article_read_before_it_is_replaced_is_read_anew_after()
    {
        var index = await NewIndexAsync();
        await WriteAsync(index, GiftsArticle());
        Assert.NotEqual("v2", (await index.GetArticleAsync("gifts"))!.ContentHash);

        await WriteAsync(index, ConformanceDocuments.Article("gifts", "عنوان جديد", "نص مختلف تماما عن الطقس والمطر.", September2023, contentHash: "v2"));

        var stored = await index.GetArticleAsync("gifts");
        Assert.Equal("v2", stored!.ContentHash);
        Assert.Equal("عنوان جديد", stored.Article.Title);
    }

    [Fact]
    public async Task Delete_removes_article_chunks_and_manifest_entry()
    {
        var index = await NewIndexAsync();
        await WriteAsync(index, GiftsArticle(), FootballArticle());

        await using (var session = await index.BeginWriteAsync())
        {
            await session.DeleteAsync("gifts");
            await session.CommitAsync();
        }

        Assert.Empty(await index.SearchAsync(Arabic("بندقية بوتين")));
        Assert.Null(await index.GetArticleAsync("gifts"));
        Assert.Equal(["football"], (await index.ReadManifestAsync()).Select(m => m.ArticleId));
    }

    [Fact]
    public async Task Aliases_resolve_to_the_stored_article_and_accumulate()
    {
        var index = await NewIndexAsync();
        await WriteAsync(index, ConformanceDocuments.Article("a1", "بوتين", "بوتين يزور بيونغ يانغ.", aliases: ["dup-1"]));

        await using (var session = await index.BeginWriteAsync())
        {
            await session.SetAliasesAsync("a1", ["dup-2"]);
            await session.SetAliasesAsync("a1", ["dup-2"]);
            await session.CommitAsync();
        }

        foreach (var id in new[] { "a1", "dup-1", "dup-2" })
        {
            var stored = await index.GetArticleAsync(id);
            Assert.NotNull(stored);
            Assert.Equal("a1", stored!.Article.Id);
            Assert.Equal(["dup-1", "dup-2"], stored.AliasIds.Order());
        }
        Assert.Null(await index.GetArticleAsync("dup-3"));
        var manifest = Assert.Single(await index.ReadManifestAsync());
        Assert.Equal(["dup-1", "dup-2"], manifest.AliasIds.Order());
    }

    [Theory]
    [InlineData("\u2066a1\u2069")] // an id as a terminal printed it, isolated, then copied
    [InlineData("\u200Fa1 ")]
    [InlineData("\u2066dup-1\u2069")]
    [InlineData("a1\u200B")]
    public async Task Ids_pasted_with_invisible_marks_still_resolve(string pasted)
    {
        var index = await NewIndexAsync();
        await WriteAsync(index, ConformanceDocuments.Article("a1", "بوتين", "بوتين يزور بيونغ يانغ.", aliases: ["dup-1"]));

        var stored = await index.GetArticleAsync(pasted);
        Assert.Equal("a1", stored?.Article.Id);
        Assert.Null(await index.GetArticleAsync("\u2066\u2069"));
    }

    [Fact]
    public async Task Manifest_reports_content_and_body_hashes_and_article_round_trips()
    {
        var index = await NewIndexAsync();
        var gifts = GiftsArticle();
        await WriteAsync(index, gifts, FootballArticle());

        var manifest = (await index.ReadManifestAsync()).ToDictionary(m => m.ArticleId);
        Assert.Equal(2, manifest.Count);
        Assert.Equal(gifts.ContentHash, manifest["gifts"].ContentHash);
        Assert.Equal(gifts.BodyHash, manifest["gifts"].BodyHash);

        var stored = await index.GetArticleAsync("gifts");
        Assert.Equal(gifts.Article.Body, stored!.Article.Body);
        Assert.Equal(gifts.Article.Title, stored.Article.Title);
        Assert.Equal(gifts.Article.Source, stored.Article.Source);
        Assert.Equal(gifts.Article.Published, stored.Article.Published);
        Assert.Equal(2, stored.ChunkCount);

        var listed = new List<StoredArticle>();
        await foreach (var article in index.ListArticlesAsync()) listed.Add(article);
        Assert.Equal(["football", "gifts"], listed.Select(a => a.Article.Id).Order());
    }

    [Fact]
    public async Task Date_range_keeps_dated_articles_inside_it_and_never_matches_undated_ones()
    {
        var index = await NewIndexAsync();
        await WriteAsync(index,
            FootballArticle("old", new DateTimeOffset(2015, 3, 1, 0, 0, 0, TimeSpan.Zero)),
            FootballArticle("new", new DateTimeOffset(2018, 3, 1, 0, 0, 0, TimeSpan.Zero)),
            FootballArticle("undated", published: null));

        var all = await index.SearchAsync(Arabic("الأهلي والزمالك"));
        Assert.Equal(3, all.Select(h => h.Chunk.ArticleId).Distinct().Count());

        var in2018 = await index.SearchAsync(Arabic("الأهلي والزمالك") with
        {
            PublishedRange = new DateRange(new DateTimeOffset(2018, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2018, 12, 31, 23, 59, 59, TimeSpan.Zero)),
        });
        Assert.Equal(["new"], in2018.Select(h => h.Chunk.ArticleId).Distinct());

        var openEnded = await index.SearchAsync(Arabic("الأهلي والزمالك") with { PublishedRange = new DateRange(null, new DateTimeOffset(2016, 1, 1, 0, 0, 0, TimeSpan.Zero)) });
        Assert.Equal(["old"], openEnded.Select(h => h.Chunk.ArticleId).Distinct());
    }

    /// <summary>02:28 in Dubai on 1 March 2018 (the ANT case): 28 February in UTC.</summary>
    protected static readonly DateTimeOffset DubaiNight = new(2018, 3, 1, 2, 28, 9, TimeSpan.FromHours(4));
    /// <summary>22:00 in New York on 28 February 2018: already 1 March in UTC.</summary>
    protected static readonly DateTimeOffset NewYorkEvening = new(2018, 2, 28, 22, 0, 0, TimeSpan.FromHours(-5));

    private static DateRange Day(int year, int month, int day) => DateRange.Days(new DateOnly(year, month, day), new DateOnly(year, month, day));

    [Fact]
    public async Task Search_date_windows_are_read_on_the_outlets_own_clock()
    {
        var index = await NewIndexAsync();
        await WriteAsync(index, FootballArticle("dubai-night", DubaiNight), FootballArticle("ny-evening", NewYorkEvening));

        var march1 = await index.SearchAsync(Arabic("الأهلي والزمالك") with { PublishedRange = Day(2018, 3, 1) });
        Assert.Equal(["dubai-night"], march1.Select(h => h.Chunk.ArticleId).Distinct());
        var february28 = await index.SearchAsync(Arabic("الأهلي والزمالك") with { PublishedRange = Day(2018, 2, 28) });
        Assert.Equal(["ny-evening"], february28.Select(h => h.Chunk.ArticleId).Distinct());
        Assert.Equal(DubaiNight.Offset, march1[0].Chunk.Metadata.Published!.Value.Offset);
    }

    private static async Task<IArticleIndex> ListingIndexAsync(IArticleIndex index)
    {
        await WriteAsync(index,
            FootballArticle("dubai-night", DubaiNight, "alarabia"),
            FootballArticle("ny-evening", NewYorkEvening, "CNN"),
            WeatherArticle("march-noon", new DateTimeOffset(2018, 3, 1, 12, 0, 0, TimeSpan.Zero), "BBC"),
            WeatherArticle("march-2", new DateTimeOffset(2018, 3, 2, 0, 30, 0, TimeSpan.FromHours(3)), "bbc"),
            WeatherArticle("undated", published: null, "BBC"));
        return index;
    }

    [Fact]
    public async Task Listing_a_window_gives_its_articles_newest_first_on_the_outlets_own_clock()
    {
        var index = await ListingIndexAsync(await NewIndexAsync());

        var march1 = await index.QueryArticlesAsync(new ArticleQuery { Published = Day(2018, 3, 1), Limit = 10 });
        Assert.Equal(2, march1.Total);
        Assert.Equal(["march-noon", "dubai-night"], march1.Articles.Select(a => a.ArticleId));
        var dubai = march1.Articles[1];
        Assert.Equal(DubaiNight, dubai.Published);
        Assert.Equal(DubaiNight.Offset, dubai.Published!.Value.Offset);
        Assert.Equal("2018-03-01", dubai.PublishedDate);
        Assert.Equal("alarabia", dubai.Source);
        Assert.Equal(FootballArticle().Article.Title, dubai.Title);

        var february28 = await index.QueryArticlesAsync(new ArticleQuery { Published = Day(2018, 2, 28), Limit = 10 });
        Assert.Equal(["ny-evening"], february28.Articles.Select(a => a.ArticleId));
        Assert.Equal(1, february28.Total);

        var from = await index.QueryArticlesAsync(new ArticleQuery { Published = DateRange.Days(new DateOnly(2018, 3, 2), null), Limit = 10 });
        Assert.Equal(["march-2"], from.Articles.Select(a => a.ArticleId));
    }

    [Fact]
    public async Task Listing_counts_everything_returns_at_most_the_limit_and_puts_undated_articles_last()
    {
        var index = await ListingIndexAsync(await NewIndexAsync());

        var all = await index.QueryArticlesAsync(new ArticleQuery { Limit = 10 });
        Assert.Equal(5, all.Total);
        Assert.Equal(["march-2", "march-noon", "dubai-night", "ny-evening", "undated"], all.Articles.Select(a => a.ArticleId));
        Assert.Null(all.Articles[^1].Published);

        var two = await index.QueryArticlesAsync(new ArticleQuery { Limit = 2 });
        Assert.Equal(5, two.Total);
        Assert.Equal(["march-2", "march-noon"], two.Articles.Select(a => a.ArticleId));

        var countOnly = await index.QueryArticlesAsync(new ArticleQuery { Limit = 0 });
        Assert.Equal(5, countOnly.Total);
        Assert.Empty(countOnly.Articles);

        Assert.Equal(0, (await (await NewIndexAsync()).QueryArticlesAsync(new ArticleQuery())).Total);
    }

    [Fact]
    public async Task Listing_by_outlet_matches_stored_names_as_the_search_filter_does()
    {
        var index = await ListingIndexAsync(await NewIndexAsync());

        var bbc = await index.QueryArticlesAsync(new ArticleQuery { Sources = ["BBC"], Limit = 10 });
        Assert.Equal(3, bbc.Total);
        Assert.Equal(["march-2", "march-noon", "undated"], bbc.Articles.Select(a => a.ArticleId));

        var bbcOnMarch1 = await index.QueryArticlesAsync(new ArticleQuery { Sources = ["bbc"], Published = Day(2018, 3, 1), Limit = 10 });
        Assert.Equal(["march-noon"], bbcOnMarch1.Articles.Select(a => a.ArticleId));

        var two = await index.QueryArticlesAsync(new ArticleQuery { Sources = ["CNN", "alarabia"], Limit = 10 });
        Assert.Equal(["dubai-night", "ny-evening"], two.Articles.Select(a => a.ArticleId));
    }

    [Fact]
    public async Task Outlet_counts_give_every_stored_name_and_follow_deletes()
    {
        var index = await NewIndexAsync();
        await WriteAsync(index, FootballArticle("f1", source: "alarabia"), FootballArticle("f2", source: "BBC"),
            WeatherArticle("w1", source: "BBC"), WeatherArticle("w2", source: null));

        var counts = await index.CountArticlesBySourceAsync();
        Assert.Equal(new Dictionary<string, int> { ["alarabia"] = 1, ["BBC"] = 2 }, counts.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary());

        await using (var session = await index.BeginWriteAsync())
        {
            await session.DeleteAsync("f2");
            await session.CommitAsync();
        }
        Assert.Equal(1, (await index.CountArticlesBySourceAsync())["BBC"]);
    }

    [Fact]
    public async Task Sources_filter_keeps_only_the_named_outlets()
    {
        var index = await NewIndexAsync();
        await WriteAsync(index, FootballArticle("f1", source: "alarabia"), FootballArticle("f2", source: "bbc"), FootballArticle("f3", source: null));

        var hits = await index.SearchAsync(Arabic("الأهلي") with { Sources = ["BBC"] });
        Assert.Equal(["f2"], hits.Select(h => h.Chunk.ArticleId).Distinct());

        var two = await index.SearchAsync(Arabic("الأهلي") with { Sources = ["bbc", "alarabia"] });
        Assert.Equal(["f1", "f2"], two.Select(h => h.Chunk.ArticleId).Distinct().Order());
    }

    [Fact]
    public async Task Stats_count_articles_chunks_dates_and_sources()
    {
        var index = await NewIndexAsync();
        var empty = await index.GetStatsAsync();
        Assert.Equal(0, empty.Articles);
        Assert.Null(empty.EarliestPublished);
        Assert.False(await index.HasArticlesAsync());

        await WriteAsync(index,
            GiftsArticle(),
            FootballArticle("f1", new DateTimeOffset(2015, 3, 1, 0, 0, 0, TimeSpan.Zero), "alarabia"),
            WeatherArticle("w1", null, "bbc"));

        Assert.True(await index.HasArticlesAsync());
        var stats = await index.GetStatsAsync();
        Assert.Equal(index.BackendName, stats.Backend);
        Assert.Equal(3, stats.Articles);
        Assert.Equal(4, stats.Chunks);
        Assert.Equal(2, stats.DatedArticles);
        Assert.Equal(new DateTimeOffset(2015, 3, 1, 0, 0, 0, TimeSpan.Zero), stats.EarliestPublished);
        Assert.Equal(September2023, stats.LatestPublished);
        Assert.Equal(1, stats.ArticlesBySource["bbc"]);
        Assert.Equal(1, stats.ArticlesBySource["alarabia"]);
    }

    [Fact]
    public async Task Top_limits_the_number_of_hits()
    {
        var index = await NewIndexAsync();
        var documents = Enumerable.Range(0, 12).Select(i => FootballArticle($"f{i}")).ToArray();
        await WriteAsync(index, documents);

        Assert.Equal(3, (await index.SearchAsync(Arabic("الأهلي", top: 3))).Count);
        Assert.Equal(12, (await index.SearchAsync(Arabic("الأهلي", top: 50))).Count);
    }

    [Theory]
    [InlineData("اهدى بوتين بندقيه")]      // bare alef, heh for teh marbuta
    [InlineData("أَهْدَى بوتين بُنْدُقِيَّة")] // full tashkeel
    [InlineData("اهدي بوتين البندقية")]    // yeh for alef maksura, definite article
    public async Task Arabic_spelling_variants_match(string query)
    {
        var index = await NewIndexAsync();
        await WriteAsync(index, GiftsArticle(), FootballArticle(), WeatherArticle());

        var hits = await index.SearchAsync(Arabic(query));

        Assert.NotEmpty(hits);
        Assert.Equal("gifts", hits[0].Chunk.ArticleId);
    }

    [Fact]
    public async Task Weighted_Arabic_expansions_let_an_English_question_find_Arabic_text()
    {
        var index = await NewIndexAsync();
        await WriteAsync(index, GiftsArticle(), FootballArticle(), WeatherArticle());

        var hits = await index.SearchAsync(new SearchRequest
        {
            Text = "What did Putin give Kim?",
            Language = "en",
            Expansions = [new WeightedPhrase("بوتين", 1f, "gazetteer"), new WeightedPhrase("كيم جونغ أون", 1f, "gazetteer"), new WeightedPhrase("أعطى", 0.6f, "dictionary")],
        });

        Assert.NotEmpty(hits);
        Assert.Equal("gifts", hits[0].Chunk.ArticleId);
    }

    [Fact]
    public async Task Question_without_searchable_words_returns_nothing_instead_of_everything()
    {
        var index = await NewIndexAsync();
        await WriteAsync(index, GiftsArticle());

        Assert.Empty(await index.SearchAsync(Arabic("؟؟ ... !!")));
        Assert.Empty(await index.SearchAsync(Arabic("كلمات غائبة تماما عن الفهرس")));
    }
}
