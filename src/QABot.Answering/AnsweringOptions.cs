namespace QABot.Answering;

/// <summary>Bound from section "Answering".</summary>
public sealed class AnsweringOptions
{
    public const string SectionName = "Answering";

    /// <summary>Most sentences an extractive answer quotes.</summary>
    public int MaxSentences { get; set; } = 3;

    /// <summary>How many top chunks the extractive answerer reads sentences from.</summary>
    public int EvidenceChunks { get; set; } = 5;

    /// <summary>
    /// Minimum weighted share of the question's content words that the best evidence chunk must contain; below it the
    /// answerer refuses. Calibrated with `qabot eval ../shared/eval/xquad --limit 150` sweeping 0.30–0.50: at 0.40 the
    /// Arabic questions are answered 77 % of the time and their unanswerable variants (gold paragraph removed) refused
    /// 88 %; 0.45 trades 7 points of the first for 6 of the second. See docs/benchmarks.md.
    /// </summary>
    public double MinEvidenceCoverage { get; set; } = 0.40;

    /// <summary>Most articles a list answer shows ("what did BBC publish on 15 July 2018?"); the count covers them all.</summary>
    public int MaxListed { get; set; } = 20;

    /// <summary>Turns kept per conversation by the in-memory store.</summary>
    public int MaxConversationTurns { get; set; } = 20;
}
