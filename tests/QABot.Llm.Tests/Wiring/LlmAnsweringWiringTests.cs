using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QABot.Answering.Extractive;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
using QABot.Answering.Llm.Answering;
using QABot.Answering.Llm.Chat;
using QABot.Answering.Llm.Prompts;
using QABot.Answering.Llm.Connection;
using QABot.Answering.Llm.Extensions;
using QABot.Answering.Llm.Planning;
using QABot.Core.Answering;
using QABot.Core.Retrieval;
using QABot.Llm.Tests.Doubles;
using QABot.Llm.Tests.StandIn;

namespace QABot.Llm.Tests.Wiring;

[Trait("Category", "Llm")]
public sealed class LlmAnsweringWiringTests
{
    [Fact]
    public async Task Without_configuration_nothing_changes()
    {
        await using var h = await LlmHarness.StartAsync(configureLlm: false);

        Assert.IsType<MarkedFallbackAnswerer>(h.Answerer);
        Assert.Null(h.Services.GetService<IStreamingAnswerer>());
        Assert.Null(h.Services.GetService<ITextEmbedder>());
        Assert.Empty(h.Services.GetServices<IQueryExpander>());
    }

    [Fact]
    public async Task With_an_endpoint_the_llm_answerer_replaces_the_default_which_stays_the_fallback()
    {
        await using var h = await LlmHarness.StartAsync();

        var llm = Assert.IsType<LlmAnswerer>(h.Answerer);
        Assert.Same(llm, h.Streaming);
        Assert.Same(h.Fallback, h.Services.GetRequiredKeyedService<IAnswerer>(LlmAnsweringExtensions.FallbackAnswererKey));
        Assert.IsType<LlmQueryExpander>(Assert.Single(h.Services.GetServices<IQueryExpander>()));
    }

    [Fact]
    public void Environment_shortcut_LLM_ENDPOINT_configures_the_answerer_and_a_missing_model_is_a_clear_error()
    {
        var builder = NewBuilder(new() { ["LLM_ENDPOINT"] = "http://127.0.0.1:9/v1" });
        var error = Assert.Throws<InvalidOperationException>(() => builder.AddLlmAnswering());
        Assert.Contains("Llm:Model is empty", error.Message);

        var withModel = NewBuilder(new() { ["LLM_ENDPOINT"] = "http://127.0.0.1:9/v1", ["LLM_MODEL"] = "llama3" });
        withModel.AddLlmAnswering();
        using var host = withModel.Build();
        Assert.IsType<LlmAnswerer>(host.Services.GetRequiredService<IAnswerer>());
    }

    [Fact]
    public void Calling_it_before_AddAnswering_is_a_clear_error()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Llm:Endpoint"] = "http://127.0.0.1:9/v1", ["Llm:Model"] = "m" });
        var error = Assert.Throws<InvalidOperationException>(() => builder.AddLlmAnswering());
        Assert.Contains("AddAnswering()", error.Message);
    }

    [Fact]
    public async Task Azure_provider_registers_the_Azure_connector_which_calls_the_deployment_with_the_api_key_header()
    {
        // The endpoint is the OpenAI stand-in on loopback (not Azure): it answers on Azure's deployment route.
        await using var h = await LlmHarness.StartAsync(new()
        {
            ["Llm:Provider"] = "AzureOpenAI",
            ["Llm:Endpoint"] = "{standin-root}",
            ["Llm:Deployment"] = "qabot-gpt4o",
            ["Llm:ApiKey"] = "azure-key-123",
        });
        h.StandIn.Script("rewrite-follow-up", StandInReply.Text("standalone question"));

        var kernel = h.Services.GetRequiredService<LlmChat>().Kernel;
        Assert.IsType<AzureOpenAIChatCompletionService>(kernel.GetRequiredService<IChatCompletionService>());
        var reply = await h.Services.GetRequiredService<LlmChat>().CompleteAsync(PromptNames.RewriteFollowUp,
            new KernelArguments { ["history"] = "user: who?", ["question"] = "and when?" });

        Assert.Equal("standalone question", reply);
        var call = Assert.Single(h.StandIn.ChatCalls);
        Assert.Equal("/openai/deployments/qabot-gpt4o/chat/completions", call.Path);
        Assert.Equal("azure-key-123", call.ApiKeyHeader);
    }

    [Theory]
    [InlineData("OpenAI", "http://127.0.0.1:9/v1", "", "m", null)]
    [InlineData("AzureOpenAI", "https://res.openai.azure.com", "", "gpt4o", "Llm:ApiKey is empty")]
    [InlineData("AzureOpenAI", "https://res.openai.azure.com", "k", "", "neither Llm:Deployment nor Llm:Model")]
    [InlineData("Anthropic", "https://example.invalid", "k", "m", "Llm:Provider \"Anthropic\" is unknown")]
    public void Provider_settings_are_checked_at_startup(string provider, string endpoint, string key, string deployment, string? error)
    {
        var builder = NewBuilder(new()
        {
            ["Llm:Provider"] = provider, ["Llm:Endpoint"] = endpoint, ["Llm:ApiKey"] = key,
            [provider == "OpenAI" ? "Llm:Model" : "Llm:Deployment"] = deployment,
        });
        if (error is null) { builder.AddLlmAnswering(); return; }
        Assert.Contains(error, Assert.ThrowsAny<Exception>(() => builder.AddLlmAnswering()).Message);
    }

    [Theory]
    [InlineData("https://myres.openai.azure.com", "https://myres.openai.azure.com/openai/v1/", true)]
    [InlineData("https://myres.openai.azure.com/openai/v1/", "https://myres.openai.azure.com/openai/v1/", true)]
    [InlineData("http://localhost:11434/v1", "http://localhost:11434/v1", false)]
    public void Endpoints_are_recognised(string configured, string expected, bool azure)
    {
        var endpoint = OpenAiEndpoint.Parse(configured);
        Assert.Equal((expected, azure), (endpoint.Uri.ToString(), endpoint.IsAzure));
        Assert.Throws<ArgumentException>(() => OpenAiEndpoint.Parse("localhost:11434"));
    }

    private static HostApplicationBuilder NewBuilder(Dictionary<string, string?> config)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddSingleton<IArticleIndex, SampleCorpusIndex>();
        builder.Services.AddSingleton<IQueryPlanner, ExpandingPlanner>();
        builder.Services.AddSingleton<IConversationStore, MemoryConversations>();
        builder.Services.AddSingleton<IAnswerer, MarkedFallbackAnswerer>();
        return builder;
    }

    [Fact]
    public async Task With_the_real_AddAnswering_the_extractive_answerer_is_the_fallback_and_answers_when_the_model_is_down()
    {
        await using var h = await LlmHarness.StartAsync(new() { ["Llm:MaxRetries"] = "0" }, realExtractiveFallback: true);
        h.StandIn.Script("grounded-answer", StandInReply.Status(503, "down"));

        Assert.IsType<LlmAnswerer>(h.Answerer);
        Assert.IsType<ExtractiveAnswerer>(h.Services.GetRequiredKeyedService<IAnswerer>(LlmAnsweringExtensions.FallbackAnswererKey));
        var answer = await h.AskAsync(SeedQuestions.Gifts, "chat-real");

        Assert.Equal(ExtractiveAnswerer.Name, answer.Answerer);
        // Which passage it quotes is the extractive answerer's business; that it answers from what was retrieved is the point.
        Assert.NotEmpty(answer.Citations);
        Assert.All(answer.Citations, c => Assert.Contains(answer.Retrieved, r => r.ArticleId == c.ArticleId));
        Assert.Single(await h.Conversations.GetAsync("chat-real"));
    }
}
