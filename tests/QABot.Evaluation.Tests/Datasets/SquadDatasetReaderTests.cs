using QABot.Evaluation.Datasets;
using QABot.Testing;

namespace QABot.Evaluation.Tests.Datasets;

[Trait("Category", "Eval")]
public sealed class SquadDatasetReaderTests
{
    private static string Squad(params (string Title, (string Context, (string Id, string Question, string Answer)[] Qas)[] Paragraphs)[] topics) =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            version = "1.1",
            data = topics.Select(t => new
            {
                title = t.Title,
                paragraphs = t.Paragraphs.Select(p => new
                {
                    context = p.Context,
                    qas = p.Qas.Select(q => new { id = q.Id, question = q.Question, answers = new[] { new { answer_start = 0, text = q.Answer } } }),
                }),
            }),
        });

    private static (string Arabic, string English) WriteFixture(TempDirectory temp)
    {
        var topics = Enumerable.Range(1, 4).Select(t => ($"Topic_{t}", new[]
        {
            ($"فقرة عربية رقم {t} عن موضوع ما", new[] { ($"q{t}", $"سؤال عربي {t}؟", $"جواب {t}") }),
        })).ToArray();
        var english = Enumerable.Range(1, 4).Select(t => ($"Topic_{t}", new[]
        {
            ($"English paragraph {t}", new[] { ($"q{t}", $"English question {t}?", $"answer {t}") }),
        })).ToArray();
        var ar = temp.File("xquad.ar.json");
        var en = temp.File("xquad.en.json");
        File.WriteAllText(ar, Squad(topics));
        File.WriteAllText(en, Squad(english));
        return (ar, en);
    }

    [Fact]
    public void Paragraphs_become_undated_articles_and_parallel_questions_are_asked_against_them()
    {
        using var temp = new TempDirectory();
        WriteFixture(temp);

        var set = DatasetLoader.Load(temp.Path, []);

        Assert.Equal(4, set.Articles.Count);
        Assert.All(set.Articles, a => Assert.Null(a.Published));
        Assert.DoesNotContain(set.Articles, a => a.Title.Contains("Topic", StringComparison.Ordinal));   // no English title leaks into the index
        Assert.Equal(8, set.Questions.Count);
        var arabic = set.Questions.Single(q => q.Id == "q2");
        var english = set.Questions.Single(q => q.Id == "q2:parallel");
        Assert.Equal(("ar→ar", "en→ar"), (arabic.Group, english.Group));
        Assert.Equal(["xquad-02-1"], english.GoldArticleIds);
        Assert.Equal(["جواب 2", "answer 2"], english.GoldAnswers);
        Assert.True(english.JudgesDate);
        Assert.Null(english.ExpectedDate);
    }

    [Fact]
    public void Every_fourth_topic_is_held_out_and_its_questions_must_be_refused()
    {
        using var temp = new TempDirectory();
        var (arabic, _) = WriteFixture(temp);

        var set = DatasetLoader.Load(arabic, []);

        Assert.Equal(["xquad-04-1"], set.HoldOut!.ArticleIds);
        Assert.Equal(["q4:held-out", "q4:parallel:held-out"], set.HoldOut.Questions.Select(q => q.Id));
        Assert.All(set.HoldOut.Questions, q => Assert.True(q.ShouldRefuse && q.GoldArticleIds.Count == 0));
    }

    [Fact]
    public void A_limit_spreads_questions_over_the_file()
    {
        using var temp = new TempDirectory();
        WriteFixture(temp);
        var set = DatasetLoader.Load(temp.Path, [], limit: 2);
        Assert.Equal(["q1", "q3"], set.Questions.Where(q => q.Group == "ar→ar").Select(q => q.Id));
    }

    [Fact]
    public void Not_a_squad_file_is_a_clear_error()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("x.json"), """{"items": []}""");
        Assert.Contains("no top-level \"data\"", Assert.Throws<InvalidDataException>(() => DatasetLoader.Load(temp.File("x.json"), [])).Message);
        Assert.Throws<FileNotFoundException>(() => DatasetLoader.Load(temp.File("missing.jsonl"), ["c"]));
        File.WriteAllText(temp.File("x.csv"), "a,b");
        Assert.Contains("Cannot tell the format", Assert.Throws<InvalidDataException>(() => DatasetLoader.Load(temp.File("x.csv"), [])).Message);
    }

    [RequiresFileFact("eval/xquad/xquad.ar.json")]
    public void The_shared_XQuAD_files_load_with_their_published_counts()
    {
        var folder = RepoPaths.SharedFile("eval", "xquad");

        var set = DatasetLoader.Load(folder, []);

        Assert.Equal(240, set.Articles.Count);
        Assert.Equal(1190, set.Questions.Count(q => q.Group == "ar→ar"));
        Assert.Equal(1190, set.Questions.Count(q => q.Group == "en→ar"));
        Assert.Equal(60, set.HoldOut!.ArticleIds.Count);   // 12 of 48 topics × 5 paragraphs
    }
}
