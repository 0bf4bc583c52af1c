using System.ClientModel;
using Azure.AI.OpenAI;

namespace QABot.Answering.Llm.Connection;

/// <summary>
/// Builds the Azure OpenAI client that Semantic Kernel's Azure connector talks through. The key goes out as the
/// "api-key" header (what <see cref="ApiKeyCredential"/> means to this client); Entra ID sign-in is not offered.
/// </summary>
public static class AzureOpenAiClientFactory
{
    public static AzureOpenAIClient Create(string endpoint, string apiKey, TimeSpan timeout, int maxRetries, TimeSpan firstRetryDelay)
    {
        var resource = Validate(endpoint, apiKey);
        var options = new AzureOpenAIClientOptions
        {
            NetworkTimeout = timeout,
            RetryPolicy = new DoublingRetryPolicy(Math.Max(0, maxRetries), firstRetryDelay),
        };
        return new AzureOpenAIClient(resource, new ApiKeyCredential(apiKey), options);
    }

    /// <summary>
    /// The resource root, after checking that a key is given. The client adds /openai/deployments/… itself, so a
    /// pasted /openai/v1/ path is dropped.
    /// </summary>
    public static Uri Validate(string endpoint, string apiKey)
    {
        if (string.IsNullOrWhiteSpace(apiKey))
            throw new InvalidOperationException("Llm:Provider is AzureOpenAI but Llm:ApiKey is empty: give the resource's key (Entra ID sign-in is not supported).");
        if (!Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ArgumentException($"Azure OpenAI endpoint \"{endpoint}\" is not an absolute http(s) URL (e.g. https://NAME.openai.azure.com).", nameof(endpoint));
        return new UriBuilder(uri.Scheme, uri.Host, uri.Port).Uri;
    }
}
