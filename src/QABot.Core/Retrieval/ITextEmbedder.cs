namespace QABot.Core.Retrieval;

/// <summary>
/// Dense embeddings for chunks (at ingest) and questions (at query time). Registered only when an embedding model is
/// configured; every consumer treats its absence as "sparse retrieval only".
/// </summary>
public interface ITextEmbedder
{
    /// <summary>Vector size, needed up front to create a Qdrant collection.</summary>
    int Dimensions { get; }

    /// <summary>Model name, recorded with the index so vectors from different models are never mixed.</summary>
    string Model { get; }

    /// <summary>One vector per input text, in input order. Implementations batch requests themselves.</summary>
    Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
