using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QABot.Answering.Extensions;
using QABot.Answering.Extractive;
using QABot.Core.Answering;
using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Retrieval.Extensions;
using QABot.Testing;
using QABot.Text;
using QABot.Text.Analysis;

namespace QABot.Answering.Tests.Extractive;

/// <summary>Which sentence, of which retrieved passage, the extractive answerer quotes.</summary>
[Trait("Category", "Answering")]
public sealed class SentenceChoiceTests
{
    private static QueryTermGroups Groups(string question)
    {
        var groups = new QueryTermGroups();
        groups.AddArabic(question);
        return groups;
    }

    [Fact]
    public void A_two_word_name_counts_as_adjacent_only_where_its_words_stand_together()
    {
        var groups = Groups("سلمان خان");
        double[] weights = [1.0, 0.5];

        var together = groups.Adjacent(SearchAnalysis.Analyze("قضت محكمة هندية بسجن الممثل سلمان خان خمس سنوات.", Languages.Arabic), weights);
        var apart = groups.Adjacent(SearchAnalysis.Analyze("وقال سلمان أبو مصطفى إن المواطن قتل شرق مدينة خان يونس.", Languages.Arabic), weights);

        Assert.Equal(0.5, together, 3);
        Assert.Equal(0, apart);
    }

    [Fact]
    public void Neighbouring_words_in_the_other_order_are_adjacent_too()
    {
        // «البنك الدولي» for "world bank": Arabic puts the adjective after its noun.
        var groups = Groups("الدولي البنك");

        Assert.Equal(1.0, groups.Adjacent(SearchAnalysis.Analyze("وقع البنك الدولي قرضا جديدا.", Languages.Arabic), [1.0, 1.0]), 3);
    }

    [Fact]
    public async Task A_passage_that_matched_the_question_weakly_does_not_win_on_its_sentence_alone()
    {
        // The second passage's sentence holds more of the question's words (another man of the same name, another
        // charge), but its passage scored far lower: the first is the one about the question's subject.
        var onTopic = Hit("on-topic", "محكمة هندية تسجن الممثل سلمان خان",
            "قضت محكمة هندية بسجن الممثل سلمان خان خمس سنوات. وكان الممثل قد صاد ظبيا نادرا أثناء تصوير فيلم.", 10);
        var offTopic = Hit("off-topic", "الإفراج عن ناشطين في لاهور",
            "وكان الناشط الباكستاني سلمان خان قد خرج من سجن دام 3 سنوات بتهمة صيد الطيور في محمية. وأفرج عن آخرين.", 2);
        using var host = Host(onTopic, offTopic);

        var answer = await host.Services.GetRequiredService<ExtractiveAnswerer>()
            .AnswerAsync(new AnswerRequest { Question = "كم سنة سجن سلمان خان بتهمة صيد الظبي؟", Now = new DateTimeOffset(2018, 5, 1, 0, 0, 0, TimeSpan.Zero) });

        Assert.False(answer.Refused);
        Assert.Equal("on-topic", answer.Citations[0].ArticleId);
    }

    [Theory]
    [InlineData("هل يفوز محمد صلاح بجائزة الكرة الذهبية؟", ClaimVerdict.NotFound)]
    [InlineData("محمد صلاح يفوز بجائزة الكرة الذهبية", ClaimVerdict.Supported)]
    public async Task A_title_that_asks_bears_no_claim_for_the_sentence_below_it(string title, ClaimVerdict verdict)
    {
        // The sentence itself speaks only of his market value; the event is in the title alone, which states it in one
        // case and only asks it in the other.
        using var host = Host(Hit("salah", title, "ويتساءل كثيرون عن تواضع قيمة محمد صلاح المالية مقارنة بلاعبين آخرين.", 10));

        var answer = await host.Services.GetRequiredService<ExtractiveAnswerer>()
            .AnswerAsync(new AnswerRequest { Question = "هل صحيح أن محمد صلاح فاز بجائزة الكرة الذهبية؟", IsClaim = true, Now = new DateTimeOffset(2018, 5, 1, 0, 0, 0, TimeSpan.Zero) });

        Assert.Equal(verdict, answer.Verdict);
    }

    [Theory]
    // The chunk names the premiership («مكتب رئاسة الحكومة»), but gives Johnson another office: before his name, after it
    // with "as" attached or as an apposition, or in the sentence before the one that names him bare.
    [InlineData("قبلت رئيسة الوزراء تيريزا ماي استقالة وزير الخارجية بوريس جونسون بسبب خلاف على خطة الخروج. وشكر مكتب رئاسة الحكومة البريطانية الوزير على عمله.", true)]
    [InlineData("قبلت رئيسة الوزراء تيريزا ماي استقالة بوريس جونسون من منصبه كوزير للخارجية بسبب خلاف على خطة الخروج. وقال مكتب رئاسة الحكومة البريطانية إنه سيعلن بديله.", true)]
    [InlineData("استقال وزير الخارجية بوريس جونسون بسبب خلاف على خطة الخروج. وشكر مكتب رئاسة الحكومة البريطانية جونسون على عمله.", true)]
    [InlineData("بوريس جونسون وزير خارجية بريطانيا يستقيل بسبب خلاف على خطة الخروج. وشكر مكتب رئاسة الحكومة البريطانية جونسون على عمله.", true)]
    [InlineData("استقال رئيس الحكومة البريطانية بوريس جونسون من منصبه بسبب خلاف على خطة الخروج. وشكر مكتب رئاسة الحكومة البريطانية جونسون على عمله.", false)]
    public async Task An_office_asked_of_a_person_must_be_the_title_the_evidence_gives_them(string text, bool refused)
    {
        var answer = await AskAsync("ليش استقال بوريس جونسون من رئاسة الحكومة البريطانية؟", Hit("johnson", "استقالة بوريس جونسون", text, 10));

        Assert.True(refused == answer.Refused, answer.Text);
    }

    [Theory]
    // The first passage names Johnson bare; the others title him, as foreign secretary unless the last says premier.
    [InlineData("وزير الخارجية", true)]
    [InlineData("رئيس الحكومة", false)]
    public async Task A_person_the_evidence_titles_with_another_office_is_not_asked_about_under_a_bare_name(string office, bool refused)
    {
        var answer = await AskAsync("ليش استقال بوريس جونسون من رئاسة الحكومة البريطانية؟",
            Hit("hunt", "هانت خلفا لجونسون", "عينت رئيسة الوزراء تيريزا ماي جيريمي هانت بعد استقالة بوريس جونسون بسبب خلاف على خطة الخروج.", 10),
            Hit("foreign", "استقالة جونسون", "استقال وزير الخارجية البريطاني بوريس جونسون من منصبه. وقال وزير الخارجية بوريس جونسون إنه يرفض الخطة.", 9),
            Hit("office", "جونسون يستقيل", $"استقال {office} البريطانية بوريس جونسون من منصبه.", 8));

        Assert.True(refused == answer.Refused, answer.Text);
    }

    [Theory]
    // A month's figures are news of the month after: read as the event's month, «فبراير 2018» is stated by a March story.
    [InlineData("خلال فبراير", false)]
    [InlineData("خلال مارس", true)]
    public async Task A_month_asked_of_an_event_is_also_sought_in_the_next_months_articles(string month, bool refused)
    {
        var march = new ScoredChunk(new Chunk(Chunk.MakeId("jobs", 0), 0, $"أعلنت وزارة العمل الأمريكية أن أرباب العمل أضافوا 313 ألف وظيفة جديدة {month}.", 0,
            new ArticleMetadata("jobs", "الوظائف في أمريكا", "test", null, new DateTimeOffset(2018, 3, 10, 0, 0, 0, TimeSpan.Zero), Languages.Arabic)), 10);
        using var host = Host(new PublishedHits([march]));

        var answer = await host.Services.GetRequiredService<ExtractiveAnswerer>()
            .AnswerAsync(new AnswerRequest { Question = "كم وظيفة جديدة أضيفت في أمريكا في فبراير 2018؟", Now = new DateTimeOffset(2018, 8, 1, 0, 0, 0, TimeSpan.Zero) });

        Assert.True(refused == answer.Refused, answer.Text);
        if (!refused) Assert.Contains("313", answer.ShortAnswer);
    }

    [Theory]
    // The window speaks of the person's favourite singer, not of a dish.
    [InlineData("وكان المغني شو لي هو المفضل لدى كيم جونغ أون منذ سنوات طويلة.", true)]
    [InlineData("وأكلة كيم جونغ أون المفضلة هي المعجنات الباردة التي تشتهر بها بيونغ يانغ.", false)]
    public async Task A_what_question_naming_the_kind_of_thing_asked_needs_that_noun_in_the_window(string sentence, bool refused)
    {
        var answer = await AskAsync("شو أكلة كيم جونغ أون المفضلة؟", Hit("kim", "كيم جونغ أون في حفل", sentence, 10));

        Assert.Equal(refused, answer.Refused);
    }

    [Fact]
    public async Task The_best_articles_are_read_past_their_retrieved_chunk()
    {
        // The article's title lifted its first chunk; the date the question asks for is only in its last one, which
        // the search did not return. Another article's retrieved chunk gives a date for something else of Google's.
        var filler = string.Concat(Enumerable.Range(1, 14).Select(i => $"وتضيف الشبكات الجديدة سعة كبيرة للخدمات السحابية في المنطقة رقم {i} بحسب بيانات الشركة المنشورة. "));
        var cable = new Article
        {
            Id = "dunant", Title = "غوغل تمد كابل دونانت عبر الأطلسي", Source = "test", Published = new DateTimeOffset(2018, 7, 18, 0, 0, 0, TimeSpan.Zero),
            Body = "أعلنت شركة غوغل عن كابل دونانت البحري الجديد بين الولايات المتحدة وفرنسا. " + filler + "ويتوقع أن يتوفر كابل دونانت في أواخر عام 2020.",
        };
        var chunks = new Text.Chunking.ArticleChunker().Split(cable);
        Assert.True(chunks.Count > 1);
        var other = Hit("phone", "غوغل تطلق هاتفا جديدا", "أعلنت غوغل أن هاتفها الجديد سيكون في الأسواق في أكتوبر 2018.", 5);
        using var host = Host([new ScoredChunk(chunks[0], 10), other], [new StoredArticle(cable, [], chunks.Count, "hash")]);

        var answer = await host.Services.GetRequiredService<ExtractiveAnswerer>()
            .AnswerAsync(new AnswerRequest { Question = "متى سيكون كابل دونانت من غوغل جاهزا؟", Now = new DateTimeOffset(2018, 8, 1, 0, 0, 0, TimeSpan.Zero) });

        Assert.False(answer.Refused, answer.Text);
        Assert.Equal("dunant", answer.Citations[0].ArticleId);
        Assert.Contains("2020", answer.ShortAnswer);
    }

    private static async Task<Answer> AskAsync(string question, params ScoredChunk[] hits)
    {
        using var host = Host(hits);
        return await host.Services.GetRequiredService<ExtractiveAnswerer>()
            .AnswerAsync(new AnswerRequest { Question = question, Now = new DateTimeOffset(2018, 8, 1, 0, 0, 0, TimeSpan.Zero) });
    }

    private static ScoredChunk Hit(string id, string title, string text, double score) =>
        new(new Chunk(Chunk.MakeId(id, 0), 0, text, 0, new ArticleMetadata(id, title, "test", null, new DateTimeOffset(2018, 4, 5, 0, 0, 0, TimeSpan.Zero), Languages.Arabic)), score);

    private static IHost Host(params ScoredChunk[] hits) => Host(new FixedHits(hits, []));

    private static IHost Host(IReadOnlyList<ScoredChunk> hits, IReadOnlyList<StoredArticle> articles) => Host(new FixedHits(hits, articles));

    private static IHost Host(IArticleIndex index)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Data:Directory"] = Path.Combine(Path.GetTempPath(), "qabot-choice-" + Guid.NewGuid().ToString("N")) });
        builder.AddRetrieval();
        builder.AddAnswering();
        builder.Services.AddSingleton(index);
        return builder.Build();
    }

    /// <summary>An index that returns the passages published in the search's window, as the real backends filter.</summary>
    private sealed class PublishedHits(IReadOnlyList<ScoredChunk> hits) : FixedHits(hits, [])
    {
        public override Task<IReadOnlyList<ScoredChunk>> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<ScoredChunk>>([.. Hits.Where(h => request.PublishedRange is not { } range || h.Chunk.Metadata.Published is not { } published
                || ((range.From is null || published >= range.From) && (range.To is null || published <= range.To)))]);
    }

    /// <summary>An index that returns the same ranked passages for any search, and stores only the articles given.</summary>
    private class FixedHits(IReadOnlyList<ScoredChunk> hits, IReadOnlyList<StoredArticle> articles) : IArticleIndex
    {
        protected IReadOnlyList<ScoredChunk> Hits => hits;
        public string BackendName => "fixed";
        public virtual Task<IReadOnlyList<ScoredChunk>> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) => Task.FromResult(hits);
        public Task<IReadOnlyList<ManifestEntry>> ReadManifestAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<IIndexWriteSession> BeginWriteAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<StoredArticle?> GetArticleAsync(string articleId, CancellationToken cancellationToken = default) =>
            Task.FromResult(articles.FirstOrDefault(a => a.Article.Id == articleId));
        public IAsyncEnumerable<StoredArticle> ListArticlesAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<IndexStats> GetStatsAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(new IndexStats(BackendName, hits.Count, hits.Count, hits.Count, null, null, new Dictionary<string, int>(), null));
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
