using System.IO.Compression;
using System.Text.Json;
using QABot.Evaluation.Benchmarks;
using QABot.Testing;

namespace QABot.Evaluation.Tests.Benchmarks;

[Trait("Category", "Eval")]
public sealed class SyntheticCorpusTests
{
    private static string WriteCorpus(TempDirectory temp)
    {
        var path = temp.File("corpus.jsonl");
        File.WriteAllLines(path,
        [
            Article("a1", "أ", "2020-01-10T08:00:00+03:00", "الجملة الأولى من الألف. الجملة الثانية من الألف.\nفقرة ثانية من الألف."),
            Article("a2", "أ", "2020-02-10T08:00:00+03:00", "جملة من المقال الثاني. وجملة أخرى منه."),
            Article("b1", "ب", "not a date", "نص من المصدر باء. وجملة ثانية من باء."),
            Article("b2", "ب", "2021-05-01", "سطر من باء الثاني."),
        ]);
        return path;
    }

    private static string Article(string id, string source, string published, string body) =>
        JsonSerializer.Serialize(new { id, title = $"عنوان {id}", source, published, url = $"https://example.org/{id}", body });

    private static List<JsonElement> Read(string path)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }

    [Fact]
    public async Task Past_the_corpus_come_copies_with_new_ids_shifted_dates_and_the_same_outlets_sentences_reshuffled()
    {
        using var temp = new TempDirectory();
        var corpus = WriteCorpus(temp);
        var synthetic = await SyntheticCorpus.LoadAsync(corpus, CancellationToken.None);

        var slice = await synthetic.WriteAsync(corpus, 8, temp.File("s.jsonl.gz"), CancellationToken.None);

        Assert.Equal(8, slice.Lines);
        var lines = Read(slice.Path);
        Assert.Equal(["a1", "a2", "b1", "b2", "a1~s1", "a2~s1", "b1~s1", "b2~s1"], lines.Select(l => l.GetProperty("id").GetString()));
        var copy = lines[4];
        Assert.Equal("https://example.org/a1#s1", copy.GetProperty("url").GetString());
        Assert.Equal("2020-04-10T08:00:00+03:00", copy.GetProperty("published").GetString());   // + 91 days
        Assert.Equal("not a date", lines[6].GetProperty("published").GetString());
        Assert.Equal("عنوان a1", copy.GetProperty("title").GetString());
        // Each copy keeps its template's outlet, so the outlet mix of the extended corpus is that of the real one.
        Assert.Equal(["أ", "أ", "ب", "ب"], lines.Skip(4).Select(l => l.GetProperty("source").GetString()));
        // Same shape (two paragraphs), made only of sentences of the same outlet's articles.
        var sentencesOfA = new[] { "الجملة الأولى من الألف.", "الجملة الثانية من الألف.", "فقرة ثانية من الألف.", "جملة من المقال الثاني.", "وجملة أخرى منه." };
        var body = copy.GetProperty("body").GetString()!;
        Assert.Equal(2, body.Split('\n').Length);
        var remaining = body.Replace("\n", " ");
        foreach (var sentence in sentencesOfA) remaining = remaining.Replace(sentence, "");
        Assert.Equal("", remaining.Trim());
        // Every body is new text, so dedup by body keeps every article.
        Assert.Equal(8, lines.Select(l => l.GetProperty("body").GetString()).Distinct().Count());
        // Deterministic: the same sizes give the same articles, so smaller slices are prefixes of larger ones.
        var again = await synthetic.WriteAsync(corpus, 6, temp.File("t.jsonl.gz"), CancellationToken.None);
        Assert.Equal(lines.Take(6).Select(l => l.GetRawText()), Read(again.Path).Select(l => l.GetRawText()));
    }

    [Fact]
    public async Task An_outlet_too_small_for_new_text_is_left_out_of_a_copy_rather_than_repeated()
    {
        using var temp = new TempDirectory();
        var corpus = temp.File("tiny.jsonl");
        File.WriteAllLines(corpus, [Article("t1", "ت", "2020-01-01", "جملة واحدة فقط.")]);
        var synthetic = await SyntheticCorpus.LoadAsync(corpus, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => synthetic.WriteAsync(corpus, 3, temp.File("s.jsonl.gz"), CancellationToken.None));
        Assert.Contains("too small", error.Message);
    }

    [Fact]
    public async Task Within_the_corpus_nothing_is_synthesized()
    {
        using var temp = new TempDirectory();
        var corpus = WriteCorpus(temp);
        var synthetic = await SyntheticCorpus.LoadAsync(corpus, CancellationToken.None);
        var slice = await synthetic.WriteAsync(corpus, 2, temp.File("s.jsonl.gz"), CancellationToken.None);
        Assert.Equal(["a1", "a2"], Read(slice.Path).Select(l => l.GetProperty("id").GetString()));
    }
}
