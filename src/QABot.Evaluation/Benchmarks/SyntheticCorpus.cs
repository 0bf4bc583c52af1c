using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using QABot.Text;

namespace QABot.Evaluation.Benchmarks;

/// <summary>
/// A JSONL corpus extended past its own size for the scale benchmark: after the real articles come synthetic copies.
/// Copy k of an article has a new id (<c>{id}~s{k}</c>) and url, a date shifted by k quarters, the original title, and a
/// body of the same shape (paragraphs of the same sentence counts) filled with the sentences of all the articles of
/// the same outlet, shuffled with seed k. Every synthetic body is new text (a draw that repeats a body already written
/// is drawn again), so ingestion's dedup keeps it, while the vocabulary, sentence lengths and outlet mix stay those of
/// real news.
/// </summary>
public sealed class SyntheticCorpus
{
    private static readonly TimeSpan DateShift = TimeSpan.FromDays(91);
    /// <summary>Draws of one article's body before it is left out of this copy (only tiny outlets run out of new text).</summary>
    private const int MaxDraws = 8;

    private readonly List<Template> _articles;
    private readonly Dictionary<string, string[]> _sentencesByOutlet;

    private SyntheticCorpus(List<Template> articles, Dictionary<string, string[]> sentencesByOutlet)
    {
        _articles = articles;
        _sentencesByOutlet = sentencesByOutlet;
    }

    /// <summary>Articles in the real corpus (blank and unparsable lines are not articles).</summary>
    public int RealArticles => _articles.Count;

    /// <param name="Shape">Sentences per paragraph of the original body.</param>
    private sealed record Template(JsonObject Fields, string Id, string Outlet, int[] Shape, ulong BodyKey);

    public static async Task<SyntheticCorpus> LoadAsync(string corpusPath, CancellationToken cancellationToken)
    {
        var articles = new List<Template>();
        var sentences = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await foreach (var line in CorpusSlice.ReadLinesAsync(corpusPath, cancellationToken).ConfigureAwait(false))
        {
            if (JsonNode.Parse(line) is not JsonObject fields) continue;
            var body = (string?)fields["body"] ?? "";
            var outlet = (string?)fields["source"] ?? "";
            if (!sentences.TryGetValue(outlet, out var pool)) sentences[outlet] = pool = [];
            var shape = new List<int>();
            foreach (var paragraph in body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var spans = SentenceSplitter.Split(paragraph);
                foreach (var span in spans) pool.Add(paragraph.Substring(span.Start, span.Length).Trim());
                shape.Add(spans.Count);
            }
            fields.Remove("body");
            articles.Add(new Template(fields, (string?)fields["id"] ?? $"line{articles.Count + 1}", outlet, [.. shape], BodyKey(body)));
        }
        return new SyntheticCorpus(articles, sentences.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>
    /// Writes the first <paramref name="lines"/> articles: the real corpus first (as <see cref="CorpusSlice"/> would),
    /// then synthetic copies 1, 2, … until the count is reached.
    /// </summary>
    public async Task<CorpusSlice> WriteAsync(string corpusPath, int lines, string slicePath, CancellationToken cancellationToken)
    {
        var real = await CorpusSlice.WriteAsync(corpusPath, lines, slicePath, cancellationToken).ConfigureAwait(false);
        if (real.Lines >= lines || _articles.Count == 0) return real;

        var written = real.Lines;
        var bytes = real.UncompressedBytes;
        var bodies = _articles.Select(a => a.BodyKey).ToHashSet();
        await using (var output = new FileStream(slicePath, FileMode.Append))
        await using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        await using (var writer = new StreamWriter(gzip, new UTF8Encoding(false)))
        {
            for (var copy = 1; written < lines; copy++)
            {
                var pools = Shuffled(copy);
                var next = pools.Keys.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
                var before = written;
                foreach (var article in _articles)
                {
                    if (written >= lines) break;
                    cancellationToken.ThrowIfCancellationRequested();
                    for (var draw = 0; draw < MaxDraws; draw++)
                    {
                        var body = Body(article, pools[article.Outlet], next);
                        if (!bodies.Add(BodyKey(body))) continue;
                        var line = Synthesize(article, copy, body);
                        await writer.WriteLineAsync(line).ConfigureAwait(false);
                        bytes += Encoding.UTF8.GetByteCount(line) + 1;
                        written++;
                        break;
                    }
                }
                if (written == before)
                    throw new InvalidOperationException($"The corpus is too small to extend to {lines} articles: copy {copy} drew no new body.");
            }
        }
        // Appending a second gzip member is a valid gzip file: readers inflate the members one after another.
        return new CorpusSlice(slicePath, written, bytes, new FileInfo(slicePath).Length);
    }

    private Dictionary<string, string[]> Shuffled(int copy)
    {
        var random = new Random(copy);
        return _sentencesByOutlet.ToDictionary(p => p.Key, p =>
        {
            var pool = (string[])p.Value.Clone();
            random.Shuffle(pool);
            return pool;
        }, StringComparer.Ordinal);
    }

    private static string Synthesize(Template article, int copy, string body)
    {
        var fields = (JsonObject)article.Fields.DeepClone();
        fields["id"] = $"{article.Id}~s{copy}";
        if ((string?)fields["url"] is { Length: > 0 } url) fields["url"] = $"{url}#s{copy}";
        if ((string?)fields["published"] is { } published
            && DateTimeOffset.TryParse(published, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            fields["published"] = (date + DateShift * copy).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        fields["body"] = body;
        return fields.ToJsonString(JsonOptions);
    }

    /// <summary>The next sentences of the outlet's shuffled pool, in the article's paragraph shape.</summary>
    private static string Body(Template article, string[] pool, Dictionary<string, int> next)
    {
        var body = new StringBuilder();
        var cursor = next[article.Outlet];
        foreach (var sentences in article.Shape)
        {
            if (body.Length > 0) body.Append('\n');
            for (var i = 0; i < sentences && pool.Length > 0; i++)
            {
                if (i > 0) body.Append(' ');
                body.Append(pool[cursor]);
                cursor = (cursor + 1) % pool.Length;
            }
        }
        next[article.Outlet] = cursor;
        return body.ToString();
    }

    /// <summary>A 64-bit FNV-1a of the text: a chance collision only costs one more draw.</summary>
    private static ulong BodyKey(string body)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in body) hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
