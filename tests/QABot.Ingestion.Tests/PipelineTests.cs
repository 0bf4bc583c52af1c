using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Ingestion.Extensions;
using QABot.Ingestion.Tests.Doubles;
using QABot.Testing;
using QABot.Text.Chunking;
using static QABot.Ingestion.Tests.IngestTestKit;

namespace QABot.Ingestion.Tests;

/// <summary>Incremental re-ingest, duplicates, rollback, embeddings, progress and DI.</summary>
[Trait("Category", "Ingestion")]
public sealed class PipelineTests
{
    [Fact]
    public async Task Sample_corpus_is_ingested_with_appended_articles_and_chunks()
    {
        var index = new InMemoryArticleIndex();
        var report = await CreatePipeline(index).IngestPathsAsync([RepoPaths.SampleCorpus]);

        Assert.Equal(8, report.Ingested);
        Assert.Equal(0, report.Failed);
        Assert.Equal(1, index.Commits);
        Assert.Equal(
            ["000_e8a6cc70ddad2db4", "000_e8a6cc70ddad2db4#r1", "001_5071a1cf7d2feefb", "002_766c5c9b7fcf550c", "002_766c5c9b7fcf550c#r1",
             "003_f183bc64d6ca35ea", "004_ed7c3fead92d0ce9", "004_ed7c3fead92d0ce9#r1"],
            index.Committed.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(index.Committed.Values.Sum(s => s.Document.Chunks.Count), report.Chunks);
        Assert.All(index.Committed.Values, s => Assert.All(s.Document.Chunks, c => Assert.Equal(ArticleMetadata.From(s.Document.Article), c.Metadata)));
        Assert.Null(index.Committed["000_e8a6cc70ddad2db4#r1"].Document.Article.Published);
    }

    [Fact]
    public async Task Reingest_skips_unchanged_articles_and_replaces_changed_ones()
    {
        using var dir = new TempDirectory();
        var file = dir.File("feed.jsonl");
        File.WriteAllLines(file, [JsonLine("a", "أ", Body("المياه")), JsonLine("b", "ب", Body("الطاقة")), JsonLine("c", "ج", Body("النقل"))]);
        var index = new InMemoryArticleIndex();
        var pipeline = CreatePipeline(index);
        var first = await pipeline.IngestPathsAsync([file]);
        Assert.Equal((3, 0, 0), (first.Ingested, first.Replaced, first.Skipped));

        var unchanged = await pipeline.IngestPathsAsync([file]);
        Assert.Equal((0, 0, 3), (unchanged.Ingested, unchanged.Replaced, unchanged.Skipped));
        Assert.Equal(0, unchanged.Chunks);
        var upsertsBefore = index.UpsertCalls;

        File.WriteAllLines(file, [JsonLine("a", "أ", Body("المياه")), JsonLine("b", "ب معدل", Body("الطاقة المتجددة")), JsonLine("c", "ج", Body("النقل")), JsonLine("d", "د", Body("الصحة"))]);
        var changed = await pipeline.IngestPathsAsync([file]);
        Assert.Equal((1, 1, 2), (changed.Ingested, changed.Replaced, changed.Skipped));
        Assert.Equal(2, index.UpsertCalls - upsertsBefore);
        Assert.Equal("ب معدل", index.Committed["b"].Document.Article.Title);
        Assert.Contains("الطاقة المتجددة", index.Committed["b"].Document.Chunks[0].Text);
        Assert.Equal(4, index.Committed.Count);
    }

    [Fact]
    public async Task Duplicate_bodies_across_files_are_stored_once_with_the_other_ids_as_aliases()
    {
        using var dir = new TempDirectory();
        var body = Body("الانتخابات");
        File.WriteAllLines(dir.File("one.jsonl"), [JsonLine("site1-42", "عنوان الموقع الأول", body)]);
        // Same story scraped elsewhere: different id and title, diacritics and spacing differ.
        File.WriteAllLines(dir.File("two.jsonl"), [JsonLine("site2-7", "عنوان الموقع الثاني", body.Replace("اليوم", "اليومَ").Replace(". ", ".  ")), JsonLine("site2-8", "آخر", Body("الرياضة"))]);

        var index = new InMemoryArticleIndex();
        var report = await CreatePipeline(index).IngestPathsAsync([dir.Path]);

        Assert.Equal((2, 1), (report.Ingested, report.Duplicates));
        Assert.False(index.Committed.ContainsKey("site2-7"));
        Assert.Equal(["site2-7"], index.Committed["site1-42"].AliasIds);
        var viaAlias = await index.GetArticleAsync("site2-7");
        Assert.Equal("site1-42", viaAlias!.Article.Id);

        var again = await CreatePipeline(index).IngestPathsAsync([dir.Path]);
        Assert.Equal((0, 3, 0), (again.Ingested, again.Skipped, again.Duplicates));
        Assert.Equal(["site2-7"], index.Committed["site1-42"].AliasIds);
    }

    [RequiresFileFact("corpora/ant-multisource-news.jsonl.gz")]
    public async Task Ant_corpus_slice_with_repeated_bodies_is_deduplicated()
    {
        var path = RepoPaths.SharedFile("corpora", "ant-multisource-news.jsonl.gz");
        var articles = QABot.Ingestion.Parsing.ArticleFileParser
            .Parse(new QABot.Ingestion.Reading.InputFile(path, QABot.Ingestion.Reading.InputFormat.JsonLinesGzip, 0))
            .Select(i => i.Article).OfType<Article>().Take(3000).ToList();
        var distinctBodies = articles.Select(a => QABot.Ingestion.Pipeline.ArticleHasher.BodyHash(a.Body)).Distinct().Count();
        Assert.True(distinctBodies < articles.Count, "the slice should contain repeated bodies");

        var index = new InMemoryArticleIndex();
        var report = await CreatePipeline(index).IngestArticlesAsync(articles);

        Assert.Equal(distinctBodies, index.Committed.Count);
        Assert.Equal(articles.Count - distinctBodies, report.Duplicates);
        Assert.Equal(articles.Count - distinctBodies, index.Committed.Values.Sum(s => s.AliasIds.Count));
    }

    [Fact]
    public async Task Same_id_with_different_text_in_two_files_keeps_the_first_and_reports_the_second()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "a"));
        Directory.CreateDirectory(Path.Combine(dir.Path, "b"));
        File.WriteAllText(Path.Combine(dir.Path, "a", "story.txt"), "العنوان الأول\n" + Body("المياه"));
        File.WriteAllText(Path.Combine(dir.Path, "b", "story.txt"), "العنوان الثاني\n" + Body("الكهرباء"));

        var index = new InMemoryArticleIndex();
        var report = await CreatePipeline(index).IngestPathsAsync([dir.Path]);

        Assert.Equal(1, report.Ingested);
        Assert.Equal("العنوان الأول", index.Committed["story"].Document.Article.Title);
        var error = Assert.Single(report.Errors);
        Assert.Contains("already ingested in this run", error.Message);
        Assert.Contains(Path.Combine("b", "story.txt"), error.Path);
    }

    [Fact]
    public async Task Index_failure_mid_run_rolls_back_everything()
    {
        var index = new InMemoryArticleIndex();
        await CreatePipeline(index).IngestArticlesAsync([MakeArticle("kept", "الزراعة")]);
        index.FailOnUpsertNumber = index.UpsertCalls + 3;

        var run = CreatePipeline(index).IngestArticlesAsync(Enumerable.Range(1, 10).Select(i => MakeArticle($"n{i}", $"موضوع {i}")));
        await Assert.ThrowsAsync<IOException>(() => run);

        Assert.Equal(["kept"], index.Committed.Keys);
        Assert.Equal(1, index.Commits);
        Assert.Equal(1, index.Rollbacks);
    }

    [Fact]
    public async Task Cancellation_rolls_back_and_leaves_the_index_as_it_was()
    {
        var index = new InMemoryArticleIndex();
        using var cts = new CancellationTokenSource();
        IEnumerable<Article> Articles()
        {
            for (var i = 1; i <= 50; i++)
            {
                if (i == 20) cts.Cancel();
                yield return MakeArticle($"c{i}", $"موضوع {i}");
            }
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreatePipeline(index).IngestArticlesAsync(Articles(), ct: cts.Token));
        Assert.Empty(index.Committed);
        Assert.Equal(0, index.Commits);
        Assert.Equal(1, index.Rollbacks);
    }

    [Fact]
    public async Task Embeddings_are_computed_in_batches_and_attached_per_chunk()
    {
        var embedder = new CountingEmbedder();
        var index = new InMemoryArticleIndex();
        var articles = Enumerable.Range(1, 40).Select(i => MakeArticle($"e{i}", $"موضوع {i}")).ToList();
        await CreatePipeline(index, embedder).IngestArticlesAsync(articles);

        Assert.All(index.Committed.Values, s =>
        {
            Assert.NotNull(s.Document.ChunkEmbeddings);
            Assert.Equal(s.Document.Chunks.Count, s.Document.ChunkEmbeddings!.Count);
            // The stand-in's vector encodes the text length, so a vector attached to the wrong chunk shows.
            for (var c = 0; c < s.Document.Chunks.Count; c++)
                Assert.Equal(s.Document.Chunks[c].Text.Length, s.Document.ChunkEmbeddings[c].Span[0]);
        });
        var totalChunks = index.Committed.Values.Sum(s => s.Document.Chunks.Count);
        Assert.True(embedder.Calls < totalChunks, $"{embedder.Calls} calls for {totalChunks} chunks: not batched");
        Assert.Equal(totalChunks, embedder.Texts);
    }

    [Fact]
    public async Task Without_an_embedder_documents_carry_no_vectors()
    {
        var index = new InMemoryArticleIndex();
        await CreatePipeline(index).IngestArticlesAsync([MakeArticle("x", "الطقس")]);
        Assert.Null(index.Committed["x"].Document.ChunkEmbeddings);
    }

    [Fact]
    public async Task Progress_reports_bytes_and_articles_and_ends_complete()
    {
        using var dir = new TempDirectory();
        File.WriteAllLines(dir.File("many.jsonl"), Enumerable.Range(1, 600).Select(i => JsonLine($"p{i}", $"عنوان {i}", Body($"الموضوع {i}"))));
        var reports = new List<IngestProgress>();
        var progress = new SynchronousProgress(reports);

        var report = await CreatePipeline(new InMemoryArticleIndex()).IngestPathsAsync([dir.Path], progress);

        Assert.True(reports.Count >= 3, $"only {reports.Count} progress reports");
        Assert.All(reports, r => Assert.Equal(new FileInfo(dir.File("many.jsonl")).Length, r.BytesTotal));
        Assert.Equal(600, reports[^1].ArticlesDone);
        Assert.Equal(reports[^1].BytesTotal, reports[^1].BytesDone);
        Assert.Equal(reports.Select(r => r.ArticlesDone).Order(), reports.Select(r => r.ArticlesDone));
        Assert.EndsWith("many.jsonl", reports[0].CurrentFile);
        Assert.Equal(report.Bytes, reports[^1].BytesTotal);
    }

    [Fact]
    public async Task AddIngestion_binds_options_and_resolves_the_pipeline()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Ingestion:ChunkChars"] = "300", ["Ingestion:OverlapSentences"] = "0" });
        builder.Services.AddSingleton<IArticleIndex, InMemoryArticleIndex>();
        builder.AddIngestion();
        using var host = builder.Build();

        var chunker = host.Services.GetRequiredService<ArticleChunker>();
        Assert.Equal(new ChunkingOptions(300, 0), chunker.Options);
        var pipeline = host.Services.GetRequiredService<IngestionPipeline>();
        var report = await pipeline.IngestPathsAsync([RepoPaths.SampleCorpus]);
        var index = (InMemoryArticleIndex)host.Services.GetRequiredService<IArticleIndex>();
        Assert.Equal(8, report.Ingested);
        Assert.All(index.Committed.Values.SelectMany(s => s.Document.Chunks), c => Assert.True(c.Text.Length <= 300));
    }

    private static Article MakeArticle(string id, string topic) => new()
    {
        Id = id,
        Title = "عنوان عن " + topic,
        Body = string.Join(' ', Enumerable.Repeat(Body(topic), 4)) + " " + id,
        Source = "test",
    };

    /// <summary>Records reports on the calling thread (Progress&lt;T&gt; would post them asynchronously).</summary>
    private sealed class SynchronousProgress(List<IngestProgress> reports) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value)
        {
            lock (reports) reports.Add(value);
        }
    }

    /// <summary>Embedding stand-in (NOT a model): a 2-d vector holding the text length, so misplaced vectors are detectable.</summary>
    private sealed class CountingEmbedder : ITextEmbedder
    {
        public int Calls { get; private set; }
        public int Texts { get; private set; }
        public int Dimensions => 2;
        public string Model => "length-stand-in";

        public Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            Calls++;
            Texts += texts.Count;
            return Task.FromResult<IReadOnlyList<ReadOnlyMemory<float>>>(texts.Select(t => new ReadOnlyMemory<float>([t.Length, 1f])).ToList());
        }
    }
}
