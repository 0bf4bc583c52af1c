using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QABot.Core.Retrieval;
using QABot.Retrieval.Extensions;
using QABot.Retrieval.Lucene;
using QABot.Retrieval.Tests.Planning;
using QABot.Testing;
using QABot.Testing.Conformance;

namespace QABot.Retrieval.Tests.Lucene;

[Trait("Category", "Retrieval")]
public sealed class LuceneArticleIndexTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Committed_articles_survive_reopening_the_index_from_disk()
    {
        var path = _temp.File("index");
        await using (var first = new LuceneArticleIndex(path))
        {
            await using var session = await first.BeginWriteAsync();
            await session.UpsertAsync(ConformanceDocuments.Article("a1", "بوتين في بيونغ يانغ", "وصل الرئيس الروسي إلى بيونغ يانغ.", new DateTimeOffset(2024, 6, 19, 8, 0, 0, TimeSpan.FromHours(9)), aliases: ["dup"]));
            await session.CommitAsync();
            await session.UpsertAsync(ConformanceDocuments.Article("uncommitted", "لن يحفظ", "هذا المقال لم يثبت."));
        }

        await using var reopened = new LuceneArticleIndex(path);
        var hits = await reopened.SearchAsync(new SearchRequest { Text = "بيونغ يانغ" });
        Assert.Equal("a1", Assert.Single(hits).Chunk.ArticleId);
        Assert.Equal(new DateTimeOffset(2024, 6, 19, 8, 0, 0, TimeSpan.FromHours(9)), hits[0].Chunk.Metadata.Published);
        Assert.Equal("a1", (await reopened.GetArticleAsync("dup"))!.Article.Id);
        Assert.Null(await reopened.GetArticleAsync("uncommitted"));
        Assert.True((await reopened.GetStatsAsync()).SizeOnDiskBytes > 0);
    }

    [Fact]
    public async Task A_segment_written_before_the_manifest_columns_is_still_read_for_the_manifest_and_stats()
    {
        var path = _temp.File("index");
        // The manifest as the previous version of this layout stored it: no hash, outlet or offset columns.
        using (var directory = global::Lucene.Net.Store.FSDirectory.Open(path))
        using (var writer = new global::Lucene.Net.Index.IndexWriter(directory, new global::Lucene.Net.Index.IndexWriterConfig(QABot.Text.Analysis.SearchAnalysis.Version, QABot.Text.Analysis.SearchAnalysis.Arabic)))
        {
            writer.AddDocument(new global::Lucene.Net.Documents.Document
            {
                new global::Lucene.Net.Documents.StringField(IndexFields.Kind, DocumentKinds.Manifest, global::Lucene.Net.Documents.Field.Store.NO),
                new global::Lucene.Net.Documents.StringField(IndexFields.ArticleId, "old", global::Lucene.Net.Documents.Field.Store.YES),
                new global::Lucene.Net.Documents.StoredField(IndexFields.ContentHash, "c-old"),
                new global::Lucene.Net.Documents.StoredField(IndexFields.BodyHash, "b-old"),
                new global::Lucene.Net.Documents.StoredField(IndexFields.Source, "bbc"),
                new global::Lucene.Net.Documents.Int64Field(IndexFields.Published, new DateTimeOffset(2010, 1, 2, 0, 0, 0, TimeSpan.Zero).Ticks, global::Lucene.Net.Documents.Field.Store.YES),
            });
            writer.SetCommitData(LuceneArticleIndex.CommitData);   // the current schema: nothing to upgrade, so the old segment stays
            writer.Commit();
        }

        await using var index = new LuceneArticleIndex(path);
        await using (var session = await index.BeginWriteAsync())
        {
            await session.UpsertAsync(ConformanceDocuments.Article("new", "عنوان جديد", "نص المقال الجديد.", new DateTimeOffset(2024, 6, 19, 8, 0, 0, TimeSpan.FromHours(9))));
            await session.CommitAsync();
        }

        Assert.True(await index.HasArticlesAsync());
        var manifest = (await index.ReadManifestAsync()).ToDictionary(m => m.ArticleId);
        Assert.Equal(("c-old", "b-old"), (manifest["old"].ContentHash, manifest["old"].BodyHash));
        Assert.Contains("new", manifest.Keys);
        var stats = await index.GetStatsAsync();
        Assert.Equal((2, 2), (stats.Articles, stats.DatedArticles));
        Assert.Equal(new DateTimeOffset(2010, 1, 2, 0, 0, 0, TimeSpan.Zero), stats.EarliestPublished);
        Assert.Equal(new DateTimeOffset(2024, 6, 19, 8, 0, 0, TimeSpan.FromHours(9)), stats.LatestPublished);
        Assert.Equal(TimeSpan.FromHours(9), stats.LatestPublished!.Value.Offset);
        Assert.Equal(1, stats.ArticlesBySource["bbc"]);
    }

    [RequiresFileFact(CrossLingualResources.DictionaryIndexPath)]
    public async Task English_question_finds_the_gifts_article_among_other_Putin_and_Kim_articles()
    {
        await using var index = new LuceneArticleIndex(_temp.File("index"));
        await using (var session = await index.BeginWriteAsync())
        {
            foreach (var file in Directory.GetFiles(RepoPaths.SampleCorpus, "*.txt").Order())
            {
                // Title line plus the body up to «اقرأ أيضاً»: enough of a seed article without the ingestion parser.
                var lines = File.ReadAllLines(file).TakeWhile(l => !l.Contains("أيضاً")).Where(l => !l.StartsWith("تاريخ النشر")).ToList();
                await session.UpsertAsync(ConformanceDocuments.Article(Path.GetFileNameWithoutExtension(file), lines[0], string.Join('\n', lines.Skip(1))));
            }
            await session.CommitAsync();
        }
        Assert.Equal(5, (await index.GetStatsAsync()).Articles);

        var request = await CrossLingualResources.RealPlanner().PlanAsync("What did Putin give Kim Jong Un?", 5);
        var hits = await index.SearchAsync(request);

        Assert.Equal("004_ed7c3fead92d0ce9", hits[0].Chunk.ArticleId);
        Assert.Contains("بندقية", hits[0].Chunk.Text);
    }

    [Fact]
    public async Task Stored_embeddings_enable_dense_search_fused_with_terms()
    {
        await using var index = new LuceneArticleIndex(_temp.File("index"));
        float[] north = [1, 0, 0], east = [0, 1, 0];
        await using (var session = await index.BeginWriteAsync())
        {
            await session.UpsertAsync(ConformanceDocuments.Article("dense", "مقال أول", "نص لا يشترك مع السؤال في أي كلمة.", embeddings: [north]));
            await session.UpsertAsync(ConformanceDocuments.Article("sparse", "مقال ثان", "الصواريخ الفرط صوتية.", embeddings: [east]));
            await session.UpsertAsync(ConformanceDocuments.Article("undated-dense", "مقال ثالث", "نص آخر.", embeddings: [north]));
            await session.CommitAsync();
        }

        var hits = await index.SearchAsync(new SearchRequest { Text = "الصواريخ", Embedding = new float[] { 0.9f, 0.1f, 0 }, Top = 3 });

        Assert.Equal(["dense", "sparse", "undated-dense"], hits.Select(h => h.Chunk.ArticleId).Order());
        Assert.Equal("sparse", hits[0].Chunk.ArticleId); // first in both rankings

        var filtered = await index.SearchAsync(new SearchRequest { Text = "غائب", Embedding = new float[] { 1, 0, 0 }, Sources = ["nowhere"] });
        Assert.Empty(filtered);

        var mismatched = ConformanceDocuments.Article("bad", "خطأ", "فقرة أولى\nفقرة ثانية", embeddings: [north]);
        await using var bad = await index.BeginWriteAsync();
        await bad.UpsertAsync(mismatched);
        await Assert.ThrowsAsync<InvalidOperationException>(() => bad.CommitAsync());
    }

    [Fact]
    public async Task Concurrent_searches_during_a_write_session_see_only_committed_data()
    {
        await using var index = new LuceneArticleIndex(_temp.File("index"));
        await using (var seed = await index.BeginWriteAsync())
        {
            await seed.UpsertAsync(ConformanceDocuments.Article("base", "الأهلي", "فاز الأهلي في الدوري."));
            await seed.CommitAsync();
        }

        await using var session = await index.BeginWriteAsync();
        var writes = Task.Run(async () =>
        {
            for (var i = 0; i < 300; i++)
                await session.UpsertAsync(ConformanceDocuments.Article($"n{i}", "الأهلي", $"مباراة رقم {i} للأهلي في الدوري."));
        });
        var reads = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
                Assert.Equal(["base"], (await index.SearchAsync(new SearchRequest { Text = "الأهلي", Top = 50 })).Select(h => h.Chunk.ArticleId));
        })).ToList();
        await Task.WhenAll([writes, .. reads]);

        await session.CommitAsync();
        Assert.Equal(301, (await index.GetStatsAsync()).Articles);
    }

    [Fact]
    public async Task AddRetrieval_registers_the_Lucene_index_under_the_data_directory_and_the_planner()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["Data:Directory"] = _temp.Path;
        builder.Configuration["Retrieval:CrossLingual:DictionaryPath"] = "/nonexistent.index";
        builder.AddRetrieval();
        await using var services = builder.Services.BuildServiceProvider();

        var index = Assert.IsType<LuceneArticleIndex>(services.GetRequiredService<IArticleIndex>());
        Assert.Equal(Path.Combine(_temp.Path, "lucene"), index.IndexPath);
        Assert.Equal(2, services.GetServices<IQueryExpander>().Count());
        var request = await services.GetRequiredService<IQueryPlanner>().PlanAsync("Did Putin visit Pyongyang?", 4);
        Assert.Contains(request.Expansions, e => e.Text == "بيونغ يانغ");
        await index.DisposeAsync();
    }
}
