namespace QABot.Retrieval.Qdrant.Sparse;

/// <summary>A sparse vector as parallel arrays of term ids (ascending) and weights.</summary>
public sealed record SparseVector(IReadOnlyList<uint> Indices, IReadOnlyList<float> Values)
{
    public bool IsEmpty => Indices.Count == 0;
}
