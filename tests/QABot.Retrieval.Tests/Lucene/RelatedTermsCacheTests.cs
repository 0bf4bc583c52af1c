using Lucene.Net.Index;
using Lucene.Net.Store;
using QABot.Core.Retrieval;
using QABot.Retrieval.Lucene;
using QABot.Testing;
using QABot.Testing.Conformance;

namespace QABot.Retrieval.Tests.Lucene;

/// <summary>The related-term groups a process builds for an index commit are kept in the data directory for the next process.</summary>
[Trait("Category", "Retrieval")]
public sealed class RelatedTermsCacheTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string IndexPath => _temp.File("index");
    private string CacheDirectory => _temp.File("cache");

    private static string[] CacheFiles(string directory) =>
        System.IO.Directory.Exists(directory) ? System.IO.Directory.GetFiles(directory, "related-terms-*.bin") : [];

    private async Task CommitAsync(LuceneArticleIndex index, params string[] bodies)
    {
        await using var session = await index.BeginWriteAsync();
        foreach (var body in bodies) await session.UpsertAsync(ConformanceDocuments.Article("a" + Guid.NewGuid().ToString("N")[..8], "", body));
        await session.CommitAsync();
    }

    private DirectoryReader OpenReader() => DirectoryReader.Open(FSDirectory.Open(IndexPath));

    [Fact]
    public async Task A_commit_s_groups_are_written_beside_the_index_and_read_back_equal()
    {
        await using (var index = new LuceneArticleIndex(IndexPath))
        {
            await CommitAsync(index, "كتب لوثر ترانيم كثيرة باللغة الألمانية.", "غنت الجوقة الترنيمة في الكنيسة.");
            Assert.NotEmpty(await index.SearchAsync(new SearchRequest { Text = "من كتب الترنيمة؟" }));
        }

        using var reader = OpenReader();
        var file = RelatedTerms.CacheFile.For(CacheDirectory, reader)!;
        Assert.Equal([file.FilePath], CacheFiles(CacheDirectory));
        var read = file.TryRead(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        Assert.NotNull(read);
        var built = RelatedTerms.Build(reader);
        Assert.Equal(built.Keys.Order(StringComparer.Ordinal), read.Keys.Order(StringComparer.Ordinal));
        foreach (var (skeleton, terms) in built) Assert.Equal(terms, read[skeleton]);
        Assert.Contains(read["رنم"], t => t.Item1 == "ترانيم");
    }

    [Fact]
    public async Task A_cut_short_or_foreign_file_is_not_used_and_is_rebuilt()
    {
        await using (var index = new LuceneArticleIndex(IndexPath))
        {
            await CommitAsync(index, "كتب لوثر ترانيم كثيرة باللغة الألمانية.", "غنت الجوقة الترنيمة في الكنيسة.");
            await index.SearchAsync(new SearchRequest { Text = "من كتب الترنيمة؟" });
        }
        using var reader = OpenReader();
        var file = RelatedTerms.CacheFile.For(CacheDirectory, reader)!;
        var logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        var whole = File.ReadAllBytes(file.FilePath);

        File.WriteAllBytes(file.FilePath, whole[..^3]);
        Assert.Null(file.TryRead(logger));

        // Another commit's file under this commit's name: the stamp inside does not match.
        await using (var other = new LuceneArticleIndex(_temp.File("other/index")))
        {
            await CommitAsync(other, "افتتح معرض الكتاب في القاهرة بمشاركة واسعة.");
            await other.SearchAsync(new SearchRequest { Text = "معرض الكتاب" });
        }
        using (var otherReader = DirectoryReader.Open(FSDirectory.Open(_temp.File("other/index"))))
            File.Copy(RelatedTerms.CacheFile.For(_temp.File("other/cache"), otherReader)!.FilePath, file.FilePath, overwrite: true);
        Assert.Null(file.TryRead(logger));

        // A reader the process has not seen yet falls back to the index and leaves a good file behind.
        using var fresh = OpenReader();
        Assert.Contains("ترانيم", RelatedTerms.For(fresh, CacheDirectory).Of("ترنيمه", 3));
        Assert.Equal(whole, File.ReadAllBytes(file.FilePath));
    }

    [Fact]
    public async Task Each_commit_gets_its_own_file_and_only_the_newest_three_are_kept()
    {
        var written = new List<string>();
        await using var index = new LuceneArticleIndex(IndexPath);
        for (var i = 0; i < 5; i++)
        {
            await CommitAsync(index, $"كتب لوثر ترانيم كثيرة رقم {i}.");
            await index.SearchAsync(new SearchRequest { Text = "من كتب الترانيم؟" });
            using var reader = OpenReader();
            written.Add(RelatedTerms.CacheFile.For(CacheDirectory, reader)!.FilePath);
        }

        Assert.Equal(5, written.Distinct().Count());
        Assert.Equal(written.TakeLast(RelatedTerms.CacheFile.Kept).Order(), CacheFiles(CacheDirectory).Order());
    }
}
