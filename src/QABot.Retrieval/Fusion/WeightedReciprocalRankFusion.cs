using QABot.Retrieval.Options;

namespace QABot.Retrieval.Fusion;

/// <summary>
/// Reciprocal rank fusion with a weight per ranking: robust to the incomparable score scales of BM25 and cosine, and
/// the weight scales a ranking's whole vote (Σ weight / (K + rank), rank from 1). Qdrant's server-side weighted RRF
/// stretches ranks instead (1 / ((rank)/weight + K − 1)), which at K = 60 leaves a 0.3-weighted ranking's first hit
/// almost the full vote (1/62.3 against 1/60); a backend that wants these semantics fuses in the client with this.
/// </summary>
public static class WeightedReciprocalRankFusion
{
    /// <summary>Items of <paramref name="sparse"/> and <paramref name="dense"/> (those of a ranking weighted 0 left out), best first; ties keep the sparse order.</summary>
    public static IReadOnlyList<(T Item, double Score)> Fuse<T>(IReadOnlyList<T> sparse, IReadOnlyList<T> dense, FusionOptions options)
        where T : notnull
    {
        var scores = new Dictionary<T, double>();
        var order = new List<T>();
        Add(sparse, options.SparseWeight);
        Add(dense, options.DenseWeight);
        // OrderByDescending is stable: equal scores keep first-seen order, i.e. BM25's.
        return order.Select(item => (item, scores[item])).OrderByDescending(x => x.Item2).ToList();

        void Add(IReadOnlyList<T> ranking, double weight)
        {
            if (weight <= 0) return; // a switched-off ranking contributes nothing, not even its items
            for (var rank = 1; rank <= ranking.Count; rank++)
            {
                var item = ranking[rank - 1];
                if (!scores.TryGetValue(item, out var score)) order.Add(item);
                scores[item] = score + weight / (options.K + rank);
            }
        }
    }
}
