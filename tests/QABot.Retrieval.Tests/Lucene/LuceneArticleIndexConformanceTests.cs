using QABot.Core.Retrieval;
using QABot.Retrieval.Lucene;
using QABot.Testing;
using QABot.Testing.Conformance;

namespace QABot.Retrieval.Tests.Lucene;

[Trait("Category", "Retrieval")]
public sealed class LuceneArticleIndexConformanceTests : ArticleIndexConformance, IDisposable
{
    private readonly TempDirectory _temp = new();
    private int _count;

    protected override Task<IArticleIndex> CreateIndexAsync() =>
        Task.FromResult<IArticleIndex>(new LuceneArticleIndex(Path.Combine(_temp.Path, $"index-{_count++}")));

    public void Dispose() => _temp.Dispose();
}
