using QABot.Evaluation.Datasets;
using QABot.Testing;

namespace QABot.Evaluation.Tests.Datasets;

[Trait("Category", "Eval")]
public sealed class QaJsonlReaderTests
{
    [Fact]
    public void Reads_answerable_dated_undated_and_refused_questions()
    {
        using var temp = new TempDirectory();
        var path = temp.File("set.jsonl");
        File.WriteAllLines(path,
        [
            """{"id":"a1","question":"ماذا أهدى بوتين لكيم؟","expected_article_ids":["004_ed7c3fead92d0ce9"],"expected_date":"2023-09-14","answer_keywords":["بندقية"]}""",
            "",
            """{"id":"e1","question":"Who offered to host peace talks?","expected_article_ids":["004_ed7c3fead92d0ce9#r1"],"expected_date":null}""",
            """{"id":"r1","question":"Who won the 2022 World Cup?","refuse":true}""",
            """{"id":"n1","question":"سؤال بلا تاريخ","expected_article_ids":["x"]}""",
        ]);

        var set = QaJsonlReader.Read(path, ["corpus"]);

        Assert.Equal(DatasetFormats.QaJsonl, set.Format);
        Assert.Equal(["a1", "e1", "r1", "n1"], set.Questions.Select(q => q.Id));
        var dated = set.Questions[0];
        Assert.Equal(("ar", "ar", true, new DateOnly(2023, 9, 14)), (dated.Language, dated.Group, dated.JudgesDate, dated.ExpectedDate));
        Assert.Equal(["بندقية"], dated.AnswerKeywords);
        var undated = set.Questions[1];
        Assert.Equal(("en", true, (DateOnly?)null), (undated.Language, undated.JudgesDate, undated.ExpectedDate));
        var refused = set.Questions[2];
        Assert.True(refused.ShouldRefuse);
        Assert.Equal("refuse en", refused.Group);
        Assert.Empty(refused.GoldArticleIds);
        Assert.False(set.Questions[3].JudgesDate);   // no expected_date field: the date is not judged
    }

    [Theory]
    [InlineData("""{"question":"q"}""", "needs \"expected_article_ids\"")]
    [InlineData("""{"question":"q","refuse":true,"expected_article_ids":["x"]}""", "cannot have expected_article_ids")]
    [InlineData("""{"question":"q","expected_article_ids":["x"],"expected_date":"12/10/2023"}""", "yyyy-MM-dd")]
    [InlineData("""{"question":"","expected_article_ids":["x"]}""", "missing or empty")]
    [InlineData("""{"question":"q","expected_article_ids":"x"}""", "array of strings")]
    [InlineData("""{"question":"q","refuse":"yes"}""", "true or false")]
    [InlineData("""not json""", "not a JSON object")]
    public void Bad_lines_are_reported_with_their_line_number(string line, string message)
    {
        using var temp = new TempDirectory();
        var path = temp.File("bad.jsonl");
        File.WriteAllLines(path, ["""{"question":"ok","expected_article_ids":["x"]}""", line]);
        var error = Assert.Throws<InvalidDataException>(() => QaJsonlReader.Read(path, ["corpus"]));
        Assert.Contains("bad.jsonl:2", error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Duplicate_ids_are_rejected()
    {
        using var temp = new TempDirectory();
        var path = temp.File("dup.jsonl");
        File.WriteAllLines(path, ["""{"id":"x","question":"a","refuse":true}""", """{"id":"x","question":"b","refuse":true}"""]);
        Assert.Contains("used twice", Assert.Throws<InvalidDataException>(() => QaJsonlReader.Read(path, ["c"])).Message);
    }

    [Fact]
    public void The_bundled_sample_set_parses_and_covers_what_the_issue_asks_for()
    {
        var set = QaJsonlReader.Read(Path.Combine(RepoPaths.Root, "eval", "sample-qa.jsonl"), [RepoPaths.SampleCorpus]);

        Assert.InRange(set.Questions.Count, 28, 40);
        Assert.Contains(set.Questions, q => q.Language == "ar" && !q.ShouldRefuse);
        Assert.Contains(set.Questions, q => q.Language == "en" && !q.ShouldRefuse);
        Assert.True(set.Questions.Count(q => q.ShouldRefuse) >= 4);
        // Questions only an appended («اقرأ أيضاً») article answers, each expecting "date not stated".
        var appended = set.Questions.Where(q => q.GoldArticleIds.Any(id => id.Contains("#r", StringComparison.Ordinal))).ToList();
        Assert.True(appended.Count >= 4);
        Assert.All(appended, q => Assert.True(q.JudgesDate && q.ExpectedDate is null));
        // Every gold id names one of the five seed files (or an article appended to one).
        var stems = Directory.GetFiles(RepoPaths.SampleCorpus, "*.txt").Select(Path.GetFileNameWithoutExtension).ToHashSet();
        Assert.All(set.Questions.SelectMany(q => q.GoldArticleIds), id => Assert.Contains(id.Split('#')[0], stems));
    }
}
