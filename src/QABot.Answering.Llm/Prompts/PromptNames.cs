namespace QABot.Answering.Llm.Prompts;

/// <summary>The prompt files in prompts/ (without ".txt"), one per model task.</summary>
public static class PromptNames
{
    public const string Answer = "answer";
    public const string RewriteFollowUp = "rewrite-followup";
    public const string ExpandQuery = "expand-query";
    public const string TimeScope = "time-scope";
    public const string LanguageRetryNote = "language-retry-note";
    public const string CheckClaim = "check-claim";

    public static IReadOnlyList<string> All { get; } = [Answer, RewriteFollowUp, ExpandQuery, TimeScope, LanguageRetryNote, CheckClaim];
}
