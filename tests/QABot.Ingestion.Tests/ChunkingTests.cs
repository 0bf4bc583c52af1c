using QABot.Core.Domain;
using QABot.Ingestion.Parsing;
using QABot.Testing;
using QABot.Text;
using QABot.Text.Chunking;

namespace QABot.Ingestion.Tests;

[Trait("Category", "Ingestion")]
public sealed class ChunkingTests
{
    private static Article SampleArticle(string stem)
    {
        var path = Path.Combine(RepoPaths.SampleCorpus, stem + ".txt");
        return SeedTextArticleParser.Parse(stem, File.ReadAllText(path), path)[0];
    }

    [Fact]
    public void Splits_at_arabic_and_latin_terminal_marks_and_newlines_but_not_inside_numbers()
    {
        const string text = "هل انتهى الاجتماع؟ نعم، انتهى! وبلغت النسبة 3.5 في المئة. «قال: انتهى.» ثم\nسطر جديد۔ End.";
        var sentences = SentenceSplitter.Split(text).Select(s => text.Substring(s.Start, s.Length)).ToList();
        Assert.Equal(["هل انتهى الاجتماع؟", "نعم، انتهى!", "وبلغت النسبة 3.5 في المئة.", "«قال: انتهى.»", "ثم", "سطر جديد۔", "End."], sentences);
    }

    [Fact]
    public void A_dot_after_a_lone_letter_is_an_abbreviation_not_a_boundary()
    {
        const string text = "قال د. محمد علي إن الوضع مستقر. وأكد J. Smith ذلك.";
        var sentences = SentenceSplitter.Split(text).Select(s => text.Substring(s.Start, s.Length)).ToList();
        Assert.Equal(["قال د. محمد علي إن الوضع مستقر.", "وأكد J. Smith ذلك."], sentences);
    }

    [Fact]
    public void Overlong_sentence_is_cut_at_an_arabic_comma_within_the_limit()
    {
        var clause = "وقال المتحدث إن المفاوضات مستمرة بين الطرفين منذ أسابيع طويلة";
        var text = string.Join("، ", Enumerable.Repeat(clause, 10)) + ".";
        var pieces = SentenceSplitter.Split(text, 200);
        Assert.True(pieces.Count > 1);
        Assert.All(pieces, p => Assert.True(p.Length <= 200, $"piece of {p.Length} chars"));
        Assert.All(pieces.SkipLast(1), p => Assert.EndsWith("،", text.Substring(p.Start, p.Length)));
    }

    [Fact]
    public void Chunks_cover_the_body_with_exact_offsets_and_one_sentence_of_overlap()
    {
        var article = SampleArticle("001_5071a1cf7d2feefb");
        var chunks = new ArticleChunker(new ChunkingOptions(MaxChars: 1000, OverlapSentences: 1)).Split(article);

        Assert.True(chunks.Count >= 3, $"expected several chunks, got {chunks.Count}");
        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];
            Assert.Equal(i, chunk.Ordinal);
            Assert.Equal(Chunk.MakeId(article.Id, i), chunk.ChunkId);
            Assert.Equal(chunk.Text, article.Body.Substring(chunk.StartChar, chunk.Text.Length));
            Assert.True(chunk.Text.Length <= 1000, $"chunk {i} has {chunk.Text.Length} chars");
        }
        Assert.Equal(0, chunks[0].StartChar);
        Assert.Equal(article.Body.TrimEnd().Length, chunks[^1].StartChar + chunks[^1].Text.Length);
        // Each chunk starts with the last sentence of the previous one.
        for (var i = 1; i < chunks.Count; i++)
        {
            var previous = chunks[i - 1];
            var lastSentence = SentenceSplitter.Split(previous.Text)[^1];
            Assert.Equal(previous.StartChar + lastSentence.Start, chunks[i].StartChar);
        }
        // Full chunks are filled close to the limit, not cut short.
        Assert.All(chunks.SkipLast(1), c => Assert.True(c.Text.Length >= 500, $"chunk of {c.Text.Length} chars"));
    }

    [Fact]
    public void Every_chunk_carries_the_article_metadata_and_no_title_text()
    {
        var article = SampleArticle("000_e8a6cc70ddad2db4");
        var chunks = new ArticleChunker().Split(article);
        Assert.NotEmpty(chunks);
        Assert.All(chunks, c =>
        {
            Assert.Equal(new ArticleMetadata(article.Id, article.Title, "الأسبوع", null, new DateTimeOffset(2023, 10, 12, 0, 0, 0, TimeSpan.Zero), "ar"), c.Metadata);
            Assert.False(c.Text.StartsWith(article.Title), "chunk text should be body only");
        });
    }

    [Fact]
    public void Without_overlap_chunks_partition_the_sentences()
    {
        var article = SampleArticle("003_f183bc64d6ca35ea");
        var chunks = new ArticleChunker(new ChunkingOptions(MaxChars: 400, OverlapSentences: 0)).Split(article);
        for (var i = 1; i < chunks.Count; i++)
            Assert.True(chunks[i].StartChar >= chunks[i - 1].StartChar + chunks[i - 1].Text.Length);
        Assert.Equal(
            SentenceSplitter.Split(article.Body, 400).Count,
            chunks.Sum(c => SentenceSplitter.Split(c.Text, 400).Count));
    }
}
