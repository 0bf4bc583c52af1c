using QABot.Core.Domain;

namespace QABot.Text.Chunking;

/// <summary>
/// Cuts an article body into passages of whole sentences with a sentence of overlap, so a fact that straddles a
/// boundary is still found whole in one chunk. Chunk text is body only (the title is stored once in
/// <see cref="ArticleMetadata"/>), and <c>body.Substring(StartChar, Text.Length) == Text</c> always holds.
/// </summary>
public sealed class ArticleChunker
{
    public ArticleChunker() : this(ChunkingOptions.Default) { }

    public ArticleChunker(ChunkingOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxChars, 100);
        ArgumentOutOfRangeException.ThrowIfNegative(options.OverlapSentences);
        Options = options;
    }

    public ChunkingOptions Options { get; }

    public IReadOnlyList<Chunk> Split(Article article)
    {
        var body = article.Body;
        var sentences = SentenceSplitter.Split(body, Options.MaxChars);
        if (sentences.Count == 0) return [];

        var metadata = ArticleMetadata.From(article);
        var chunks = new List<Chunk>(body.Length / Options.MaxChars + 2);
        var first = 0;
        while (true)
        {
            var last = first;
            while (last + 1 < sentences.Count && sentences[last + 1].End - sentences[first].Start <= Options.MaxChars) last++;

            var start = sentences[first].Start;
            var text = body.Substring(start, sentences[last].End - start);
            chunks.Add(new Chunk(Chunk.MakeId(article.Id, chunks.Count), chunks.Count, text, start, metadata));
            if (last + 1 >= sentences.Count) return chunks;

            var next = last + 1;
            var withOverlap = Math.Max(first + 1, next - Options.OverlapSentences);
            // Overlap only when it leaves room for new text; otherwise the next chunk would repeat this one.
            first = withOverlap < next && sentences[next].End - sentences[withOverlap].Start <= Options.MaxChars ? withOverlap : next;
        }
    }
}
