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
    /// Minimum share of the question's content terms (IDF-weighted) that the best evidence sentence's chunk must contain.
    /// Below it the answerer refuses. Calibrated on eval/sample-qa.jsonl: answerable questions score 0.5 and up, off-corpus
    /// questions with a few incidental matches stay under 0.4.
    /// </summary>
    public double MinEvidenceCoverage { get; set; } = 0.45;

    /// <summary>Turns kept per conversation by the in-memory store.</summary>
    public int MaxConversationTurns { get; set; } = 20;
}
