using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using QABot.Core.Retrieval;

namespace QABot.Answering.Llm.Embeddings;

/// <summary>
/// <see cref="ITextEmbedder"/> over an OpenAI-compatible /embeddings endpoint, through the embedding generator that
/// Semantic Kernel's OpenAI connector registers. Texts go out in batches of <c>Embeddings:BatchSize</c>.
/// </summary>
public sealed class OpenAiTextEmbedder : ITextEmbedder
{
    // Native sizes of the common models, so that no probe request is needed for them.
    private static readonly Dictionary<string, int> KnownDimensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text-embedding-3-small"] = 1536,
        ["text-embedding-3-large"] = 3072,
        ["text-embedding-ada-002"] = 1536,
        ["nomic-embed-text"] = 768,
        ["mxbai-embed-large"] = 1024,
        ["bge-m3"] = 1024,
    };

    private readonly IEmbeddingGenerator<string, Embedding<float>> _generator;
    private readonly int _batchSize;
    private readonly ILogger<OpenAiTextEmbedder> _logger;
    private readonly Lazy<int> _dimensions;

    public OpenAiTextEmbedder(IEmbeddingGenerator<string, Embedding<float>> generator, string model, int dimensions, int batchSize, ILogger<OpenAiTextEmbedder> logger)
    {
        if (string.IsNullOrWhiteSpace(model)) throw new ArgumentException("Embeddings:Model is empty.", nameof(model));
        _generator = generator;
        Model = model;
        _batchSize = Math.Max(1, batchSize);
        _logger = logger;
        _dimensions = new Lazy<int>(() =>
            dimensions > 0 ? dimensions
            : KnownDimensions.TryGetValue(model, out var known) ? known
            : ProbeDimensions());
    }

    public string Model { get; }

    /// <summary>Configured, known for the model, or measured once with a one-word request (blocking, on first use).</summary>
    public int Dimensions => _dimensions.Value;

    public async Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var vectors = new List<ReadOnlyMemory<float>>(texts.Count);
        for (var start = 0; start < texts.Count; start += _batchSize)
        {
            var batch = texts.Skip(start).Take(_batchSize).ToList();
            var embeddings = await _generator.GenerateAsync(batch, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (embeddings.Count != batch.Count)
                throw new InvalidOperationException($"Embedding model {Model} returned {embeddings.Count} vectors for {batch.Count} texts.");
            vectors.AddRange(embeddings.Select(e => e.Vector));
            if (texts.Count > _batchSize)
                _logger.LogInformation("Embedded {Done}/{Total} texts with {Model}", start + batch.Count, texts.Count, Model);
        }
        return vectors;
    }

    private int ProbeDimensions()
    {
        var probe = _generator.GenerateAsync(["probe"]).GetAwaiter().GetResult();
        _logger.LogInformation("Embedding model {Model} produces {Dimensions}-dimensional vectors (measured)", Model, probe[0].Vector.Length);
        return probe[0].Vector.Length;
    }
}
