using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using QABot.Answering.Llm.Chat;
using QABot.Answering.Llm.Context;
using QABot.Answering.Llm.Prompts;

namespace QABot.Answering.Llm.Planning;

/// <summary>Turns a follow-up («ومتى حدث ذلك؟») into a standalone question, so retrieval does not depend on the chat.</summary>
public sealed class FollowUpRewriter(LlmChat chat, ILogger<FollowUpRewriter> logger)
{
    // A rewrite longer than this is the model answering instead of rewriting; the original question is safer.
    private const int MaxGrowthFactor = 4;

    public async Task<string> RewriteAsync(string question, ConversationWindow history, CancellationToken cancellationToken)
    {
        if (history.IsEmpty) return question;
        try
        {
            var reply = await chat.CompleteAsync(PromptNames.RewriteFollowUp,
                new KernelArguments { ["history"] = history.Render(), ["question"] = question }, cancellationToken);
            var rewritten = reply.Trim().Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim().Trim('"') ?? "";
            if (rewritten.Length == 0 || rewritten.Length > Math.Max(200, question.Length * MaxGrowthFactor)) return question;
            logger.LogInformation("Follow-up rewritten: {Question} -> {Standalone}", question, rewritten);
            return rewritten;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Follow-up rewriting failed; searching with the question as asked");
            return question;
        }
    }
}
