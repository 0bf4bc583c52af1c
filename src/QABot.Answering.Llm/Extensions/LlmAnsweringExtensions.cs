using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using QABot.Answering.Llm.Answering;
using QABot.Answering.Llm.Chat;
using QABot.Answering.Llm.Connection;
using QABot.Answering.Llm.Embeddings;
using QABot.Answering.Llm.Options;
using QABot.Answering.Llm.Planning;
using QABot.Answering.Llm.Prompts;
using QABot.Core.Answering;
using QABot.Core.Retrieval;

namespace QABot.Answering.Llm.Extensions;

public static class LlmAnsweringExtensions
{
    /// <summary>The key under which the answerer registered before this call (the extractive one) stays available as the fallback.</summary>
    public const string FallbackAnswererKey = "qabot-llm-fallback";

    /// <summary>
    /// LLM answering and dense embeddings, each only when configured. Call after <c>AddAnswering()</c>.
    /// <list type="bullet">
    /// <item>Chat: when <c>Llm:Endpoint</c> (or env LLM_ENDPOINT, or OPENAI_API_KEY for api.openai.com) is set, the
    /// current <see cref="IAnswerer"/> is kept as the fallback and <see cref="LlmAnswerer"/> replaces it (also as
    /// <see cref="IStreamingAnswerer"/>); the "llm" <see cref="IQueryExpander"/> is added unless <c>Llm:ExpandQueries</c> is false.</item>
    /// <item>Embeddings: when <c>Embeddings:Model</c> is set, <see cref="ITextEmbedder"/> is registered.</item>
    /// </list>
    /// With nothing configured, only the options are bound and every registration stays as it was.
    /// </summary>
    public static IHostApplicationBuilder AddLlmAnswering(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        services.AddOptions<LlmOptions>().Bind(configuration.GetSection(LlmOptions.SectionName)).PostConfigure(o => ApplyEnvironment(o, configuration));
        services.AddOptions<EmbeddingOptions>().Bind(configuration.GetSection(EmbeddingOptions.SectionName));

        var llm = new LlmOptions();
        configuration.GetSection(LlmOptions.SectionName).Bind(llm);
        ApplyEnvironment(llm, configuration);
        var embeddings = new EmbeddingOptions();
        configuration.GetSection(EmbeddingOptions.SectionName).Bind(embeddings);

        if (llm.IsConfigured) AddChat(services, llm);
        if (embeddings.IsConfigured) AddEmbeddings(services, embeddings, llm);
        return builder;
    }

    private static void AddChat(IServiceCollection services, LlmOptions llm)
    {
        // Fail at startup, not on the first question.
        if (llm.IsAzure) AzureOpenAiClientFactory.Validate(llm.Endpoint, llm.ApiKey);
        else if (string.Equals(llm.Provider, LlmProviders.OpenAI, StringComparison.OrdinalIgnoreCase)) OpenAiEndpoint.Parse(llm.Endpoint);
        else throw new InvalidOperationException($"Llm:Provider \"{llm.Provider}\" is unknown: use \"{LlmProviders.OpenAI}\" (any OpenAI-compatible server) or \"{LlmProviders.AzureOpenAI}\".");
        if (string.IsNullOrWhiteSpace(llm.ChatTarget))
            throw new InvalidOperationException(llm.IsAzure
                ? "Llm:Provider is AzureOpenAI but neither Llm:Deployment nor Llm:Model is set: name the deployment to use."
                : $"Llm:Endpoint is set to {llm.Endpoint} but Llm:Model is empty: name the chat model to use.");

        var previous = services.LastOrDefault(d => d.ServiceType == typeof(IAnswerer) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("AddLlmAnswering() keeps the default answerer as its fallback: call AddAnswering() first.");
        services.Remove(previous);
        services.Add(AsFallback(previous));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new PromptLibrary(PromptLibrary.DefaultDirectory));
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LlmOptions>>().Value;
            var timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
            var firstRetryDelay = TimeSpan.FromMilliseconds(options.RetryDelayMilliseconds);
            var kernelBuilder = Kernel.CreateBuilder();
            kernelBuilder.Services.AddSingleton(sp.GetRequiredService<ILoggerFactory>());
            if (options.IsAzure)
                kernelBuilder.AddAzureOpenAIChatCompletion(options.ChatTarget,
                    AzureOpenAiClientFactory.Create(options.Endpoint, options.ApiKey, timeout, options.MaxRetries, firstRetryDelay),
                    modelId: string.IsNullOrWhiteSpace(options.Model) ? null : options.Model);
            else
                kernelBuilder.AddOpenAIChatCompletion(options.Model,
                    OpenAiClientFactory.Create(options.Endpoint, options.ApiKey, timeout, options.MaxRetries, firstRetryDelay));
            return new LlmChat(kernelBuilder.Build(), sp.GetRequiredService<PromptLibrary>(), sp.GetRequiredService<IOptions<LlmOptions>>());
        });
        services.TryAddSingleton<FollowUpRewriter>();
        services.TryAdd(ServiceDescriptor.Describe(typeof(LlmTimeScopeExtractor), typeof(LlmTimeScopeExtractor), previous.Lifetime));
        if (llm.ExpandQueries) services.TryAddEnumerable(ServiceDescriptor.Singleton<IQueryExpander, LlmQueryExpander>());

        services.Add(ServiceDescriptor.Describe(typeof(LlmAnswerer),
            sp => ActivatorUtilities.CreateInstance<LlmAnswerer>(sp, sp.GetRequiredKeyedService<IAnswerer>(FallbackAnswererKey)), previous.Lifetime));
        services.Add(ServiceDescriptor.Describe(typeof(IAnswerer), sp => sp.GetRequiredService<LlmAnswerer>(), previous.Lifetime));
        services.RemoveAll<IStreamingAnswerer>();
        services.Add(ServiceDescriptor.Describe(typeof(IStreamingAnswerer), sp => sp.GetRequiredService<LlmAnswerer>(), previous.Lifetime));
    }

    private static void AddEmbeddings(IServiceCollection services, EmbeddingOptions embeddings, LlmOptions llm)
    {
        var endpoint = string.IsNullOrWhiteSpace(embeddings.Endpoint) ? llm.Endpoint : embeddings.Endpoint;
        if (string.IsNullOrWhiteSpace(endpoint))
            throw new InvalidOperationException($"Embeddings:Model is {embeddings.Model} but neither Embeddings:Endpoint nor Llm:Endpoint is set.");
        OpenAiEndpoint.Parse(endpoint);
        var apiKey = string.IsNullOrWhiteSpace(embeddings.ApiKey) ? llm.ApiKey : embeddings.ApiKey;

        services.RemoveAll<ITextEmbedder>();
        services.AddSingleton<ITextEmbedder>(sp =>
        {
            var client = OpenAiClientFactory.Create(endpoint, apiKey, TimeSpan.FromSeconds(embeddings.TimeoutSeconds),
                embeddings.MaxRetries, TimeSpan.FromMilliseconds(llm.RetryDelayMilliseconds));
            var kernelBuilder = Kernel.CreateBuilder();
#pragma warning disable SKEXP0010 // SK marks the dimensions-aware embedding generator experimental; its contract is M.E.AI's stable one.
            kernelBuilder.AddOpenAIEmbeddingGenerator(embeddings.Model, client, embeddings.Dimensions > 0 ? embeddings.Dimensions : null);
#pragma warning restore SKEXP0010
            var generator = kernelBuilder.Build().GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
            return new OpenAiTextEmbedder(generator, embeddings.Model, embeddings.Dimensions, embeddings.BatchSize,
                sp.GetRequiredService<ILogger<OpenAiTextEmbedder>>());
        });
    }

    /// <summary>The registration of the previous default answerer, re-keyed so it can still be built as the fallback.</summary>
    private static ServiceDescriptor AsFallback(ServiceDescriptor previous) => previous switch
    {
        { ImplementationInstance: { } instance } => new ServiceDescriptor(typeof(IAnswerer), FallbackAnswererKey, instance),
        { ImplementationFactory: { } factory } => new ServiceDescriptor(typeof(IAnswerer), FallbackAnswererKey, (sp, _) => factory(sp), previous.Lifetime),
        { ImplementationType: { } type } => new ServiceDescriptor(typeof(IAnswerer), FallbackAnswererKey, type, previous.Lifetime),
        _ => throw new InvalidOperationException("The registered IAnswerer cannot be re-registered as the LLM fallback."),
    };

    /// <summary>
    /// Environment shortcuts (read through configuration, whose default sources include the environment):
    /// LLM_ENDPOINT, LLM_MODEL, LLM_API_KEY, and OPENAI_API_KEY alone meaning api.openai.com with gpt-4o-mini.
    /// </summary>
    private static void ApplyEnvironment(LlmOptions options, IConfiguration configuration)
    {
        var openAiKey = configuration["OPENAI_API_KEY"];
        if (string.IsNullOrWhiteSpace(options.Endpoint))
            options.Endpoint = configuration["LLM_ENDPOINT"] is { Length: > 0 } endpoint ? endpoint
                : !string.IsNullOrWhiteSpace(openAiKey) ? OpenAiEndpoint.OpenAiDefault : "";
        if (string.IsNullOrWhiteSpace(options.ApiKey))
            options.ApiKey = configuration["LLM_API_KEY"] is { Length: > 0 } key ? key : openAiKey ?? "";
        if (string.IsNullOrWhiteSpace(options.Model))
            options.Model = configuration["LLM_MODEL"] is { Length: > 0 } model ? model
                : options.Endpoint.TrimEnd('/') == OpenAiEndpoint.OpenAiDefault ? "gpt-4o-mini" : "";
    }
}
