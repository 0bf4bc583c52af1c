using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using QABot.Core.Retrieval;
using QABot.Retrieval.Lucene;
using QABot.Testing;
using QABot.Testing.Conformance;
using QABot.Text.Analysis;

namespace QABot.Retrieval.Tests.Lucene;

[Trait("Category", "Retrieval")]
public sealed class SchemaUpgradeTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    /// <summary>28 February 22:28:09 UTC: what schema 1 stored for an article written 2018-03-01T02:28:09+04:00.</summary>
    private static readonly DateTimeOffset StoredInUtc = new(2018, 2, 28, 22, 28, 9, TimeSpan.Zero);

    /// <summary>Writes an index as schema 1 laid it out: dates as UTC ticks, manifests with stored fields only, no version recorded.</summary>
    private static void WriteSchema1Index(string path, string id, DateTimeOffset published, string source)
    {
        using var directory = FSDirectory.Open(path);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalysis.Version, SearchAnalysis.Arabic));
        var body = "سجل المهاجم هدفين في مباراة القمة بين الأهلي والزمالك.";
        writer.AddDocuments(
        [
            [
                new StringField(IndexFields.Kind, DocumentKinds.Manifest, Field.Store.NO), new StringField(IndexFields.ArticleId, id, Field.Store.YES),
                new StoredField(IndexFields.ContentHash, "old-hash"), new StoredField(IndexFields.BodyHash, "body-hash"),
                new StoredField(IndexFields.ChunkCount, 1), new StoredField(IndexFields.Title, "الأهلي يفوز"), new StoredField(IndexFields.FullBody, body),
                new StoredField(IndexFields.Language, "ar"), new StoredField(IndexFields.Source, source),
                new StoredField(IndexFields.Published, published.UtcTicks), new StoredField(IndexFields.PublishedOffset, (int)published.Offset.TotalMinutes),
            ],
            [
                new StringField(IndexFields.Kind, DocumentKinds.Chunk, Field.Store.NO), new StringField(IndexFields.ArticleId, id, Field.Store.YES),
                new StringField(IndexFields.ChunkId, id + ":0", Field.Store.YES), new StoredField(IndexFields.Ordinal, 0), new StoredField(IndexFields.StartChar, 0),
                new TextField(IndexFields.Title, "الأهلي يفوز", Field.Store.YES), new TextField(IndexFields.Body, body, Field.Store.YES),
                new StoredField(IndexFields.Source, source), new StringField(IndexFields.Language, "ar", Field.Store.YES),
                new Int64Field(IndexFields.Published, published.UtcTicks, Field.Store.YES), new StoredField(IndexFields.PublishedOffset, (int)published.Offset.TotalMinutes),
            ],
        ]);
        writer.Commit();
    }

    [Fact]
    public async Task Next_write_upgrades_a_schema_1_index_keeping_every_stored_article_and_says_what_it_could_not_recover()
    {
        var path = Path.Combine(_temp.Path, "lucene");
        WriteSchema1Index(path, "kept", StoredInUtc, "alarabia");
        await using var index = new LuceneArticleIndex(path);
        Assert.Equal(1, index.StoredSchemaVersion);

        IIndexWriteSession session;
        await using (session = await index.BeginWriteAsync())
        {
            await session.UpsertAsync(ConformanceDocuments.Article("fresh", "موجة حر", "موجة الحر في القاهرة.",
                new DateTimeOffset(2018, 3, 1, 2, 28, 9, TimeSpan.FromHours(4)), "alarabia"));
            await session.CommitAsync();
        }

        Assert.Equal(LuceneArticleIndex.SchemaVersion, index.StoredSchemaVersion);
        Assert.Contains("from schema 1 to 2", session.UpgradeNote);
        Assert.Contains("1 stored article(s) not in this run", session.UpgradeNote);

        // The old article is listed now, with the date it had (UTC: its offset was never stored), and still searchable.
        var listing = await index.QueryArticlesAsync(new ArticleQuery { Sources = ["alarabia"], Limit = 10 });
        Assert.Equal(["fresh", "kept"], listing.Articles.Select(a => a.ArticleId));
        Assert.Equal("2018-03-01", listing.Articles[0].PublishedDate);
        Assert.Equal("2018-02-28", listing.Articles[1].PublishedDate);
        Assert.Equal(StoredInUtc, listing.Articles[1].Published);
        var hit = Assert.Single(await index.SearchAsync(new SearchRequest { Text = "الأهلي والزمالك" }));
        Assert.Equal("kept", hit.Chunk.ArticleId);
        Assert.Equal(StoredInUtc, hit.Chunk.Metadata.Published);
        var stored = await index.GetArticleAsync("kept");
        Assert.Equal("old-hash", stored!.ContentHash);
        Assert.Equal(1, (await index.CountArticlesBySourceAsync()).Count);

        await using (var next = await index.BeginWriteAsync())
        {
            await next.DeleteAsync("fresh");
            await next.CommitAsync();
            Assert.Null(next.UpgradeNote);
        }
    }

    [Fact]
    public async Task A_new_index_records_the_current_schema_and_needs_no_upgrade()
    {
        await using var index = new LuceneArticleIndex(Path.Combine(_temp.Path, "new"));
        Assert.Equal(LuceneArticleIndex.SchemaVersion, index.StoredSchemaVersion);
        await using var session = await index.BeginWriteAsync();
        await session.UpsertAsync(ConformanceDocuments.Article("a", "عنوان", "نص الخبر."));
        await session.CommitAsync();
        Assert.Null(session.UpgradeNote);
        Assert.Equal(LuceneArticleIndex.SchemaVersion, index.StoredSchemaVersion);
    }

    public void Dispose() => _temp.Dispose();
}
