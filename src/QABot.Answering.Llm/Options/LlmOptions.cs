namespace QABot.Answering.Llm.Options;

/// <summary>The chat model and how QABot talks to it. Bound from section "Llm".</summary>
public sealed class LlmOptions
{
    public const string SectionName = "Llm";

    /// <summary>
    /// Base URL of an OpenAI-compatible API: https://api.openai.com/v1, http://localhost:11434/v1 (Ollama),
    /// http://host:8000/v1 (vLLM, llama.cpp server), or an Azure OpenAI resource (its /openai/v1/ endpoint is used).
    /// Empty means "no LLM": the extractive answerer answers alone.
    /// </summary>
    public string Endpoint { get; set; } = "";

    /// <summary>
    /// "OpenAI" (any OpenAI-compatible server, the default) or "AzureOpenAI": Semantic Kernel's Azure OpenAI connector,
    /// with <see cref="Endpoint"/> the resource URL (https://NAME.openai.azure.com) and the key sent as "api-key".
    /// </summary>
    public string Provider { get; set; } = LlmProviders.OpenAI;

    public string Model { get; set; } = "";

    /// <summary>Azure OpenAI deployment name; empty means <see cref="Model"/> names the deployment.</summary>
    public string Deployment { get; set; } = "";

    /// <summary>May stay empty for local servers that need no key.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Deadline for one model call, retries included; past it the extractive answer is given.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Retries on 408/429/5xx and network errors (server "retry-after" hints are honoured).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>First retry delay; doubled on each further retry.</summary>
    public int RetryDelayMilliseconds { get; set; } = 800;

    /// <summary>Approximate tokens of retrieved text put into the answer prompt; lowest-ranked chunks are dropped to fit.</summary>
    public int ContextTokenBudget { get; set; } = 3000;

    public int MaxAnswerTokens { get; set; } = 600;

    /// <summary>Earlier turns of a conversation given to the model (follow-up rewriting and answering).</summary>
    public int MaxHistoryTurns { get; set; } = 6;

    /// <summary>Approximate token cap on those turns; the oldest go first.</summary>
    public int MaxHistoryTokens { get; set; } = 1200;

    /// <summary>Ask the model for Arabic search terms for English questions (query expander "llm").</summary>
    public bool ExpandQueries { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);

    public bool IsAzure => string.Equals(Provider, LlmProviders.AzureOpenAI, StringComparison.OrdinalIgnoreCase);

    /// <summary>What the chat service is asked for: the Azure deployment, or the model name everywhere else.</summary>
    public string ChatTarget => IsAzure && !string.IsNullOrWhiteSpace(Deployment) ? Deployment : Model;
}

public static class LlmProviders
{
    public const string OpenAI = "OpenAI";
    public const string AzureOpenAI = "AzureOpenAI";
}
