using QABot.Answering.Extractive;
using QABot.Core.Answering;
using QABot.Evaluation.Hosting;
using QABot.Evaluation.Running;
using QABot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace QABot.Evaluation.Tests.Running;

/// <summary>
/// `qabot eval` on a dev set, end to end: a tiny MADE-UP dev set (written for this test, not part of eval/) over
/// corpus/sample, asked through the real ingestion, Lucene index and extractive answerer. The ANT corpus is left out
/// on purpose, so its question must be skipped with a warning.
/// </summary>
[Trait("Category", "Eval")]
[Trait("Speed", "Slow")]
public sealed class DevSetRunnerTests : IClassFixture<DevSetRunnerTests.MadeUpRun>
{
    private const string MadeUpDevSet = """
        // MADE-UP dev set for DevSetRunnerTests only: five questions over corpus/sample and one about the ANT corpus.
        {"id": "made-1", "question": "ماذا أهدى بوتين لكيم جونغ أون؟", "lang": "ar", "kind": "what", "corpus": "sample", "expected_article_ids": ["004_ed7c3fead92d0ce9"], "expected_date": "2023-09-14", "short_answer": ["بندقية"], "refuse": false}
        {"id": "made-2", "question": "and who announced that?", "lang": "en", "kind": "who", "corpus": "sample", "expected_article_ids": ["004_ed7c3fead92d0ce9"], "expected_date": "2023-09-14", "short_answer": ["Peskov"], "refuse": false, "follows": "made-1"}
        {"id": "made-3", "question": "who won the 1966 world cup final at wembley?", "lang": "en", "kind": "who", "corpus": "none", "refuse": true}
        {"id": "made-4", "question": "when did the 2018 world cup start?", "lang": "en", "kind": "when", "corpus": "ant", "expected_article_ids": ["BB-sport-1-20180614"], "expected_date": "2018-06-14", "short_answer": ["14 June 2018"], "refuse": false}
        {"id": "made-5", "question": "بوتين أهدى كيم جونغ أون بندقية", "lang": "ar", "kind": "claim", "corpus": "sample", "expected_article_ids": ["004_ed7c3fead92d0ce9"], "expected_date": "2023-09-14", "verdict": "supported", "short_answer": ["بندقية"], "refuse": false}
        {"id": "made-6", "question": "what was published in september 2023?", "lang": "en", "kind": "list", "corpus": "sample", "expected_article_ids": ["002_766c5c9b7fcf550c", "004_ed7c3fead92d0ce9"], "expected_list_ids": ["002_766c5c9b7fcf550c", "004_ed7c3fead92d0ce9"], "expected_list_total": 2, "short_answer": ["2"], "refuse": false}
        """;

    private readonly MadeUpRun _run;

    public DevSetRunnerTests(MadeUpRun run) => _run = run;

    public sealed class MadeUpRun : IAsyncLifetime
    {
        public TempDirectory Folder { get; } = new();
        /// <summary>Every request that reached the answerer, in order, across both runs.</summary>
        public List<AnswerRequest> Asked { get; } = [];
        public DevSetReport Full { get; private set; } = null!;
        public DevSetReport FollowUpOnly { get; private set; } = null!;
        public int AskedInFullRun { get; private set; }

        public DevSetRunOptions Options(params string[] ids) => new()
        {
            DatasetPath = Folder.File("made-up-dev.jsonl"),
            SampleCorpusPath = RepoPaths.SampleCorpus,
            AntCorpusPath = Folder.File("no-such-ant.jsonl.gz"),
            CacheDirectory = Folder.File("cache"),
            Services = SampleEvalTests.RepositoryRecipe() with { Compose = ComposeRecording },
            Ids = ids,
        };

        /// <summary>The production stack, with the answerer wrapped so the test sees the requests (conversation ids) it gets.</summary>
        private void ComposeRecording(Microsoft.Extensions.Hosting.IHostApplicationBuilder builder)
        {
            ServiceRecipe.ComposeDefault(builder);
            builder.Services.AddSingleton<IAnswerer>(sp => new RecordingAnswerer(sp.GetRequiredService<ExtractiveAnswerer>(), Asked));
        }

        public async Task InitializeAsync()
        {
            await File.WriteAllTextAsync(Folder.File("made-up-dev.jsonl"), MadeUpDevSet);
            Full = await DevSetRunner.RunAsync(Options());
            AskedInFullRun = Asked.Count;
            FollowUpOnly = await DevSetRunner.RunAsync(Options("made-2"));
        }

        public Task DisposeAsync()
        {
            Folder.Dispose();
            return Task.CompletedTask;
        }
    }

    private sealed class RecordingAnswerer(IAnswerer inner, List<AnswerRequest> asked) : IAnswerer
    {
        public Task<Core.Domain.Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken = default)
        {
            lock (asked) asked.Add(request);
            return inner.AnswerAsync(request, cancellationToken);
        }
    }

    [Fact]
    public void The_question_about_the_missing_ANT_corpus_is_skipped_with_a_warning_and_the_rest_are_judged_in_conversation_order()
    {
        Assert.Equal(["made-1", "made-2", "made-3", "made-5", "made-6"], _run.Full.Outcomes.Select(o => o.Id));
        var warning = Assert.Single(_run.Full.Warnings);
        Assert.Contains("1 question(s) about the ANT corpus skipped", warning);
        Assert.Equal(8, _run.Full.Index.Articles);   // 5 seed articles + 3 appended ones: the sample only
    }

    [Fact]
    public void The_table_counts_each_question_once_under_its_kind_and_language()
    {
        int N(string kind, string language) => _run.Full.Rows.Single(r => r.Kind == kind && r.Language == language).Questions;
        Assert.Equal(1, N("what", "ar"));
        Assert.Equal(2, N("who", "en"));
        Assert.Equal(1, N("claim", "ar"));
        Assert.Equal(1, N("list", "en"));
        Assert.Equal(2, N("all", "ar"));
        Assert.Equal(3, N("all", "en"));
        Assert.Equal(5, N("all", "all"));
        Assert.DoesNotContain(_run.Full.Rows, r => r.Kind == "when");

        var summary = _run.Full.Summary;
        Assert.Equal(5, summary.OverallCorrect.Judged);
        Assert.Equal(1, summary.OffCorpusRefused.Judged);
        Assert.Equal(4, summary.AnswerableAnswered.Judged);
        Assert.Equal(1, summary.Verdicts.Judged);
        Assert.Equal(_run.Full.Outcomes.Count(o => o.Judgement.OverallCorrect), summary.OverallCorrect.Correct);
    }

    [Fact]
    public void Answers_are_judged_on_what_the_real_answerer_gave()
    {
        var gift = _run.Full.Outcomes.Single(o => o.Id == "made-1");
        Assert.Contains(gift.Cited, c => c.ArticleId == "004_ed7c3fead92d0ce9" && c.Published == "2023-09-14");
        Assert.True(gift.Judgement.CitationCorrect);
        Assert.True(gift.Judgement.DateCorrect);

        var claim = _run.Full.Outcomes.Single(o => o.Id == "made-5");
        Assert.True(claim.AskedAsClaim);            // a bare statement goes through `qabot check`
        Assert.NotNull(claim.Verdict);              // and check always gives a verdict
        Assert.Equal(claim.Verdict == "supported", claim.Judgement.VerdictCorrect);
    }

    [Fact]
    public void A_follow_up_is_asked_right_after_its_question_in_the_same_conversation_and_lone_questions_in_none()
    {
        var full = _run.Asked.Take(_run.AskedInFullRun).ToList();
        var first = full.FindIndex(r => r.Question.StartsWith("ماذا أهدى", StringComparison.Ordinal));
        Assert.Equal("and who announced that?", full[first + 1].Question);
        Assert.NotNull(full[first].ConversationId);
        Assert.Equal(full[first].ConversationId, full[first + 1].ConversationId);
        Assert.All(full.Where(r => r.Question.Contains("wembley") || r.Question.Contains("september 2023")), r => Assert.Null(r.ConversationId));
    }

    [Fact]
    public void Asking_only_a_follow_up_asks_its_question_first_unjudged_and_reuses_the_cached_index()
    {
        Assert.Equal(["made-2"], _run.FollowUpOnly.Outcomes.Select(o => o.Id));
        var second = _run.Asked.Skip(_run.AskedInFullRun).ToList();
        Assert.Equal(2, second.Count);
        Assert.StartsWith("ماذا أهدى", second[0].Question);
        Assert.Equal(second[0].ConversationId, second[1].ConversationId);

        Assert.False(_run.Full.Index.Reused);
        Assert.True(_run.FollowUpOnly.Index.Reused);
        Assert.Equal(_run.Full.Index.Directory, _run.FollowUpOnly.Index.Directory);
    }
}
