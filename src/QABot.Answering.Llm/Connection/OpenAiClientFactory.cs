using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;

namespace QABot.Answering.Llm.Connection;

/// <summary>Builds the OpenAI client that Semantic Kernel's OpenAI connector talks through, for any OpenAI-compatible server.</summary>
public static class OpenAiClientFactory
{
    // Local servers (Ollama, vLLM, llama.cpp) ignore the key, but the client refuses an empty credential.
    private const string KeylessPlaceholder = "no-key";

    public static OpenAIClient Create(string endpoint, string apiKey, TimeSpan timeout, int maxRetries, TimeSpan firstRetryDelay)
    {
        var parsed = OpenAiEndpoint.Parse(endpoint);
        var options = new OpenAIClientOptions
        {
            Endpoint = parsed.Uri,
            NetworkTimeout = timeout,
            RetryPolicy = new DoublingRetryPolicy(Math.Max(0, maxRetries), firstRetryDelay),
        };
        if (parsed.IsAzure && !string.IsNullOrEmpty(apiKey))
            options.AddPolicy(new ApiKeyHeaderPolicy(apiKey), PipelinePosition.PerCall);
        return new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(apiKey) ? KeylessPlaceholder : apiKey), options);
    }

    /// <summary>Azure OpenAI authenticates keys by the "api-key" header; sent beside the bearer token the OpenAI client adds.</summary>
    private sealed class ApiKeyHeaderPolicy(string apiKey) : PipelinePolicy
    {
        public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            message.Request.Headers.Set("api-key", apiKey);
            ProcessNext(message, pipeline, currentIndex);
        }

        public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            message.Request.Headers.Set("api-key", apiKey);
            return ProcessNextAsync(message, pipeline, currentIndex);
        }
    }
}
