namespace QABot.Evaluation.Metrics;

/// <summary>Answer-text metrics: SQuAD exact match and token F1 (best over the gold answers), and keyword recall.</summary>
public static class AnswerMetrics
{
    public static bool ExactMatch(string prediction, string gold) =>
        AnswerText.Normalize(prediction) == AnswerText.Normalize(gold);

    /// <summary>Harmonic mean of token precision and recall, counting repeated tokens as a bag (SQuAD).</summary>
    public static double TokenF1(string prediction, string gold)
    {
        var predicted = AnswerText.Tokens(prediction);
        var expected = AnswerText.Tokens(gold);
        if (predicted.Count == 0 || expected.Count == 0) return predicted.Count == expected.Count ? 1 : 0;

        var remaining = expected.GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var common = 0;
        foreach (var token in predicted)
        {
            if (!remaining.TryGetValue(token, out var left) || left == 0) continue;
            remaining[token] = left - 1;
            common++;
        }
        if (common == 0) return 0;
        var precision = (double)common / predicted.Count;
        var recall = (double)common / expected.Count;
        return 2 * precision * recall / (precision + recall);
    }

    public static bool BestExactMatch(string prediction, IReadOnlyList<string> golds) =>
        golds.Any(g => ExactMatch(prediction, g));

    public static double BestTokenF1(string prediction, IReadOnlyList<string> golds) =>
        golds.Count == 0 ? throw new ArgumentException("No gold answer to compare with.", nameof(golds)) : golds.Max(g => TokenF1(prediction, g));

    /// <summary>
    /// Fraction of the expected keywords the answer contains, as whole normalized token sequences. A keyword may list
    /// alternatives separated by '|' («بندقية|rifle»): any one of them counts.
    /// </summary>
    public static double KeywordRecall(string answer, IReadOnlyList<string> keywords)
    {
        if (keywords.Count == 0) throw new ArgumentException("No keywords to look for.", nameof(keywords));
        var tokens = AnswerText.Tokens(answer);
        var found = keywords.Count(keyword => keyword.Split('|').Any(alternative => ContainsSequence(tokens, AnswerText.Tokens(alternative))));
        return (double)found / keywords.Count;
    }

    private static bool ContainsSequence(IReadOnlyList<string> tokens, IReadOnlyList<string> sequence)
    {
        if (sequence.Count == 0) return false;
        for (var start = 0; start + sequence.Count <= tokens.Count; start++)
        {
            var match = true;
            for (var j = 0; j < sequence.Count && match; j++) match = tokens[start + j] == sequence[j];
            if (match) return true;
        }
        return false;
    }
}
