using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QABot.Answering.Extensions;
using QABot.Answering.Llm.Answering;
using QABot.Answering.Llm.Extensions;
using QABot.Answering.Llm.Guard;
using QABot.Core.Answering;
using QABot.Core.Retrieval;
using QABot.Llm.Tests.Doubles;

namespace QABot.Llm.Tests.StandIn;

/// <summary>
/// The answering stack as the CLI wires it (AddAnswering-style registrations, then <see cref="LlmAnsweringExtensions.AddLlmAnswering"/>),
/// with the sample-corpus index double and the chat model replaced by <see cref="OpenAiStandIn"/>.
/// </summary>
public sealed class LlmHarness : IAsyncDisposable
{
    /// <summary>"Today" for every test question: a week after the newest sample article.</summary>
    public static readonly DateTimeOffset Today = new(2023, 10, 20, 9, 0, 0, TimeSpan.Zero);

    private readonly IHost _host;
    private readonly List<(string Question, GuardResult Result)> _guardResults = [];

    private LlmHarness(OpenAiStandIn standIn, IHost host)
    {
        StandIn = standIn;
        _host = host;
        if (host.Services.GetService<LlmAnswerer>() is { } llm) llm.Guarded += (request, result) => { lock (_guardResults) _guardResults.Add((request.Question, result)); };
    }

    public OpenAiStandIn StandIn { get; }
    public IServiceProvider Services => _host.Services;
    public IAnswerer Answerer => Services.GetRequiredService<IAnswerer>();
    public IStreamingAnswerer Streaming => Services.GetRequiredService<IStreamingAnswerer>();
    public SampleCorpusIndex Index => (SampleCorpusIndex)Services.GetRequiredService<IArticleIndex>();
    public MarkedFallbackAnswerer Fallback => Services.GetRequiredService<MarkedFallbackAnswerer>();
    public MemoryConversations Conversations => (MemoryConversations)Services.GetRequiredService<IConversationStore>();
    public IReadOnlyList<(string Question, GuardResult Result)> GuardResults { get { lock (_guardResults) return _guardResults.ToList(); } }

    /// <param name="realExtractiveFallback">Register the real extractive answerer through AddAnswering() instead of <see cref="MarkedFallbackAnswerer"/>.</param>
    public static async Task<LlmHarness> StartAsync(Dictionary<string, string?>? settings = null, bool configureLlm = true, bool realExtractiveFallback = false)
    {
        var standIn = await OpenAiStandIn.StartAsync();
        var config = new Dictionary<string, string?>
        {
            ["Llm:Model"] = "stand-in-chat",
            ["Llm:TimeoutSeconds"] = "10",
            ["Llm:MaxRetries"] = "2",
            ["Llm:RetryDelayMilliseconds"] = "5",
        };
        if (configureLlm) config["Llm:Endpoint"] = standIn.V1;
        foreach (var (key, value) in settings ?? []) config[key] = value?.Replace("{standin}", standIn.V1).Replace("{standin-root}", standIn.BaseUrl);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddLogging();
        builder.Services.AddSingleton<IArticleIndex, SampleCorpusIndex>();
        builder.Services.AddSingleton<IQueryPlanner, ExpandingPlanner>();
        builder.Services.AddSingleton<IConversationStore, MemoryConversations>();
        if (realExtractiveFallback)
        {
            builder.AddAnswering();
        }
        else
        {
            // As AddAnswering() registers the extractive answerer: concrete type, and IAnswerer resolved from it.
            builder.Services.AddSingleton<MarkedFallbackAnswerer>();
            builder.Services.AddSingleton<IAnswerer>(sp => sp.GetRequiredService<MarkedFallbackAnswerer>());
        }
        builder.AddLlmAnswering();
        return new LlmHarness(standIn, builder.Build());
    }

    public Task<QABot.Core.Domain.Answer> AskAsync(string question, string? conversationId = null) =>
        Answerer.AnswerAsync(new AnswerRequest { Question = question, ConversationId = conversationId, Now = Today, Top = 3 });

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await StandIn.DisposeAsync();
    }
}
