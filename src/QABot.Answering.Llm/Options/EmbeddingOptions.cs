namespace QABot.Answering.Llm.Options;

/// <summary>The embedding model for dense retrieval. Bound from section "Embeddings"; unused unless Endpoint and Model are set.</summary>
public sealed class EmbeddingOptions
{
    public const string SectionName = "Embeddings";

    /// <summary>OpenAI-compatible base URL; empty falls back to <see cref="LlmOptions.Endpoint"/> when a model is named.</summary>
    public string Endpoint { get; set; } = "";

    public string Model { get; set; } = "";

    /// <summary>Empty falls back to <see cref="LlmOptions.ApiKey"/>.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>0 = the model's native size (known models) or measured with one probe request.</summary>
    public int Dimensions { get; set; }

    /// <summary>Texts per embeddings request.</summary>
    public int BatchSize { get; set; } = 64;

    public int TimeoutSeconds { get; set; } = 60;

    public int MaxRetries { get; set; } = 2;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Model);
}
