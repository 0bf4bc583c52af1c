using QABot.Answering.Llm.Answering;
using QABot.Core.Domain;
using QABot.Llm.Tests.StandIn;

namespace QABot.Llm.Tests.Answering;

/// <summary>Runs only when LLM_ENDPOINT is set (with LLM_MODEL, and LLM_API_KEY if the server needs one): a real model, same guard.</summary>
public sealed class LiveEndpointFactAttribute : FactAttribute
{
    public LiveEndpointFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("LLM_ENDPOINT")))
            Skip = "LLM_ENDPOINT is not set: no real OpenAI-compatible endpoint to test against.";
    }
}

[Trait("Category", "Llm")]
[Trait("Speed", "Slow")]
public sealed class LiveEndpointTests
{
    [LiveEndpointFact]
    public async Task Real_model_answers_the_seed_question_in_arabic_citing_only_retrieved_articles()
    {
        await using var h = await LlmHarness.StartAsync(new()
        {
            ["Llm:Endpoint"] = Environment.GetEnvironmentVariable("LLM_ENDPOINT"),
            ["Llm:Model"] = Environment.GetEnvironmentVariable("LLM_MODEL") ?? "gpt-4o-mini",
            ["Llm:ApiKey"] = Environment.GetEnvironmentVariable("LLM_API_KEY") ?? Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "",
            ["Llm:TimeoutSeconds"] = "120",
        });

        var answer = await h.AskAsync(SeedQuestions.Gifts);

        Assert.Equal(LlmAnswerer.AnswererName, answer.Answerer);
        Assert.Equal(Languages.Arabic, answer.Language);
        Assert.NotEmpty(answer.Citations);
        Assert.All(answer.Citations, c => Assert.Contains(answer.Retrieved, r => r.ArticleId == c.ArticleId));
    }
}
