using QABot.Evaluation.Running;
using QABot.Testing;

namespace QABot.Evaluation.Tests.Running;

/// <summary>
/// `qabot eval` on the shared XQuAD files (a spread-out sample of each group): paragraphs ingested as articles, the
/// cross-lingual questions, and the unanswerable pass after the held-out paragraphs are removed.
/// </summary>
[Trait("Category", "Eval")]
[Trait("Speed", "Slow")]
public sealed class XquadEvalTests
{
    [RequiresFileFact("eval/xquad/xquad.ar.json")]
    public async Task Squad_paragraphs_are_indexed_asked_in_both_languages_and_held_out_for_refusals()
    {
        var folder = RepoPaths.SharedFile("eval", "xquad");
        using var work = new TempDirectory();

        var report = await EvalRunner.RunAsync(new EvalRunOptions
        {
            DatasetPath = folder,
            Configurations = [EvalConfiguration.Parse("bm25"), EvalConfiguration.Current],
            Services = SampleEvalTests.RepositoryRecipe(),
            Limit = 40,
            WorkDirectory = work.Path,
        });

        var current = report.Configurations.Single(c => c.Name == "current");
        var plain = report.Configurations.Single(c => c.Name == "bm25");
        Assert.Equal((240, 60), (current.Index.Articles, current.Index.HeldOut));
        Assert.Equal(["ar→ar", "en→ar", "unanswerable ar", "unanswerable en", "all"], current.Groups.Select(g => g.Group));
        Assert.All(current.Groups.Take(4), g => Assert.Equal(40, g.Questions));

        var arabic = current.Group("ar→ar")!;
        Assert.True(arabic.Retrieval!.RecallAt5 >= 0.85, $"ar→ar recall@5 = {arabic.Retrieval.RecallAt5}");
        Assert.True(arabic.Answers.TokenF1 > 0, "no answer overlaps a gold span at all");
        // Paragraphs are undated: a cited paragraph must print "date not stated".
        Assert.Equal(1.0, arabic.Answers.DateCorrectness);
        Assert.True(current.Group("en→ar")!.Retrieval!.RecallAt5 > plain.Group("en→ar")!.Retrieval!.RecallAt5 + 0.3,
            "dictionary and gazetteer expansion should lift English→Arabic recall well above plain BM25");

        // The held-out paragraphs are really gone: no unanswerable question retrieves or cites one.
        var heldOut = current.Questions.Where(q => q.ShouldRefuse).ToList();
        Assert.Equal(80, heldOut.Count);
        var heldOutIds = Enumerable.Range(0, 48).Where(t => t % 4 == 3).SelectMany(t => Enumerable.Range(1, 5).Select(p => $"xquad-{t + 1:00}-{p}")).ToHashSet();
        Assert.All(heldOut, q => Assert.DoesNotContain(q.Ranked, heldOutIds.Contains));
        Assert.All(heldOut, q => Assert.DoesNotContain(q.Cited, c => heldOutIds.Contains(c.ArticleId)));
        Assert.True(current.Group("unanswerable ar")!.Answers.RefusalAccuracy >= 0.6,
            $"unanswerable ar refusal accuracy = {current.Group("unanswerable ar")!.Answers.RefusalAccuracy}");
    }
}
