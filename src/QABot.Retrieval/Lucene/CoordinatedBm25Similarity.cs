using Lucene.Net.Search.Similarities;

namespace QABot.Retrieval.Lucene;

/// <summary>
/// BM25 plus a coordination factor: a passage matching more of the question's concepts outranks one that matches
/// fewer concepts many times. Plain BM25 lets repeated names («بوتين», «كيم جونغ أون») outweigh the one word that
/// makes the question specific («أعطى»). The query builder nests per-word and per-concept clauses so that the
/// top-level clause count is the number of concepts.
/// </summary>
internal sealed class CoordinatedBm25Similarity(float exponent, float k1 = 1.2f, float b = 0.75f) : BM25Similarity(k1, b)
{
    public float Exponent { get; } = exponent;

    public override float Coord(int overlap, int maxOverlap) =>
        maxOverlap <= 1 || Exponent == 0 ? 1f : MathF.Pow((float)overlap / maxOverlap, Exponent);
}
