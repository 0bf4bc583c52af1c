using QABot.Core.Domain;

namespace QABot.Evaluation.Metrics;

/// <summary>Whether an answer's citations point at the right articles and print the right dates.</summary>
public static class CitationMetrics
{
    /// <summary>Fraction of the cited articles that are gold articles; null when the answer cites nothing (nothing to judge).</summary>
    public static double? Precision(IReadOnlyList<string> citedArticleIds, IReadOnlySet<string> gold)
    {
        var distinct = citedArticleIds.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0) return null;
        return (double)distinct.Count(gold.Contains) / distinct.Count;
    }

    /// <summary>
    /// Whether every citation of a gold article prints the expected date (<c>null</c> expected = "date not stated":
    /// an appended article must not borrow its host's date). Null when no gold article is cited, which citation
    /// precision already counts against the answer.
    /// </summary>
    public static bool? DateCorrect(IReadOnlyList<Citation> citations, IReadOnlySet<string> gold, DateOnly? expected)
    {
        var ofGold = citations.Where(c => gold.Contains(c.ArticleId)).ToList();
        if (ofGold.Count == 0) return null;
        var expectedText = expected?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return ofGold.All(c => c.PublishedDate == expectedText);
    }

    /// <summary>Whether the bot's decision (answer or refuse) is the expected one.</summary>
    public static bool RefusalCorrect(bool shouldRefuse, bool refused) => shouldRefuse == refused;
}
