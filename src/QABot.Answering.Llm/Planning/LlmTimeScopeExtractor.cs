using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using QABot.Answering.Llm.Chat;
using QABot.Answering.Llm.Prompts;
using QABot.Answering.TimeScope;
using QABot.Core.Retrieval;
using QABot.Text;

namespace QABot.Answering.Llm.Planning;

/// <summary>
/// Turns the time scope of a question into a publication-date filter. The rule-based reader of QABot.Answering goes
/// first ("last week", "in September 2023", «الشهر الماضي»: exact and free); only a question it cannot read that still
/// has a time word ("in the weeks before the summit", "autumn 2023") is put to the model, with today's date and the
/// corpus' date span. A reply that is not a valid range means "no filter", never a guessed one.
/// </summary>
public sealed partial class LlmTimeScopeExtractor(LlmChat chat, IArticleIndex index, TimeProvider clock, ILogger<LlmTimeScopeExtractor> logger)
{
    private static readonly TimeSpan StatsLifetime = TimeSpan.FromMinutes(5);
    // A reference swapped whole, so concurrent questions never see a half-written cache entry.
    private StatsSnapshot? _stats;

    public async Task<TimeScopeMatch?> ExtractAsync(string question, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (TimeScopeExtractor.Extract(question, now) is { } byRule) return byRule;
        if (!MentionsTime(question)) return null;
        try
        {
            var stats = await StatsAsync(cancellationToken);
            var reply = await chat.CompleteAsync(PromptNames.TimeScope, new KernelArguments
            {
                ["question"] = question,
                ["today"] = IsoDate(now),
                ["corpus_from"] = stats.EarliestPublished is { } from ? IsoDate(from) : "unknown",
                ["corpus_to"] = stats.LatestPublished is { } to ? IsoDate(to) : "unknown",
            }, cancellationToken);
            var range = ParseRange(reply);
            logger.LogInformation("Time scope of {Question}: {From} .. {To}", question, range?.From, range?.To);
            return range is null ? null : new TimeScopeMatch(range, $"{range.From:yyyy-MM-dd} – {range.To:yyyy-MM-dd}".Trim(' ', '–'));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Time-scope extraction failed; searching without a date filter");
            return null;
        }
    }

    /// <summary>Whether the question has any word or number that could name a period (checked on normalized text).</summary>
    public static bool MentionsTime(string question) => TimeCue().IsMatch(ArabicNormalizer.Normalize(question));

    /// <summary>Reads {"from": "YYYY-MM-DD"|null, "to": ...}; null when absent, malformed, open on both ends or reversed.</summary>
    public static DateRange? ParseRange(string reply)
    {
        var start = reply.IndexOf('{');
        var end = reply.LastIndexOf('}');
        if (start < 0 || end <= start) return null;
        try
        {
            using var json = JsonDocument.Parse(reply[start..(end + 1)]);
            var from = Day(json.RootElement, "from");
            var to = Day(json.RootElement, "to");
            if (from is null && to is null) return null;
            if (from is { } f && to is { } t && f > t) return null;
            return new DateRange(
                from?.ToDateTime(TimeOnly.MinValue) is { } fromAt ? new DateTimeOffset(fromAt, TimeSpan.Zero) : null,
                to?.ToDateTime(TimeOnly.MaxValue) is { } toAt ? new DateTimeOffset(toAt, TimeSpan.Zero) : null);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DateOnly? Day(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
        && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day : null;

    private async Task<IndexStats> StatsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_stats is { } cached && now - cached.At < StatsLifetime) return cached.Stats;
        var stats = await index.GetStatsAsync(cancellationToken);
        _stats = new StatsSnapshot(stats, now);
        return stats;
    }

    private sealed record StatsSnapshot(IndexStats Stats, DateTimeOffset At);

    private static string IsoDate(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\b(1[89]|20)\d\d\b|\b(today|yesterday|tonight|week|month|year|decade|ago|last|past|recent|recently|latest|since|before|after|between|during|until|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|spring|summer|autumn|fall|winter)\b|اليوم|امس|البارحه|اسبوع|اسابيع|شهر|اشهر|سنه|سنوات|عام|اعوام|الماضي|الماضيه|الاخير|الاخيره|منذ|قبل|بعد|خلال|يناير|فبراير|مارس|ابريل|مايو|يونيو|يونيه|يوليو|يوليه|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر|كانون|شباط|اذار|نيسان|ايار|حزيران|تموز|ايلول|تشرين",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeCue();
}
