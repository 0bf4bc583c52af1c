using QABot.Core.Retrieval;
using QABot.Text.Outlets;

namespace QABot.Retrieval.Tests.Outlets;

[Trait("Category", "Retrieval")]
public sealed class OutletCatalogTests
{
    /// <summary>The outlet names the ANT corpus and the bundled sample store.</summary>
    private static readonly string[] Stored =
        ["alarabia", "BBC", "CNN", "france24", "skynews", "سكاي نيوز عربية", "قناة اليمن اليوم", "وكالة للأنباء تسنيم", "الأسبوع", "RT", "Sputnik"];

    private static readonly OutletSnapshot Snapshot = OutletSnapshot.Build(OutletTable.Default, Stored);

    private static OutletMention Single(string text) => Assert.Single(Snapshot.FindMentions(text));

    [Fact]
    public void Outlet_in_an_Arabic_question_is_found_with_its_span_and_stored_names()
    {
        const string question = "ماذا نشرت BBC في 15 يوليو 2018؟";
        var mention = Single(question);
        Assert.Equal("bbc", mention.Outlet.Id);
        Assert.Equal("BBC", question.Substring(mention.Start, mention.Length));
        Assert.Equal(["BBC"], mention.Sources);
    }

    [Theory]
    [InlineData("What did Sky News publish about Iraq?", "Sky News")]
    [InlineData("what did sky-news say", "sky-news")]
    [InlineData("SKY NEWS ARABIA on the elections", "SKY NEWS ARABIA")]
    [InlineData("ماذا قال موقع سكاي نيوز عن الانتخابات؟", "موقع سكاي نيوز")]
    [InlineData("ماذا قالت سكاي نيوز عربية؟", "سكاي نيوز عربية")]
    [InlineData("حسب لسكاي نيوز", "لسكاي نيوز")]
    public void Every_spelling_of_Sky_News_selects_both_stored_names(string question, string span)
    {
        var mention = Single(question);
        Assert.Equal("skynews", mention.Outlet.Id);
        Assert.Equal(span, mention.Text);
        Assert.Equal(["skynews", "سكاي نيوز عربية"], mention.Sources.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("وبي بي سي ماذا قالت؟", "وبي بي سي", "bbc")]
    [InlineData("ما نشرته بي بي سي عربي أمس", "بي بي سي عربي", "bbc")]
    [InlineData("أخبار فرانس24 عن ماكرون", "فرانس24", "france24")]
    [InlineData("What did France 24 report?", "France 24", "france24")]
    [InlineData("ماذا نشرت قناة العربية عن السعودية؟", "قناة العربية", "alarabiya")]
    [InlineData("ماذا نشرت العربية عن السعودية؟", "العربية", "alarabiya")]
    [InlineData("خبر في «العربية» عن السعودية", "العربية", "alarabiya")]
    [InlineData("Al-Arabiya on Saudi Arabia", "Al-Arabiya", "alarabiya")]
    [InlineData("ما الذي ذكرته وكالة تسنيم؟", "وكالة تسنيم", "tasnim")]
    [InlineData("ماذا بثت قناة اليمن اليوم؟", "قناة اليمن اليوم", "yementoday")]
    [InlineData("ماذا نشرت صحيفة الأسبوع؟", "صحيفة الأسبوع", "alosboa")]
    [InlineData("What did CNN say about Trump?", "CNN", "cnn")]
    [InlineData("ماذا قالت سي إن إن؟", "سي إن إن", "cnn")]
    [InlineData("RT reported", "RT", "rt")]
    [InlineData("ماذا نقلت روسيا اليوم؟", "روسيا اليوم", "rt")]
    [InlineData("ماذا قالت وكالة سبوتنيك؟", "وكالة سبوتنيك", "sputnik")]
    public void Outlets_are_found_by_their_common_spellings(string question, string span, string outletId)
    {
        var mention = Single(question);
        Assert.Equal(outletId, mention.Outlet.Id);
        Assert.Equal(span, mention.Text);
        Assert.Equal(span, question.Substring(mention.Start, mention.Length));
        Assert.NotEmpty(mention.Sources);
    }

    [Theory]
    [InlineData("ما هي الدول العربية المشاركة في القمة؟")]   // "Arab", not Al Arabiya
    [InlineData("ماذا حدث هذا الأسبوع في غزة؟")]              // "the week", not Al-Osboa
    [InlineData("ماذا حدث في اليمن اليوم؟")]                  // "in Yemen today"
    [InlineData("ما موقف روسيا من الحرب؟")]
    [InlineData("Is the sky blue over France?")]
    public void Ordinary_words_that_also_name_an_outlet_are_not_taken_for_it(string question) =>
        Assert.Empty(Snapshot.FindMentions(question));

    [Fact]
    public void Two_outlets_in_one_question_are_both_found_in_order()
    {
        var mentions = Snapshot.FindMentions("قارن بين ما نشرته بي بي سي وسكاي نيوز");
        Assert.Equal(["bbc", "skynews"], mentions.Select(m => m.Outlet.Id));
        Assert.Equal("وسكاي نيوز", mentions[1].Text);
    }

    [Fact]
    public void A_known_outlet_without_articles_in_the_index_is_found_with_no_stored_names()
    {
        var mention = Single("What did Reuters say about the ceasefire?");
        Assert.Equal("reuters", mention.Outlet.Id);
        Assert.Empty(mention.Sources);
    }

    [Theory]
    [InlineData("sky news", new[] { "skynews", "سكاي نيوز عربية" })]
    [InlineData("Sky-News", new[] { "skynews", "سكاي نيوز عربية" })]
    [InlineData("بي بي سي", new[] { "BBC" })]
    [InlineData("bbc", new[] { "BBC" })]
    [InlineData("alarabia", new[] { "alarabia" })]
    [InlineData("العربية", new[] { "alarabia" })]
    [InlineData("قناة العربية", new[] { "alarabia" })]
    [InlineData("الأسبوع", new[] { "الأسبوع" })]
    [InlineData("تسنيم", new[] { "وكالة للأنباء تسنيم" })]
    [InlineData("اليمن اليوم", new[] { "قناة اليمن اليوم" })]
    public void Typed_names_resolve_to_the_stored_names(string typed, string[] expected)
    {
        var resolution = Snapshot.Resolve(typed);
        Assert.NotNull(resolution);
        Assert.Equal(expected.Order(StringComparer.Ordinal), resolution!.Sources.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Unknown_typed_name_resolves_to_nothing_and_known_outlet_without_articles_to_no_sources()
    {
        Assert.Null(Snapshot.Resolve("Daily Planet"));
        Assert.Empty(Snapshot.Resolve("Reuters")!.Sources);
    }

    [Theory]
    [InlineData("skynews", "en", "Sky News Arabia")]
    [InlineData("skynews", "ar", "سكاي نيوز عربية")]
    [InlineData("alarabia", "en", "Al Arabiya")]
    [InlineData("alarabia", "ar", "العربية")]
    [InlineData("france24", "en", "France 24")]
    [InlineData("BBC", "en", "BBC Arabic")]
    [InlineData("وكالة للأنباء تسنيم", "en", "Tasnim News Agency")]
    [InlineData("سكاي نيوز عربية", "en", "Sky News Arabia")]
    [InlineData("Daily Planet", "ar", "Daily Planet")]
    public void Display_names_come_from_the_table_and_unknown_outlets_keep_their_stored_name(string stored, string language, string expected) =>
        Assert.Equal(expected, OutletTable.Default.DisplayName(stored, language));

    [Fact]
    public void An_outlet_only_the_index_knows_is_found_under_its_stored_name_and_without_its_outlet_word()
    {
        var snapshot = OutletSnapshot.Build(OutletTable.Default, ["Daily Planet", "قناة الفجر الجديد"]);
        Assert.Equal("Daily Planet", Assert.Single(snapshot.FindMentions("what did the daily planet print?")).Outlet.EnglishName);
        Assert.Equal(["قناة الفجر الجديد"], Assert.Single(snapshot.FindMentions("ماذا بثت قناة الفجر الجديد؟")).Sources);
        // Without its outlet word, a guessed name needs one (or a reporting word) before it.
        Assert.Equal(["قناة الفجر الجديد"], Assert.Single(snapshot.FindMentions("ماذا قال موقع الفجر الجديد؟")).Sources);
        Assert.Empty(snapshot.FindMentions("بزوغ الفجر الجديد"));
        Assert.Equal(["قناة الفجر الجديد"], snapshot.Resolve("الفجر الجديد")!.Sources);
    }

    [Fact]
    public async Task Catalog_follows_a_growing_index_after_invalidation_or_its_refresh_interval()
    {
        var index = new CountingSourcesIndex(new() { ["BBC"] = 3 });
        var clock = new ManualClock();
        var catalog = new OutletCatalog(OutletTable.Default, index, clock);

        Assert.Empty((await catalog.FindMentionsAsync("What did Sky News say?")).Single().Sources);
        index.Counts["skynews"] = 2;
        Assert.Empty((await catalog.FindMentionsAsync("What did Sky News say?")).Single().Sources); // cached
        Assert.Equal(1, index.Reads);

        catalog.Invalidate();
        Assert.Equal(["skynews"], (await catalog.FindMentionsAsync("What did Sky News say?")).Single().Sources);

        index.Counts["Daily Planet"] = 1;
        clock.Advance(OutletCatalog.RefreshInterval);
        Assert.Equal(["Daily Planet"], (await catalog.ResolveAsync("daily planet"))!.Sources);
        Assert.Equal(3, index.Reads);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }

    /// <summary>An index that only answers outlet counts: the catalog must read nothing else.</summary>
    private sealed class CountingSourcesIndex(Dictionary<string, int> counts) : IArticleIndex
    {
        public Dictionary<string, int> Counts { get; } = counts;
        public int Reads { get; private set; }
        public string BackendName => "counting";

        public Task<IReadOnlyDictionary<string, int>> CountArticlesBySourceAsync(CancellationToken cancellationToken = default)
        {
            Reads++;
            return Task.FromResult<IReadOnlyDictionary<string, int>>(new Dictionary<string, int>(Counts));
        }

        public Task<IReadOnlyList<ManifestEntry>> ReadManifestAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<IIndexWriteSession> BeginWriteAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<ScoredChunk>> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<StoredArticle?> GetArticleAsync(string articleId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public IAsyncEnumerable<StoredArticle> ListArticlesAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<IndexStats> GetStatsAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
