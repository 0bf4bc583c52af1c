using QABot.Evaluation.Hosting;
using QABot.Testing;

namespace QABot.Evaluation.Tests.Running;

[Trait("Category", "Eval")]
public sealed class CorpusIndexCacheTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Corpus(string body)
    {
        var path = _folder.File("corpus.jsonl");
        File.WriteAllText(path, body);
        return path;
    }

    private static Dictionary<string, string?> Settings(params (string Key, string? Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public void The_key_follows_the_corpus_contents()
    {
        var path = Corpus("""{"id":"a","body":"نص"}""");
        var first = CorpusIndexCache.Key([path], Settings());
        Assert.Equal(first, CorpusIndexCache.Key([path], Settings()));
        Corpus("""{"id":"a","body":"نص آخر"}""");
        Assert.NotEqual(first, CorpusIndexCache.Key([path], Settings()));
    }

    [Fact]
    public void Settings_that_shape_the_index_change_the_key_and_answering_settings_do_not()
    {
        var path = Corpus("""{"id":"a","body":"نص"}""");
        var plain = CorpusIndexCache.Key([path], Settings());
        Assert.NotEqual(plain, CorpusIndexCache.Key([path], Settings(("Retrieval:Backend", "Qdrant"))));
        Assert.NotEqual(plain, CorpusIndexCache.Key([path], Settings(("Ingestion:ChunkChars", "900"))));
        Assert.Equal(plain, CorpusIndexCache.Key([path], Settings(("Llm:Endpoint", "http://localhost:1"), ("Retrieval:Top", "3"))));
        // An override given after the base setting is the one that counts.
        Assert.Equal(CorpusIndexCache.Key([path], Settings(("Ingestion:ChunkChars", "900"))),
            CorpusIndexCache.Key([path], [new("Ingestion:ChunkChars", "600"), new("ingestion:chunkchars", "900")]));
    }

    [Fact]
    public void An_interrupted_build_is_not_complete_and_pruning_keeps_the_newest()
    {
        var root = _folder.File("cache");
        var names = new[] { "old", "newer", "current" };
        for (var i = 0; i < names.Length; i++)
        {
            var directory = Path.Combine(root, names[i]);
            Directory.CreateDirectory(directory);
            CorpusIndexCache.MarkComplete(directory, names[i]);
            File.SetLastWriteTimeUtc(Path.Combine(directory, CorpusIndexCache.CompleteMarker), DateTime.UtcNow.AddHours(i - 10));
        }
        var interrupted = Path.Combine(root, "interrupted");
        Directory.CreateDirectory(interrupted);
        Assert.False(CorpusIndexCache.IsComplete(interrupted));

        CorpusIndexCache.Prune(root, Path.Combine(root, "current"));

        Assert.True(Directory.Exists(Path.Combine(root, "current")));
        Assert.True(Directory.Exists(Path.Combine(root, "newer")));
        Assert.False(Directory.Exists(Path.Combine(root, "old")));
    }
}
