using System.Text;
using QABot.Ingestion.Parsing;
using QABot.Ingestion.Reading;
using QABot.Ingestion.Tests.Doubles;
using QABot.Testing;
using static QABot.Ingestion.Tests.IngestTestKit;

namespace QABot.Ingestion.Tests;

/// <summary>Formats, encodings and bad input: each problem is reported per file or line and the run goes on.</summary>
[Trait("Category", "Ingestion")]
public sealed class FileReadingTests
{
    [Fact]
    public async Task Windows1256_text_file_is_converted_and_ingested()
    {
        using var dir = new TempDirectory();
        var text = "عنوان الخبر باللغة العربية\nتاريخ النشر: 3rd, March 2024 GMT\nهذا نص الخبر المكتوب بترميز ويندوز العربي القديم، وهو نص طويل بما يكفي ليكون فقرة.\nالمصدر: وكالة الأنباء";
        File.WriteAllBytes(dir.File("legacy.txt"), TextFileDecoder.Windows1256.GetBytes(text));
        Assert.False(System.Text.Unicode.Utf8.IsValid(File.ReadAllBytes(dir.File("legacy.txt"))));

        var index = new InMemoryArticleIndex();
        var report = await CreatePipeline(index).IngestPathsAsync([dir.Path]);

        Assert.Equal(1, report.Ingested);
        Assert.Equal(0, report.Failed);
        var article = index.Committed["legacy"].Document.Article;
        Assert.Equal("عنوان الخبر باللغة العربية", article.Title);
        Assert.Equal("وكالة الأنباء", article.Source);
        Assert.Contains("بترميز ويندوز العربي القديم", article.Body);
    }

    [Fact]
    public void Non_utf8_text_that_is_not_arabic_is_refused_with_a_reason()
    {
        var latin1 = Encoding.Latin1.GetBytes("Café crème brûlée, déjà vu à la française.");
        var decoded = TextFileDecoder.Decode(latin1);
        Assert.False(decoded.Succeeded);
        Assert.Contains("neither valid UTF-8 nor Arabic Windows-1256", decoded.Error);
    }

    [Fact]
    public async Task Empty_binary_and_unsupported_files_are_reported_and_the_good_file_is_still_ingested()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("empty.txt"), []);
        File.WriteAllBytes(dir.File("blank.txt"), "  \n\n "u8.ToArray());
        File.WriteAllBytes(dir.File("image.txt"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]);
        File.WriteAllBytes(dir.File("nul.jsonl"), [(byte)'{', 0, 0, 0, (byte)'}']);
        File.Copy(Path.Combine(RepoPaths.SampleCorpus, "001_5071a1cf7d2feefb.txt"), dir.File("good.txt"));
        File.WriteAllText(dir.File("notes.md"), "ignored in a folder");

        var index = new InMemoryArticleIndex();
        var report = await CreatePipeline(index).IngestPathsAsync([dir.Path, dir.File("missing.txt"), dir.File("notes.md")]);

        Assert.Equal(1, report.Ingested);
        Assert.True(index.Committed.ContainsKey("good"));
        Assert.Equal(6, report.Failed);
        Assert.Contains(report.Errors, e => e.Path.EndsWith("empty.txt") && e.Message.Contains("empty"));
        Assert.Contains(report.Errors, e => e.Path.EndsWith("blank.txt") && e.Message.Contains("empty"));
        Assert.Contains(report.Errors, e => e.Path.EndsWith("image.txt") && e.Message.Contains("binary"));
        Assert.Contains(report.Errors, e => e.Path.EndsWith("nul.jsonl") && e.Message.Contains("binary"));
        Assert.Contains(report.Errors, e => e.Path.EndsWith("missing.txt") && e.Message.Contains("no such file"));
        Assert.Contains(report.Errors, e => e.Path.EndsWith("notes.md") && e.Message.Contains("unsupported"));
    }

    [Fact]
    public async Task Malformed_jsonl_lines_are_reported_with_their_line_number_and_the_next_lines_ingested()
    {
        using var dir = new TempDirectory();
        File.WriteAllLines(dir.File("feed.jsonl"),
        [
            JsonLine("a1", "الأول", Body("المياه")),
            "{\"id\": \"broken\", \"title\": \"نص مقطوع\", \"body\": \"بلا نهاية",
            "",
            JsonLine("a2", "الثاني", Body("الطاقة")),
            "[1, 2, 3]",
            JsonLine("a3", "بلا نص", ""),
            JsonLine("a4", "الرابع", Body("التعليم")),
        ]);

        var index = new InMemoryArticleIndex();
        var report = await CreatePipeline(index).IngestPathsAsync([dir.File("feed.jsonl")]);

        Assert.Equal(3, report.Ingested);
        Assert.Equal(["a1", "a2", "a4"], index.Committed.Keys.Order());
        Assert.Equal(3, report.Failed);
        Assert.Equal([2, 5, 6], report.Errors.Select(e => e.Line!.Value));
        Assert.Contains("malformed JSON", report.Errors[0].Message);
        Assert.Contains("no body", report.Errors[2].Message);
        Assert.Equal(dir.File("feed.jsonl") + ":4", index.Committed["a2"].Document.Article.Origin);
    }

    [Theory]
    [InlineData("99999999999999999")]
    [InlineData("1e300")]
    [InlineData("-99999999999999999999999")]
    public async Task A_numeric_date_no_date_can_have_fails_its_line_alone(string published)
    {
        using var dir = new TempDirectory();
        File.WriteAllLines(dir.File("feed.jsonl"),
        [
            JsonLine("a1", "الأول", Body("المياه")),
            $$"""{"id": "bad-date", "title": "تاريخ مستحيل", "published": {{published}}, "body": "{{Body("الزراعة")}}"}""",
            JsonLine("a2", "الثاني", Body("الطاقة")),
            JsonLine("a3", "الثالث", Body("التعليم")),
        ]);

        var index = new InMemoryArticleIndex();
        var report = await CreatePipeline(index).IngestPathsAsync([dir.File("feed.jsonl")]);

        Assert.Equal(["a1", "a2", "a3"], index.Committed.Keys.Order());
        var error = Assert.Single(report.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("not a Unix time", error.Message);
    }

    [Theory]
    [InlineData("utf-16le", false)]
    [InlineData("utf-16be", false)]
    [InlineData("utf-16le", true)]
    [InlineData("utf-8-bom", false)]
    public async Task Jsonl_with_a_byte_order_mark_is_decoded_like_text_files(string encoding, bool gzip)
    {
        using var dir = new TempDirectory();
        var text = string.Join('\n', JsonLine("u1", "الأول", Body("المياه")), JsonLine("u2", "الثاني", Body("الطاقة"))) + "\n";
        var bytes = encoding switch
        {
            "utf-16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "utf-16be" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            _ => (byte[])[0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
        };
        var path = dir.File(gzip ? "feed.jsonl.gz" : "feed.jsonl");
        if (gzip)
        {
            using var file = File.Create(path);
            using var compressed = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest);
            compressed.Write(bytes);
        }
        else File.WriteAllBytes(path, bytes);

        var index = new InMemoryArticleIndex();
        var report = await CreatePipeline(index).IngestPathsAsync([path]);

        Assert.Empty(report.Errors);
        Assert.Equal(["u1", "u2"], index.Committed.Keys.Order());
        Assert.Equal("الثاني", index.Committed["u2"].Document.Article.Title);
    }

    [Fact]
    public async Task An_overlong_title_is_capped_at_ingest_whatever_the_format()
    {
        using var dir = new TempDirectory();
        var title = string.Join(' ', Enumerable.Repeat("عنوان طويل جدا", 400));
        File.WriteAllLines(dir.File("feed.jsonl"), [JsonLine("t1", title, Body("المياه"))]);
        File.WriteAllText(dir.File("t2.txt"), title + "\n\n" + Body("الطاقة"));

        var index = new InMemoryArticleIndex();
        await CreatePipeline(index).IngestPathsAsync([dir.Path]);

        foreach (var id in new[] { "t1", "t2" })
        {
            var stored = index.Committed[id].Document.Article.Title;
            Assert.InRange(stored.Length, 150, new Options.IngestionOptions().MaxTitleChars);
            Assert.EndsWith("…", stored);
            Assert.StartsWith(stored[..^1].TrimEnd(), title);
        }
    }

    [Fact]
    public async Task Files_in_a_folder_that_are_not_articles_are_listed_as_passed_over()
    {
        using var dir = new TempDirectory();
        File.WriteAllLines(dir.File("feed.jsonl"), [JsonLine("a1", "الأول", Body("المياه"))]);
        File.WriteAllBytes(dir.File("photo.png"), [0x89, 0x50]);

        var report = await CreatePipeline(new InMemoryArticleIndex()).IngestPathsAsync([dir.Path]);

        Assert.Equal(0, report.Failed);
        Assert.Equal([dir.File("photo.png")], report.PassedOver);
    }

    [Fact]
    public async Task Truncated_gzip_keeps_the_complete_lines_before_the_cut_and_reports_the_damage()
    {
        using var dir = new TempDirectory();
        var lines = Enumerable.Range(1, 400).Select(i => JsonLine($"g{i}", $"عنوان {i}", Body($"الموضوع رقم {i}"))).ToList();
        WriteGzip(dir.File("full.jsonl.gz"), string.Join('\n', lines) + "\n");
        var bytes = File.ReadAllBytes(dir.File("full.jsonl.gz"));
        File.WriteAllBytes(dir.File("cut.jsonl.gz"), bytes[..(bytes.Length / 2)]);
        File.Delete(dir.File("full.jsonl.gz"));

        var index = new InMemoryArticleIndex();
        var report = await CreatePipeline(index).IngestPathsAsync([dir.Path]);

        Assert.InRange(report.Ingested, 1, 399);
        var error = Assert.Single(report.Errors);
        Assert.EndsWith("cut.jsonl.gz", error.Path);
        Assert.Equal(report.Ingested + 1, error.Line);
        Assert.Contains("gzip stream is truncated", error.Message);
        Assert.Equal(1, index.Commits);
        // Whatever was kept is whole: every stored article is one of the originals, in order from the start.
        Assert.All(Enumerable.Range(1, report.Ingested), i => Assert.True(index.Committed.ContainsKey($"g{i}")));
    }

    [Fact]
    public async Task Complete_gzip_file_without_final_newline_is_not_called_truncated()
    {
        using var dir = new TempDirectory();
        WriteGzip(dir.File("whole.jsonl.gz"), JsonLine("w1", "أ", Body("المياه")) + "\n" + JsonLine("w2", "ب", Body("الطاقة")));
        var report = await CreatePipeline(new InMemoryArticleIndex()).IngestPathsAsync([dir.File("whole.jsonl.gz")]);
        Assert.Equal((2, 0), (report.Ingested, report.Failed));
    }

    [Fact]
    public async Task Not_a_gzip_file_is_reported()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("plain.jsonl.gz"), JsonLine("x", "t", Body("x")));
        var report = await CreatePipeline(new InMemoryArticleIndex()).IngestPathsAsync([dir.File("plain.jsonl.gz")]);
        var error = Assert.Single(report.Errors);
        Assert.Contains("gzip", error.Message);
    }

    [Fact]
    public async Task Json_array_cut_off_yields_the_whole_elements_and_an_error_with_a_line()
    {
        using var dir = new TempDirectory();
        var json = "[\n" + JsonLine("j1", "الأول", Body("الزراعة")) + ",\n" + JsonLine("j2", "الثاني", Body("الصناعة")) + ",\n{\"id\": \"j3\", \"title\": \"مقطوع\", \"body\": \"نص";
        File.WriteAllText(dir.File("dump.json"), json);

        var index = new InMemoryArticleIndex();
        var report = await CreatePipeline(index).IngestPathsAsync([dir.File("dump.json")]);

        Assert.Equal(["j1", "j2"], index.Committed.Keys.Order());
        var error = Assert.Single(report.Errors);
        Assert.Equal(4, error.Line);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public async Task Json_with_a_bom_and_json_in_windows1256_are_both_read()
    {
        using var dir = new TempDirectory();
        var first = "[" + JsonLine("bom1", "الأول", Body("المياه")) + "]";
        File.WriteAllBytes(dir.File("bom.json"), [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(first)]);
        var second = "{\"id\": \"cp1\", \"title\": \"عنوان قديم\", \"body\": \"" + Body("الزراعة") + "\"}";
        File.WriteAllBytes(dir.File("legacy.json"), TextFileDecoder.Windows1256.GetBytes(second));

        var index = new InMemoryArticleIndex();
        var report = await CreatePipeline(index).IngestPathsAsync([dir.Path]);

        Assert.Equal((2, 0), (report.Ingested, report.Failed));
        Assert.Equal("عنوان قديم", index.Committed["cp1"].Document.Article.Title);
        Assert.Equal("الأول", index.Committed["bom1"].Document.Article.Title);
    }

    [Fact]
    public async Task Json_fields_are_mapped_from_common_alternative_names()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("alt.json"),
            """
            [
              {"article_id": 77, "headline": "عنوان بديل", "content": "نص المقال كاملاً هنا. وفيه جملة ثانية.", "date": "12 أكتوبر 2023", "outlet": "الجزيرة", "link": "https://example.org/a", "tags": ["سياسة", "اقتصاد"], "extra": {"nested": [1, 2]}},
              {"title": "بلا معرف", "text": "نص آخر مختلف تماماً عن الأول. وله جملة ثانية.", "source": {"id": "bbc", "name": "BBC Arabic"}, "published": "not a date"}
            ]
            """);

        var index = new InMemoryArticleIndex();
        var report = await CreatePipeline(index).IngestPathsAsync([dir.File("alt.json")]);

        Assert.Equal(2, report.Ingested);
        var first = index.Committed["77"].Document.Article;
        Assert.Equal("عنوان بديل", first.Title);
        Assert.Equal("الجزيرة", first.Source);
        Assert.Equal("https://example.org/a", first.Url);
        Assert.Equal(new DateTimeOffset(2023, 10, 12, 0, 0, 0, TimeSpan.Zero), first.Published);
        Assert.Equal(["سياسة", "اقتصاد"], first.Keywords);
        var second = index.Committed["alt-2"].Document.Article;
        Assert.Equal("BBC Arabic", second.Source);
        Assert.Null(second.Published);
    }

    [Fact]
    public void Jsonl_body_loses_inline_read_also_links_but_keeps_prose()
    {
        var json = JsonLine("b1", "t", "الفقرة الأولى من الخبر.\nاقرأ أيضا: ترامب يصف تفتيش مكتب محاميه بأنه \"اعتداء على الوطن\"\nالفقرة الثانية من الخبر.");
        var article = JsonArticleFields.TryRead(Encoding.UTF8.GetBytes(json), "f-1", "f", out var error);
        Assert.Null(error);
        Assert.Equal("الفقرة الأولى من الخبر.\nالفقرة الثانية من الخبر.", article!.Body);
    }

    [RequiresFileFact("corpora/ant-multisource-news.jsonl.gz")]
    public void Ant_corpus_records_parse_with_their_own_ids_and_dates()
    {
        var path = RepoPaths.SharedFile("corpora", "ant-multisource-news.jsonl.gz");
        Assert.True(File.Exists(path), "shared corpus missing: " + path);
        var items = ArticleFileParser.Parse(new InputFile(path, InputFormat.JsonLinesGzip, new FileInfo(path).Length)).Take(200).ToList();
        Assert.All(items, i => Assert.Null(i.Error));
        var first = items[0].Article!;
        Assert.Equal("AL-culture-1-20180218", first.Id);
        Assert.Equal("alarabia", first.Source);
        Assert.Equal(new DateTimeOffset(2018, 2, 18, 21, 35, 43, TimeSpan.FromHours(4)), first.Published);
        Assert.Equal(TimeSpan.FromHours(4), first.Published!.Value.Offset);
        Assert.StartsWith("http://www.alarabiya.net/", first.Url);
        Assert.Equal("ar", first.Language);
    }

    /// <summary>
    /// The case: `articles show AL-culture-106-20180301` printed 2018-02-28 because the date was converted to
    /// UTC; the source says 2018-03-01T02:28:09+04:00 and so does its URL.
    /// </summary>
    [RequiresFileFact("corpora/ant-multisource-news.jsonl.gz")]
    public void Ant_article_published_after_midnight_in_its_own_zone_keeps_its_own_date()
    {
        var path = RepoPaths.SharedFile("corpora", "ant-multisource-news.jsonl.gz");
        var article = ArticleFileParser.Parse(new InputFile(path, InputFormat.JsonLinesGzip, new FileInfo(path).Length))
            .Select(i => i.Article).First(a => a?.Id == "AL-culture-106-20180301")!;
        Assert.Equal(new DateTimeOffset(2018, 3, 1, 2, 28, 9, TimeSpan.FromHours(4)), article.Published);
        Assert.Equal(TimeSpan.FromHours(4), article.Published!.Value.Offset);
        Assert.Equal(new DateTime(2018, 3, 1), article.Published.Value.Date);
        Assert.Contains("/2018/03/01/", article.Url);
    }
}
