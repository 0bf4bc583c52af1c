using QABot.Core.Domain;

namespace QABot.Answering.Llm.Guard;

public enum GuardVerdict
{
    /// <summary>Grounded text with at least one valid citation: the answer is given.</summary>
    Accepted,
    /// <summary>The model used the refusal marker: the corpus does not hold the answer.</summary>
    Refused,
    /// <summary>Nothing usable came back.</summary>
    Empty,
    /// <summary>The reply is not in the question's language.</summary>
    WrongLanguage,
    /// <summary>After the checks no sentence with a valid citation was left.</summary>
    NoValidCitation,
}

/// <summary>What the citation guard made of one model reply, with a line per change it made (for logs and docs/llm-guard.md).</summary>
public sealed record GuardResult(GuardVerdict Verdict, string Text, IReadOnlyList<Citation> Citations, IReadOnlyList<string> Actions);
