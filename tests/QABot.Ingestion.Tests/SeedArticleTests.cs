using QABot.Core.Domain;
using QABot.Ingestion.Parsing;
using QABot.Testing;

namespace QABot.Ingestion.Tests;

/// <summary>The traps of the five seed articles: ids, titles, dates, sources, appended articles, boilerplate.</summary>
[Trait("Category", "Ingestion")]
public sealed class SeedArticleTests
{
    private static IReadOnlyList<Article> ParseSeed(string stem)
    {
        var path = Path.Combine(RepoPaths.SampleCorpus, stem + ".txt");
        return SeedTextArticleParser.Parse(stem, File.ReadAllText(path), path);
    }

    private static void AssertNoBoilerplate(Article article)
    {
        foreach (var marker in new[] { "اقرأ أيضاً", "إقرأ أيضاً", "كلمات دلالية", "المصدر:", "مصدر |", "أخبار ذات صلة", "تاريخ النشر" })
            Assert.DoesNotContain(marker, article.Body);
        Assert.False(article.Body.TrimEnd().EndsWith("مناقشة"), "trailing «مناقشة» widget left in body");
    }

    [Fact]
    public void Seed000_host_keeps_its_date_and_source_and_drops_related_headlines()
    {
        var articles = ParseSeed("000_e8a6cc70ddad2db4");
        Assert.Equal(["000_e8a6cc70ddad2db4", "000_e8a6cc70ddad2db4#r1"], articles.Select(a => a.Id));
        var host = articles[0];
        Assert.Equal("بوتين: الاتفاقيات بين روسيا وكوريا الشمالية ستسهم في الاستقرار الإقليمي", host.Title);
        Assert.Equal(new DateTimeOffset(2023, 10, 12, 0, 0, 0, TimeSpan.Zero), host.Published);
        Assert.Equal("الأسبوع", host.Source);
        Assert.Null(host.HostArticleId);
        Assert.Contains("بوتين", host.Keywords);
        Assert.Contains("كوريا الشمالية", host.Keywords);
        Assert.StartsWith("أعرب الرئيس الروسي فلاديمير بوتين", host.Body);
        Assert.EndsWith("ستتطور إلى مستوى جديد في المستقبل.", host.Body);
        Assert.DoesNotContain("البرلمان العراقي", host.Body);
        Assert.DoesNotContain("لافروف: وزراء خارجية رابطة الدول المستقلة", host.Body);
        Assert.DoesNotContain("9 ملايين دولار", host.Body);
        Assert.DoesNotContain("ستحقق أهدافها بالقوة", host.Body);
        AssertNoBoilerplate(host);
    }

    [Fact]
    public void Seed000_appended_article_is_its_own_undated_document()
    {
        var appended = ParseSeed("000_e8a6cc70ddad2db4")[1];
        Assert.Equal("بوتين: روسيا ستحقق أهدافها بالقوة", appended.Title);
        Assert.Null(appended.Published);
        Assert.Equal("000_e8a6cc70ddad2db4", appended.HostArticleId);
        Assert.Equal("الاتحاد", appended.Source);
        Assert.StartsWith("قال الرئيس الروسي فلاديمير بوتين، أمس", appended.Body);
        Assert.DoesNotContain("موسكو، كييف (الاتحاد", appended.Body);
        Assert.Contains("أمر سخيف", appended.Body);
        Assert.Empty(appended.Keywords);
        AssertNoBoilerplate(appended);
    }

    [Fact]
    public void Seed001_title_loses_the_pipe_and_the_source_comes_from_the_pipe_line()
    {
        var articles = ParseSeed("001_5071a1cf7d2feefb");
        var article = Assert.Single(articles);
        Assert.Equal("001_5071a1cf7d2feefb", article.Id);
        Assert.Equal("أعلنت وزارة الخارجية الكورية الشمالية أن بيونغ يانغ مستعدة للترحيب بحرارة بالرئيس الروسي فلاديمير بوتين كصديق مقرب.", article.Title);
        Assert.Null(article.Published);
        Assert.Equal("وكالة للأنباء تسنيم", article.Source);
        Assert.Contains("سندعم مواقف وحقوق كوريا الشمالية", article.Body);
        AssertNoBoilerplate(article);
    }

    [Fact]
    public void Seed002_appended_putin_malaysia_article_and_trailing_headline_list()
    {
        var articles = ParseSeed("002_766c5c9b7fcf550c");
        Assert.Equal(2, articles.Count);
        var host = articles[0];
        Assert.Equal("غادر روسيا \"سعيدا\".. هذه تفاصيل رسالة كيم إلى بوتين", host.Title);
        Assert.Equal(new DateTimeOffset(2023, 9, 18, 0, 0, 0, TimeSpan.Zero), host.Published);
        Assert.Equal("سكاي نيوز عربية", host.Source);
        Assert.Contains("كوفيد 19", host.Keywords);
        AssertNoBoilerplate(host);

        var appended = articles[1];
        Assert.Equal("002_766c5c9b7fcf550c#r1", appended.Id);
        Assert.Equal("بوتين: روسيا وماليزيا تحددان خططا ملموسة لتعزيز التعاون في المستقبل", appended.Title);
        Assert.Null(appended.Published);
        Assert.Null(appended.Source);
        Assert.Equal("002_766c5c9b7fcf550c", appended.HostArticleId);
        Assert.Contains("أنور إبراهيم", appended.Body);
        // The trailing «اقرأ أيضاً» list is boilerplate, not a third article.
        Assert.DoesNotContain("تدعو كييف لاستئناف المحادثات", appended.Body);
        Assert.DoesNotContain("بوتين يستقبل الرئيس السيسي", appended.Body);
        AssertNoBoilerplate(appended);
    }

    [Fact]
    public void Seed003_bare_outlet_line_is_the_source_and_inline_headlines_are_dropped()
    {
        var article = Assert.Single(ParseSeed("003_f183bc64d6ca35ea"));
        Assert.Equal("بوتين وكيم جونغ أون يوقعان اتفاقية الشراكة الاستراتيجية الشاملة... فيديو", article.Title);
        Assert.Null(article.Published);
        Assert.Equal("Sputnik", article.Source);
        Assert.DoesNotContain("Sputnik", article.Body);
        Assert.DoesNotContain("روسيا تواجه سياسة الهيمنة الإمبريالية التي تحاول", article.Body);
        Assert.DoesNotContain("يؤكد دعمه الكامل للعملية العسكرية الروسية الخاصة... صور وفيديو", article.Body);
        Assert.DoesNotContain("قبل \"فوات الأوان\"", article.Body);
        Assert.Contains("كيم جونغ إيل، والد الزعيم الحالي.", article.Body);
        AssertNoBoilerplate(article);
    }

    [Fact]
    public void Seed004_appended_erdogan_article_has_its_own_source_and_no_date()
    {
        var articles = ParseSeed("004_ed7c3fead92d0ce9");
        Assert.Equal(2, articles.Count);
        var host = articles[0];
        Assert.Equal(new DateTimeOffset(2023, 9, 14, 0, 0, 0, TimeSpan.Zero), host.Published);
        Assert.Equal("قناة اليمن اليوم", host.Source);
        Assert.Equal(["کوریا الشمالیة"], host.Keywords);
        AssertNoBoilerplate(host);

        var appended = articles[1];
        Assert.Equal("004_ed7c3fead92d0ce9#r1", appended.Id);
        Assert.Equal("في اتصال مع بوتين.. أردوغان يعرض استضافة تركيا لمفاوضات سلام بين روسيا وأوكرانيا", appended.Title);
        Assert.Null(appended.Published);
        Assert.Equal("RT", appended.Source);
        Assert.StartsWith("أوكرانيا – ناقش الرئيس الروسي", appended.Body);
        Assert.EndsWith("بسبب إخلال أطراف أخرى ببنود تلك المبادرة.", appended.Body);
        AssertNoBoilerplate(appended);
    }

    [Fact]
    public void Appended_article_with_its_own_date_line_gets_that_date_not_the_hosts()
    {
        const string text = """
            عنوان المقال الأول
            تاريخ النشر: 3rd, March 2024 GMT
            هذا نص المقال الأول وهو طويل بما يكفي ليعد فقرة كاملة من النص الصحفي المعتاد.
            إقرأ أيضاً:
            عنوان المقال الملحق
            تاريخ النشر: ٥ تشرين الأول ٢٠٢٢
            هذا نص المقال الملحق وهو أيضاً طويل بما يكفي ليعد فقرة كاملة من النص الصحفي.
            """;
        var articles = SeedTextArticleParser.Parse("x", text, "x.txt");
        Assert.Equal(new DateTimeOffset(2024, 3, 3, 0, 0, 0, TimeSpan.Zero), articles[0].Published);
        Assert.Equal("x#r1", articles[1].Id);
        Assert.Equal(new DateTimeOffset(2022, 10, 5, 0, 0, 0, TimeSpan.Zero), articles[1].Published);
    }

    [Fact]
    public void Unreadable_date_line_stays_out_of_the_body_and_leaves_the_article_undated()
    {
        const string text = "عنوان\nتاريخ النشر: منذ ساعتين\nهذا نص المقال وهو طويل بما يكفي ليعد فقرة كاملة من النص الصحفي المعتاد.";
        var article = Assert.Single(SeedTextArticleParser.Parse("u", text, "u.txt"));
        Assert.Null(article.Published);
        Assert.DoesNotContain("منذ ساعتين", article.Body);
    }

    [Fact]
    public void A_short_latin_line_in_an_english_article_is_text_not_an_outlet()
    {
        const string text = "Markets rally on rate hopes\nStocks rose sharply on Monday as investors bet on lower rates.\nAnalysts agree\nThe rally may continue into next week, traders said.";
        var article = Assert.Single(SeedTextArticleParser.Parse("en", text, "en.txt"));
        Assert.Null(article.Source);
        Assert.Equal("en", article.Language);
    }

    [Fact]
    public void Bare_read_also_list_before_long_end_matter_is_boilerplate_not_an_article()
    {
        var keywords = "كلمات دلالية: " + string.Join(" ", Enumerable.Repeat("روسيا أوكرانيا بوتين زيلينسكي الكرملين", 8));
        var text = "عنوان الخبر\nهذا نص الخبر وهو طويل بما يكفي ليعد فقرة كاملة من النص الصحفي المعتاد.\nاقرأ أيضاً\n" +
                   "بوتين يستقبل الرئيس السيسي على هامش حفل العشاء\nبوتين: علاقتنا بالصين بلغت أعلى مستوى لها\nالمصدر: وكالة\n" + keywords;
        var article = Assert.Single(SeedTextArticleParser.Parse("k", text, "k.txt"));
        Assert.Equal("وكالة", article.Source);
        Assert.Equal("هذا نص الخبر وهو طويل بما يكفي ليعد فقرة كاملة من النص الصحفي المعتاد.", article.Body);
    }
}
