namespace QABot.Answering.Llm.Connection;

/// <summary>
/// An OpenAI-compatible base URL, recognising Azure OpenAI resources. With the default provider an Azure resource is
/// reached through the plain OpenAI client pointed at its v1 API (<c>https://NAME.openai.azure.com/openai/v1/</c>), which
/// accepts the resource key; <c>Llm:Provider=AzureOpenAI</c> uses Semantic Kernel's Azure connector instead.
/// </summary>
public sealed record OpenAiEndpoint(Uri Uri, bool IsAzure)
{
    public const string OpenAiDefault = "https://api.openai.com/v1";

    private static readonly string[] AzureHostSuffixes = [".openai.azure.com", ".cognitiveservices.azure.com", ".services.ai.azure.com"];

    public static OpenAiEndpoint Parse(string endpoint)
    {
        if (!Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ArgumentException($"LLM endpoint \"{endpoint}\" is not an absolute http(s) URL (e.g. http://localhost:11434/v1).", nameof(endpoint));

        var isAzure = AzureHostSuffixes.Any(s => uri.Host.EndsWith(s, StringComparison.OrdinalIgnoreCase));
        if (isAzure && !uri.AbsolutePath.Contains("/openai/v1", StringComparison.OrdinalIgnoreCase))
            uri = new UriBuilder(uri) { Path = "/openai/v1/" }.Uri;
        return new OpenAiEndpoint(uri, isAzure);
    }
}
