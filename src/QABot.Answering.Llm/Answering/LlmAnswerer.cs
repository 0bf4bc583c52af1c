using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using QABot.Answering.Llm.Chat;
using QABot.Answering.Llm.Context;
using QABot.Answering.Llm.Guard;
using QABot.Answering.Llm.Options;
using QABot.Answering.Llm.Planning;
using QABot.Answering.Formatting;
using QABot.Answering.Llm.Prompts;
using QABot.Answering.TimeScope;
using QABot.Core.Answering;
using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Text;

namespace QABot.Answering.Llm.Answering;

/// <summary>
/// Answers with the chat model over retrieved chunks: bounded conversation memory → follow-up rewriting → time scope →
/// retrieval → sources fitted to the token budget → generation → <see cref="CitationGuard"/>. Whenever the model
/// fails (error, timeout, empty reply, wrong language twice, no valid citation) the <c>fallback</c> answerer, the
/// extractive one, answers instead, so an LLM outage never costs an answer.
/// </summary>
public sealed class LlmAnswerer(
    IAnswerer fallback,
    LlmChat chat,
    IQueryPlanner planner,
    IArticleIndex index,
    IConversationStore conversations,
    FollowUpRewriter rewriter,
    LlmTimeScopeExtractor timeScope,
    IOptions<LlmOptions> options,
    TimeProvider clock,
    ILogger<LlmAnswerer> logger) : IStreamingAnswerer
{
    public const string AnswererName = "llm";

    private readonly LlmOptions _options = options.Value;

    /// <summary>Raised with every guard result, for diagnostics and the guard report.</summary>
    public event Action<AnswerRequest, GuardResult>? Guarded;

    /// <summary>Raised with every claim check the guard made, for diagnostics and tests.</summary>
    public event Action<AnswerRequest, ClaimCheck>? ClaimChecked;

    public async Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken = default)
    {
        var prepared = await PrepareAsync(request, cancellationToken);
        if (prepared.Sources.IsEmpty) return await FinishWithFallbackAsync(prepared, "nothing retrieved", cancellationToken);
        if (request.IsClaim) return await CheckClaimAsync(prepared, cancellationToken);

        string reply;
        try
        {
            reply = await chat.CompleteAsync(PromptNames.Answer, prepared.Arguments(retryNote: ""), cancellationToken);
        }
        catch (Exception ex) when (IsModelFailure(ex, cancellationToken))
        {
            return await FinishWithFallbackAsync(prepared, Describe(ex), cancellationToken);
        }
        return await FinishAsync(prepared, reply, cancellationToken);
    }

    /// <summary>
    /// Streams the reply already guarded, sentence by sentence (<see cref="GuardedStream"/>). The answer given to
    /// <paramref name="onCompleted"/> is the one to keep: when the reply as a whole fails the guard or the model fails
    /// midway, it is the fallback answer and differs from what was streamed. When nothing could be streamed, its text
    /// is yielded as one fragment.
    /// </summary>
    public async IAsyncEnumerable<string> StreamAsync(AnswerRequest request, Action<Answer> onCompleted,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (request.IsClaim)
        {
            // A verdict is known only once the whole reply is guarded: nothing is streamed before it.
            var checkedClaim = await AnswerAsync(request, cancellationToken);
            yield return checkedClaim.Text;
            onCompleted(checkedClaim);
            yield break;
        }
        var prepared = await PrepareAsync(request, cancellationToken);
        Answer? final = null;
        var streamedAny = false;
        if (prepared.Sources.IsEmpty)
        {
            final = await FinishWithFallbackAsync(prepared, "nothing retrieved", cancellationToken);
        }
        else
        {
            var reply = new StringBuilder();
            var guarded = new GuardedStream(prepared.Sources, prepared.Language);
            var stream = chat.StreamAsync(PromptNames.Answer, prepared.Arguments(retryNote: ""), cancellationToken).GetAsyncEnumerator(cancellationToken);
            await using (stream)
            {
                while (true)
                {
                    IReadOnlyList<string> pieces;
                    bool ended;
                    try
                    {
                        ended = !await stream.MoveNextAsync();
                        if (!ended) reply.Append(stream.Current);
                        pieces = ended ? guarded.Flush() : guarded.Push(stream.Current);
                    }
                    catch (Exception ex) when (IsModelFailure(ex, cancellationToken))
                    {
                        final = await FinishWithFallbackAsync(prepared, Describe(ex), cancellationToken);
                        break;
                    }
                    foreach (var piece in pieces) yield return piece;
                    streamedAny |= pieces.Count > 0;
                    if (ended) break;
                }
            }
            final ??= await FinishAsync(prepared, reply.ToString(), cancellationToken);
        }
        if (!streamedAny) yield return final.Text;
        onCompleted(final);
    }

    private async Task<PreparedQuestion> PrepareAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        var question = request.Question.Trim();
        if (question.Length == 0) throw new ArgumentException("The question is empty.", nameof(request));
        var now = request.Now ?? clock.GetLocalNow();
        var language = LanguageDetector.Detect(question);

        var history = request.ConversationId is { } id
            ? ConversationWindow.Bound(await conversations.GetAsync(id, cancellationToken), _options.MaxHistoryTurns, _options.MaxHistoryTokens)
            : ConversationWindow.Empty;
        var standalone = await rewriter.RewriteAsync(question, history, cancellationToken);
        var scope = await timeScope.ExtractAsync(standalone, now, cancellationToken);

        var search = await planner.PlanAsync(standalone, request.Top, scope?.Range, cancellationToken);
        var hits = await index.SearchAsync(search, cancellationToken);
        var sources = SourceContext.Fit(hits, _options.ContextTokenBudget);
        if (sources.DroppedForBudget > 0)
            logger.LogInformation("Dropped {Count} lowest-ranked chunk(s) to fit the {Budget}-token context budget", sources.DroppedForBudget, _options.ContextTokenBudget);

        return new PreparedQuestion(request, question, standalone, language, now, history, scope, sources,
            hits.Select(h => new RetrievedRef(h.Chunk.ArticleId, h.Chunk.ChunkId, h.Score)).ToList());
    }

    private async Task<Answer> FinishAsync(PreparedQuestion prepared, string reply, CancellationToken cancellationToken)
    {
        var result = Check(prepared, reply);
        if (result.Verdict == GuardVerdict.WrongLanguage)
        {
            try
            {
                var retryNote = await chat.Prompts.RenderAsync(PromptNames.LanguageRetryNote,
                    new KernelArguments { ["language_name"] = prepared.LanguageName }, cancellationToken);
                result = Check(prepared, await chat.CompleteAsync(PromptNames.Answer, prepared.Arguments(retryNote), cancellationToken));
            }
            catch (Exception ex) when (IsModelFailure(ex, cancellationToken))
            {
                return await FinishWithFallbackAsync(prepared, "retry after wrong language failed: " + Describe(ex), cancellationToken);
            }
        }

        switch (result.Verdict)
        {
            case GuardVerdict.Accepted:
                return await RecordAsync(prepared, new Answer
                {
                    Question = prepared.Question, Language = prepared.Language, Text = result.Text, Refused = false,
                    Citations = result.Citations, Retrieved = prepared.Retrieved, Answerer = AnswererName,
                }, cancellationToken);
            case GuardVerdict.Refused:
                return await RecordAsync(prepared, new Answer
                {
                    Question = prepared.Question, Language = prepared.Language, Refused = true,
                    Text = prepared.Scope is { } scope ? AnswerTexts.NotFoundInPeriod(prepared.Language, scope.Expression) : AnswerTexts.NotFound(prepared.Language),
                    Retrieved = prepared.Retrieved, Answerer = AnswererName,
                }, cancellationToken);
            default:
                return await FinishWithFallbackAsync(prepared, $"guard verdict {result.Verdict}", cancellationToken);
        }
    }

    /// <summary>
    /// The model's verdict on a claim (prompt check-claim), kept only when <see cref="ClaimGuard"/> finds it borne by
    /// its citations; otherwise the extractive answerer checks the claim.
    /// </summary>
    private async Task<Answer> CheckClaimAsync(PreparedQuestion prepared, CancellationToken cancellationToken)
    {
        string reply;
        ClaimTerms terms;
        try
        {
            var arguments = prepared.Arguments(retryNote: "");
            arguments["claim"] = prepared.Standalone;
            reply = await chat.CompleteAsync(PromptNames.CheckClaim, arguments, cancellationToken);
            var expansions = prepared.Language == Languages.English
                ? (await planner.ExpandAsync(prepared.Standalone, cancellationToken)).Select(e => (e.Text, string.IsNullOrEmpty(e.Origin) ? e.Text : e.Origin))
                : [];
            terms = ClaimGuard.TermsOf(prepared.Standalone, prepared.Language, expansions);
        }
        catch (Exception ex) when (IsModelFailure(ex, cancellationToken))
        {
            return await FinishWithFallbackAsync(prepared, Describe(ex), cancellationToken);
        }
        var check = ClaimGuard.Check(reply, prepared.Sources, prepared.Language, terms);
        if (check.Actions.Count > 0)
            logger.LogInformation("Claim guard ({Verdict}) for {Claim}: {Actions}", check.Verdict?.ToString() ?? "none", prepared.Question, string.Join("; ", check.Actions));
        ClaimChecked?.Invoke(prepared.Request, check);
        if (check.Verdict is not { } verdict) return await FinishWithFallbackAsync(prepared, "claim verdict not borne by a citation", cancellationToken);

        var label = VerdictTexts.Label(verdict, prepared.Language);
        return await RecordAsync(prepared, new Answer
        {
            Question = prepared.Question, Language = prepared.Language, Kind = QuestionKind.Claim, Verdict = verdict,
            Refused = verdict == ClaimVerdict.NotFound,
            Text = verdict == ClaimVerdict.NotFound ? AnswerTexts.NotFound(prepared.Language) : $"{label}: {check.Evidence.Text}",
            Citations = verdict == ClaimVerdict.NotFound ? [] : check.Evidence.Citations,
            Retrieved = prepared.Retrieved, Answerer = AnswererName,
        }, cancellationToken);
    }

    private GuardResult Check(PreparedQuestion prepared, string reply)
    {
        var result = CitationGuard.Check(reply, prepared.Sources, prepared.Language);
        if (result.Actions.Count > 0)
            logger.LogInformation("Citation guard ({Verdict}) for {Question}: {Actions}", result.Verdict, prepared.Question, string.Join("; ", result.Actions));
        Guarded?.Invoke(prepared.Request, result);
        return result;
    }

    /// <summary>
    /// The fallback (extractive) answer. When the model made the question standalone, the fallback gets that question
    /// without the conversation and this answerer records the turn; otherwise (the rewrite failed, as it does when the
    /// model is down) it gets the conversation id, reads the follow-up in context itself and records the turn itself.
    /// Either way the turn is recorded once.
    /// </summary>
    private async Task<Answer> FinishWithFallbackAsync(PreparedQuestion prepared, string reason, CancellationToken cancellationToken)
    {
        logger.LogWarning("LLM answer not used ({Reason}); answering extractively", reason);
        var rewritten = prepared.Standalone != prepared.Question;
        var request = rewritten
            ? prepared.Request with { Question = prepared.Standalone, ConversationId = null, Now = prepared.Now }
            : prepared.Request with { Now = prepared.Now };
        var answer = await fallback.AnswerAsync(request, cancellationToken) with { Question = prepared.Question };
        return rewritten ? await RecordAsync(prepared, answer, cancellationToken) : answer;
    }

    private async Task<Answer> RecordAsync(PreparedQuestion prepared, Answer answer, CancellationToken cancellationToken)
    {
        if (prepared.Request.ConversationId is { } id)
            await conversations.AppendAsync(id, new ConversationTurn(prepared.Question, answer.Text,
                answer.Citations.Select(c => c.ArticleId).ToList(), clock.GetUtcNow()), cancellationToken);
        return answer;
    }

    private static bool IsModelFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested;

    private static string Describe(Exception ex) => ex.GetType().Name + ": " + ex.Message;

    private sealed record PreparedQuestion(
        AnswerRequest Request,
        string Question,
        string Standalone,
        string Language,
        DateTimeOffset Now,
        ConversationWindow History,
        TimeScopeMatch? Scope,
        SourceContext Sources,
        IReadOnlyList<RetrievedRef> Retrieved)
    {
        public string LanguageName => Language == Languages.Arabic ? "Arabic" : "English";

        public KernelArguments Arguments(string retryNote) => new()
        {
            ["language_name"] = LanguageName,
            ["question"] = Question,
            ["standalone_question"] = Standalone,
            ["history"] = History.Render(),
            ["sources"] = Sources.Render(),
            ["today"] = Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["refusal_marker"] = CitationGuard.RefusalMarker,
            ["retry_note"] = retryNote,
        };
    }
}
