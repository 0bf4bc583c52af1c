using Microsoft.Extensions.DependencyInjection;
using QABot.Answering.Llm.Answering;
using QABot.Answering.Llm.Guard;
using QABot.Core.Answering;
using QABot.Core.Domain;
using QABot.Llm.Tests.Doubles;
using QABot.Llm.Tests.StandIn;

namespace QABot.Llm.Tests.Answering;

/// <summary>Claims (`qabot check`, /api/check, /check) through the model: no verdict without a citation that bears it.</summary>
[Trait("Category", "Llm")]
public sealed class ClaimCheckTests
{
    private const string Task = "check-claim";
    private const string RifleClaim = "أهدى بوتين كيم جونغ أون بندقية";

    private static Task<Answer> CheckAsync(LlmHarness h, string claim) =>
        h.Answerer.AnswerAsync(new AnswerRequest { Question = claim, IsClaim = true, Now = LlmHarness.Today, Top = 3 });

    private static List<ClaimCheck> Record(LlmHarness h)
    {
        var checks = new List<ClaimCheck>();
        h.Services.GetRequiredService<LlmAnswerer>().ClaimChecked += (_, check) => { lock (checks) checks.Add(check); };
        return checks;
    }

    [Fact]
    public async Task A_supported_verdict_with_a_citation_that_states_the_claim_is_kept_with_index_metadata()
    {
        await using var h = await LlmHarness.StartAsync();
        h.StandIn.Script(Task, StandInReply.Text("VERDICT: supported\nأهدى بوتين كيم بندقية بعد اجتماعهما في أقصى شرق روسيا [1]."));

        var answer = await CheckAsync(h, RifleClaim);

        Assert.Equal((LlmAnswerer.AnswererName, ClaimVerdict.Supported, QuestionKind.Claim, false), (answer.Answerer, answer.Verdict, answer.Kind, answer.Refused));
        Assert.StartsWith("تؤيده المصادر: أهدى بوتين كيم بندقية", answer.Text);
        var citation = Assert.Single(answer.Citations);
        Assert.Equal((SampleCorpus.GiftsId, "2023-09-14"), (citation.ArticleId, citation.PublishedDate));
        Assert.Empty(h.Fallback.Requests);
        var call = Assert.Single(h.StandIn.CallsFor(Task));
        Assert.Contains("Claim to check: " + RifleClaim, call.User);
        Assert.Empty(h.StandIn.CallsFor("grounded-answer"));
    }

    [Fact]
    public async Task A_contradicted_verdict_quoting_what_the_source_says_is_kept()
    {
        await using var h = await LlmHarness.StartAsync();
        h.StandIn.Script(Task, StandInReply.Text("VERDICT: contradicted\nلم يهد بوتين كيم جونغ أون سيارة بل بندقية [1]."));

        var answer = await CheckAsync(h, "أهدى بوتين كيم جونغ أون سيارة");

        Assert.Equal(ClaimVerdict.Contradicted, answer.Verdict);
        Assert.StartsWith("تخالفه المصادر:", answer.Text);
        Assert.Equal(SampleCorpus.GiftsId, Assert.Single(answer.Citations).ArticleId);
    }

    [Theory]
    [InlineData("VERDICT: supported\nنعم، هذا صحيح.")]                        // a verdict without any citation
    [InlineData("VERDICT: supported\nأهدى بوتين كيم بندقية [9].")]            // a citation of a source that was not given
    [InlineData("VERDICT: contradicted\n[7]")]                                 // nothing but an invented marker
    [InlineData("نعم، أهدى بوتين كيم بندقية [1].")]                           // no verdict line at all
    [InlineData("VERDICT: probably\nأهدى بوتين كيم بندقية [1].")]             // not one of the three verdicts
    public async Task A_verdict_without_a_valid_citation_falls_back_to_the_extractive_check(string reply)
    {
        await using var h = await LlmHarness.StartAsync();
        h.StandIn.Script(Task, StandInReply.Text(reply));

        var answer = await CheckAsync(h, RifleClaim);

        Assert.Equal(MarkedFallbackAnswerer.Text, answer.Text);
        var fallback = Assert.Single(h.Fallback.Requests);
        Assert.True(fallback.IsClaim);
    }

    [Fact]
    public async Task A_citation_of_an_article_that_does_not_bear_the_claim_is_no_verdict()
    {
        await using var h = await LlmHarness.StartAsync();
        // [3] for this claim is the undated article 001 about Pyongyang's welcome, which says nothing of a missile over Japan.
        h.StandIn.Script(Task, StandInReply.Text("VERDICT: supported\nأطلقت كوريا الشمالية صاروخا باليستيا فوق اليابان [1]."));

        var checks = Record(h);

        var answer = await CheckAsync(h, "أطلقت كوريا الشمالية صاروخا باليستيا عابرا للقارات فوق اليابان وهدد كيم بضربة نووية");

        Assert.Equal(MarkedFallbackAnswerer.Text, answer.Text);
        Assert.Contains(Assert.Single(checks).Actions, a => a.Contains("concepts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Supported_needs_every_number_of_the_claim_in_the_cited_text()
    {
        await using var h = await LlmHarness.StartAsync();
        h.StandIn.Script(Task, StandInReply.Text("VERDICT: supported\nأهدى بوتين كيم 17 بندقية [1]."));
        var checks = Record(h);

        var answer = await CheckAsync(h, "أهدى بوتين كيم جونغ أون 17 بندقية");

        Assert.Equal(MarkedFallbackAnswerer.Text, answer.Text);
        Assert.Contains(Assert.Single(checks).Actions, a => a.Contains("do not state 17", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Not_found_is_a_refusal_in_the_claims_language_without_citations()
    {
        await using var h = await LlmHarness.StartAsync();
        h.StandIn.Script(Task, StandInReply.Text("VERDICT: not_found"));

        var answer = await CheckAsync(h, RifleClaim);

        Assert.Equal((ClaimVerdict.NotFound, true, LlmAnswerer.AnswererName), (answer.Verdict, answer.Refused, answer.Answerer));
        Assert.Empty(answer.Citations);
        Assert.StartsWith("غير موجود", answer.Text);
    }
}
