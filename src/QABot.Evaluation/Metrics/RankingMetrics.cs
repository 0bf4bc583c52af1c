namespace QABot.Evaluation.Metrics;

/// <summary>
/// Binary-relevance ranking metrics over a ranked list of distinct ids (see <see cref="RankedIds"/> for how a raw
/// chunk ranking becomes one). A question with no gold id is not scored: callers must filter it out, because every
/// metric here would otherwise be trivially 0 or trivially 1.
/// </summary>
public static class RankingMetrics
{
    /// <summary>Fraction of the gold ids found in the first <paramref name="k"/> positions.</summary>
    public static double RecallAtK(IReadOnlyList<string> ranked, IReadOnlySet<string> gold, int k)
    {
        RequireGold(gold);
        var found = ranked.Take(k).Count(gold.Contains);
        return (double)found / gold.Count;
    }

    /// <summary>1 / rank of the first gold id within the first <paramref name="k"/> positions; 0 when none is there.</summary>
    public static double ReciprocalRank(IReadOnlyList<string> ranked, IReadOnlySet<string> gold, int k)
    {
        RequireGold(gold);
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
            if (gold.Contains(ranked[i])) return 1.0 / (i + 1);
        return 0;
    }

    /// <summary>
    /// nDCG@k with binary gains: DCG = Σ 1/log2(rank+1) over gold ids in the top k, divided by the DCG of an ideal
    /// ranking that puts min(|gold|, k) gold ids first.
    /// </summary>
    public static double NdcgAtK(IReadOnlyList<string> ranked, IReadOnlySet<string> gold, int k)
    {
        RequireGold(gold);
        double dcg = 0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
            if (gold.Contains(ranked[i])) dcg += Discount(i);
        double ideal = 0;
        for (var i = 0; i < Math.Min(k, gold.Count); i++) ideal += Discount(i);
        return dcg / ideal;
    }

    private static double Discount(int zeroBasedRank) => 1.0 / Math.Log2(zeroBasedRank + 2);

    private static void RequireGold(IReadOnlySet<string> gold)
    {
        if (gold.Count == 0)
            throw new ArgumentException("A ranking metric needs at least one gold id; questions without one are not scored.", nameof(gold));
    }
}

/// <summary>Turns a backend's ranked chunks into the ranked list of distinct ids the metrics score.</summary>
public static class RankedIds
{
    /// <summary>
    /// Keeps each id once, at its best score (an article retrieved through several chunks is one hit), and orders by
    /// score. Among equal scores a gold id is placed after the others: the backend's order inside a tie is arbitrary
    /// (document order), and a lucky tie-break must not count as a hit.
    /// </summary>
    public static IReadOnlyList<string> Collapse(IEnumerable<(string Id, double Score)> hits, IReadOnlySet<string> gold)
    {
        var best = new Dictionary<string, (double Score, int FirstSeen)>(StringComparer.Ordinal);
        var position = 0;
        foreach (var (id, score) in hits)
        {
            if (best.TryGetValue(id, out var seen)) { if (score > seen.Score) best[id] = (score, seen.FirstSeen); }
            else best[id] = (score, position);
            position++;
        }
        return best
            .OrderByDescending(p => p.Value.Score)
            .ThenBy(p => gold.Contains(p.Key) ? 1 : 0)
            .ThenBy(p => p.Value.FirstSeen)
            .Select(p => p.Key)
            .ToList();
    }
}
