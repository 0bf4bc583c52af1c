using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using QABot.Answering.Llm.Chat;
using QABot.Answering.Llm.Prompts;
using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Text;

namespace QABot.Answering.Llm.Planning;

/// <summary>
/// Query expander "llm": Arabic search terms for an English question, from the model. The planner merges them with
/// the dictionary translation; they weigh less than a certain dictionary match because a model may drift.
/// </summary>
public sealed partial class LlmQueryExpander(LlmChat chat, ILogger<LlmQueryExpander> logger) : IQueryExpander
{
    public const string ExpanderName = "llm";
    public const float TermWeight = 0.7f;
    private const int MaxTerms = 8;

    public string Name => ExpanderName;

    public async Task<IReadOnlyList<WeightedPhrase>> ExpandAsync(string question, string language, CancellationToken cancellationToken = default)
    {
        if (language != Languages.English) return [];
        try
        {
            var reply = await chat.CompleteAsync(PromptNames.ExpandQuery, new KernelArguments { ["question"] = question }, cancellationToken);
            return ParseTerms(reply);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "LLM query expansion failed; the dictionary translation is used alone");
            return [];
        }
    }

    /// <summary>One term per line; list markers are stripped and anything that is not Arabic is ignored.</summary>
    public static IReadOnlyList<WeightedPhrase> ParseTerms(string reply) =>
        reply.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => ListMarker().Replace(line, "").Trim())
            .Where(term => term.Length > 0 && LanguageDetector.Detect(term) == Languages.Arabic && term.Any(ArabicNormalizer.IsArabicLetter))
            .Distinct(StringComparer.Ordinal)
            .Take(MaxTerms)
            .Select(term => new WeightedPhrase(term, TermWeight, ExpanderName))
            .ToList();

    [GeneratedRegex(@"^(?:[-*•]|[0-9٠-٩]+[.)-])\s*")]
    private static partial Regex ListMarker();
}
