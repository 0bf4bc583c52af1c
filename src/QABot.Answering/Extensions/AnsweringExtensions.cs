using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using QABot.Answering.Conversations;
using QABot.Answering.Extractive;
using QABot.Answering.Understanding;
using QABot.Core.Answering;

namespace QABot.Answering.Extensions;

public static class AnsweringExtensions
{
    /// <summary>
    /// The extractive answerer as the default <see cref="IAnswerer"/> and in-memory conversation memory. An LLM answerer
    /// registered afterwards replaces <see cref="IAnswerer"/> and keeps <see cref="ExtractiveAnswerer"/> as its fallback.
    /// </summary>
    public static IHostApplicationBuilder AddAnswering(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AnsweringOptions>().Bind(builder.Configuration.GetSection(AnsweringOptions.SectionName));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IConversationStore, InMemoryConversationStore>();
        builder.Services.AddSingleton<QuestionAnalyzer>();
        builder.Services.AddSingleton(sp => new ShortAnswerWriter(sp));
        builder.Services.AddSingleton<ExtractiveAnswerer>();
        builder.Services.AddSingleton<IAnswerer>(sp => sp.GetRequiredService<ExtractiveAnswerer>());
        return builder;
    }
}
