using QABot.Evaluation.Metrics;

namespace QABot.Evaluation.Tests.Metrics;

[Trait("Category", "Eval")]
public sealed class RankingMetricsTests
{
    private static IReadOnlySet<string> Gold(params string[] ids) => ids.ToHashSet();

    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(2, 0.5)]   // b found at rank 2
    [InlineData(3, 0.5)]
    [InlineData(4, 1.0)]   // d found at rank 4
    [InlineData(10, 1.0)]  // k beyond the list
    public void Recall_at_k_counts_the_share_of_gold_ids_in_the_top_k(int k, double expected)
    {
        string[] ranked = ["a", "b", "c", "d"];
        Assert.Equal(expected, RankingMetrics.RecallAtK(ranked, Gold("b", "d"), k), 10);
    }

    [Fact]
    public void Reciprocal_rank_is_one_over_the_rank_of_the_first_gold_id_and_zero_beyond_k()
    {
        string[] ranked = ["a", "b", "c", "d"];
        Assert.Equal(1.0 / 3, RankingMetrics.ReciprocalRank(ranked, Gold("c", "d"), 10), 10);
        Assert.Equal(0, RankingMetrics.ReciprocalRank(ranked, Gold("c"), 2));
        Assert.Equal(0, RankingMetrics.ReciprocalRank(ranked, Gold("zzz"), 10));
    }

    [Fact]
    public void Ndcg_matches_a_hand_computed_value()
    {
        // gold at ranks 2 and 4: DCG = 1/log2(3) + 1/log2(5) = 0.63093 + 0.43068 = 1.06161
        // ideal (2 gold first): 1/log2(2) + 1/log2(3) = 1 + 0.63093 = 1.63093 → nDCG = 0.65093
        string[] ranked = ["a", "b", "c", "d"];
        Assert.Equal(0.65093, RankingMetrics.NdcgAtK(ranked, Gold("b", "d"), 10), 4);
    }

    [Fact]
    public void Ndcg_is_one_for_a_perfect_ranking_and_zero_when_the_gold_is_absent()
    {
        Assert.Equal(1.0, RankingMetrics.NdcgAtK(["g1", "g2", "x"], Gold("g1", "g2"), 10), 10);
        Assert.Equal(0.0, RankingMetrics.NdcgAtK(["x", "y"], Gold("g"), 10));
        Assert.Equal(0.0, RankingMetrics.NdcgAtK([], Gold("g"), 10));
    }

    [Fact]
    public void Ndcg_ideal_is_capped_at_k_when_there_are_more_gold_ids_than_positions()
    {
        // k = 1, three gold ids, gold at rank 1: DCG = 1, ideal = 1 (only one position) → 1.
        Assert.Equal(1.0, RankingMetrics.NdcgAtK(["g1", "x"], Gold("g1", "g2", "g3"), 1), 10);
    }

    [Fact]
    public void A_question_without_gold_is_not_scored()
    {
        Assert.Throws<ArgumentException>(() => RankingMetrics.RecallAtK(["a"], Gold(), 1));
        Assert.Throws<ArgumentException>(() => RankingMetrics.NdcgAtK(["a"], Gold(), 1));
    }

    [Fact]
    public void Collapse_keeps_each_article_once_at_its_best_score()
    {
        var ranked = RankedIds.Collapse([("a", 9), ("b", 8), ("a", 7), ("c", 6), ("b", 10)], Gold("c"));
        Assert.Equal(["b", "a", "c"], ranked);
        // The duplicate chunk of "a" no longer pushes "c" down to rank 4.
        Assert.Equal(1.0 / 3, RankingMetrics.ReciprocalRank(ranked, Gold("c"), 10), 10);
    }

    [Fact]
    public void A_tie_with_the_gold_is_broken_against_the_gold()
    {
        // The backend listed the gold first, but its score ties with "x": a lucky order must not be a hit at 1.
        var ranked = RankedIds.Collapse([("gold", 5), ("x", 5), ("y", 1)], Gold("gold"));
        Assert.Equal(["x", "gold", "y"], ranked);
        Assert.Equal(0, RankingMetrics.RecallAtK(ranked, Gold("gold"), 1));
        Assert.Equal(0.5, RankingMetrics.ReciprocalRank(ranked, Gold("gold"), 10));
    }

    [Fact]
    public void Ties_among_non_gold_ids_keep_the_backend_order()
    {
        Assert.Equal(["p", "q", "r"], RankedIds.Collapse([("p", 3), ("q", 3), ("r", 3)], Gold("zzz")));
    }
}
