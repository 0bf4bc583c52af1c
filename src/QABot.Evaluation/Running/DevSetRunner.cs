using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QABot.Core.Answering;
using QABot.Core.Domain;
using QABot.Core.Json;
using QABot.Core.Retrieval;
using QABot.Evaluation.Datasets;
using QABot.Evaluation.Hosting;
using QABot.Evaluation.Metrics;
using QABot.Evaluation.Reports;
using QABot.Ingestion;

namespace QABot.Evaluation.Running;

/// <summary>
/// `qabot eval eval/dev.jsonl`: one index holding the sample and ANT corpora (cached between runs), every question
/// asked through the application's own answerer as `qabot ask` composes it, follow-ups asked in the conversation of
/// the question they follow (as `qabot chat` does), each answer judged by <see cref="DevSetJudge"/>.
/// </summary>
public static class DevSetRunner
{
    public const string AntCorpus = "ant";

    /// <summary>A QA set in the dev-set format: its questions say which corpus they are about.</summary>
    public static bool IsDevSet(EvalDataset dataset) => dataset.Questions.Any(q => q.Corpus is not null);

    /// <exception cref="InvalidDataException">The file is a .jsonl QA set that cannot be read.</exception>
    public static bool IsDevSetFile(string path) =>
        path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) && File.Exists(path) && IsDevSet(QaJsonlReader.Read(path, []));

    /// <summary>The kinds a dev-set question may have (the wire names of QuestionKind).</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["who", "what", "where", "when", "how_many", "why", "claim", "list", "other"];

    /// <summary>
    /// A claim typed as a bare statement is what one pastes into `qabot check`; a claim worded as a question («هل
    /// صحيح…؟», "is it true…?") is asked with `qabot ask`, which has to recognise it.
    /// </summary>
    public static bool AsksAsClaim(EvalQuestion question) =>
        question.Kind == "claim" && !question.Text.TrimEnd().EndsWith('?') && !question.Text.TrimEnd().EndsWith('؟');

    public static async Task<DevSetReport> RunAsync(DevSetRunOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var started = DateTimeOffset.Now;
        var clock = Stopwatch.StartNew();
        var dataset = QaJsonlReader.Read(options.DatasetPath, [options.SampleCorpusPath]);
        var conversations = Conversations(dataset.Questions);
        var selected = Select(dataset.Questions, options);

        var warnings = new List<string>();
        var corpora = new List<string> { options.SampleCorpusPath };
        if (options.AntCorpusPath is { } ant && File.Exists(ant)) corpora.Add(ant);
        else
        {
            var antTurns = conversations.SelectMany(c => c.SkipWhile(q => q.Corpus != AntCorpus)).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
            var skipped = selected.RemoveWhere(antTurns.Contains);
            if (skipped > 0)
                warnings.Add($"{skipped} question(s) about the ANT corpus skipped: {options.AntCorpusPath ?? "no ANT corpus given"} not found.");
        }
        foreach (var warning in warnings) progress?.Report("warning: " + warning);
        if (selected.Count == 0) throw new InvalidDataException($"{options.DatasetPath}: no question to ask (check --kind, --lang, --id and the corpora).");

        var host = await OpenIndexAsync(options, corpora, progress, cancellationToken).ConfigureAwait(false);
        try
        {
            var services = host.Host.Services;
            var answerer = services.GetRequiredService<IAnswerer>();
            var top = services.GetRequiredService<IConfiguration>().GetValue("Retrieval:Top", 8);
            var stats = await services.GetRequiredService<IArticleIndex>().GetStatsAsync(cancellationToken).ConfigureAwait(false);

            var outcomes = new List<DevSetOutcome>(selected.Count);
            foreach (var conversation in conversations)
            {
                var last = conversation.FindLastIndex(q => selected.Contains(q.Id));
                if (last < 0) continue;
                // Every turn of a chain shares one conversation; a question asked alone gets none, as `qabot ask` does.
                var conversationId = conversation.Count > 1 ? "eval:" + conversation[0].Id : null;
                foreach (var question in conversation.Take(last + 1))
                {
                    var asked = await AskAsync(answerer, question, conversationId, top, options.Now, cancellationToken).ConfigureAwait(false);
                    if (!selected.Contains(question.Id)) continue;   // an earlier turn asked only as context
                    outcomes.Add(asked);
                    if (outcomes.Count % 10 == 0 || outcomes.Count == selected.Count) progress?.Report($"ask {outcomes.Count}/{selected.Count}");
                }
            }

            var judgements = outcomes.Select(o => o.Judgement).ToList();
            var report = new DevSetReport
            {
                Dataset = Path.GetFileNameWithoutExtension(options.DatasetPath),
                DatasetPath = options.DatasetPath,
                CommandLine = options.CommandLine,
                StartedAt = started,
                Elapsed = clock.Elapsed,
                Index = host.Index with { Articles = stats.Articles, Chunks = stats.Chunks },
                Warnings = warnings,
                Summary = Summarize(outcomes),
                Rows = DevSetScoreCard.Rows(judgements),
                Outcomes = outcomes,
            };
            if (options.OutputJsonPath is { } json) await ReportJson.WriteAsync(report, json, cancellationToken).ConfigureAwait(false);
            if (options.MarkdownPath is { } markdown)
                await BenchmarksDocument.UpdateSectionAsync(markdown, $"eval-{report.Dataset}", DevSetText.MarkdownSection(report), cancellationToken).ConfigureAwait(false);
            return report;
        }
        finally
        {
            await ServiceRecipe.ReleaseAsync(host.Host).ConfigureAwait(false);
        }
    }

    public static DevSetSummary Summarize(IReadOnlyList<DevSetOutcome> outcomes)
    {
        var judgements = outcomes.Select(o => o.Judgement).ToList();
        var lists = judgements.Where(j => j.ListPrecision is not null).ToList();
        return new DevSetSummary(
            Measure.Of(judgements.Select(j => (bool?)j.OverallCorrect)),
            Measure.Of(outcomes.Where(o => o.ExpectedRefusal && o.Kind != "claim").Select(o => (bool?)o.Refused)),
            Measure.Of(outcomes.Where(o => !o.ExpectedRefusal).Select(o => (bool?)!o.Refused)),
            Measure.Of(judgements.Select(j => j.EnglishShortAnswer)),
            Measure.Of(judgements.Select(j => j.VerdictCorrect)),
            lists.Count == 0 ? null : lists.Average(j => j.ListPrecision!.Value),
            lists.Count == 0 ? null : lists.Average(j => j.ListRecall ?? 0));
    }

    /// <summary>
    /// The set as conversations in file order: a question that follows nothing opens one, and each follow-up joins the
    /// conversation of the question it follows, right after it.
    /// </summary>
    public static IReadOnlyList<List<EvalQuestion>> Conversations(IReadOnlyList<EvalQuestion> questions)
    {
        var byId = new Dictionary<string, List<EvalQuestion>>(StringComparer.Ordinal);
        var conversations = new List<List<EvalQuestion>>();
        foreach (var question in questions)
        {
            List<EvalQuestion> conversation;
            if (question.Follows is null) conversations.Add(conversation = []);
            else if (!byId.TryGetValue(question.Follows, out conversation!))
                throw new InvalidDataException($"{question.Id} follows \"{question.Follows}\", which is not an earlier question of the set.");
            conversation.Add(question);
            byId[question.Id] = conversation;
        }
        return conversations;
    }

    /// <summary>The ids of the questions to judge: the filters, then at most --limit of them spread over the set.</summary>
    private static HashSet<string> Select(IReadOnlyList<EvalQuestion> questions, DevSetRunOptions options)
    {
        var unknown = options.Ids.Where(id => questions.All(q => q.Id != id)).ToList();
        if (unknown.Count > 0) throw new InvalidDataException($"{options.DatasetPath} has no question {string.Join(", ", unknown)}.");
        var matching = questions
            .Where(q => options.Kinds.Count == 0 || options.Kinds.Contains(q.Kind, StringComparer.OrdinalIgnoreCase))
            .Where(q => options.Languages.Count == 0 || options.Languages.Contains(q.Language, StringComparer.OrdinalIgnoreCase))
            .Where(q => options.Ids.Count == 0 || options.Ids.Contains(q.Id, StringComparer.Ordinal))
            .ToList();
        if (options.Limit is { } limit && limit < matching.Count)
            matching = Enumerable.Range(0, limit).Select(i => matching[(int)((long)i * matching.Count / limit)]).ToList();
        return matching.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
    }

    private sealed record OpenedIndex(IHost Host, DevSetIndex Index);

    /// <summary>Opens the cached index of <paramref name="corpora"/>, building it first when no complete one exists.</summary>
    private static async Task<OpenedIndex> OpenIndexAsync(DevSetRunOptions options, IReadOnlyList<string> corpora, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var key = CorpusIndexCache.Key(corpora, options.Services.BaseSettings.Concat(options.Settings));
        var directory = Path.GetFullPath(Path.Combine(options.CacheDirectory, key));
        Directory.CreateDirectory(options.CacheDirectory);
        await using var buildLock = await AcquireBuildLockAsync(directory + ".lock", progress, cancellationToken).ConfigureAwait(false);

        if (CorpusIndexCache.IsComplete(directory))
        {
            progress?.Report($"index: reusing {directory}");
            return new OpenedIndex(options.Services.Build(directory, options.Settings), new DevSetIndex(corpora, directory, true, 0, 0, 0, 0));
        }

        progress?.Report($"index: building {directory} from {string.Join(" + ", corpora)}");
        CorpusIndexCache.Reset(directory);
        var host = options.Services.Build(directory, options.Settings);
        try
        {
            var clock = Stopwatch.StartNew();
            var report = await host.Services.GetRequiredService<IngestionPipeline>()
                .IngestPathsAsync(corpora, new IngestPercent(progress), cancellationToken).ConfigureAwait(false);
            if (report.Ingested == 0) throw new InvalidOperationException($"nothing was indexed from {string.Join(", ", corpora)}.");
            if (report.Failed > 0)
                progress?.Report($"warning: {report.Failed} input(s) failed to index (first: {(report.Errors.Count > 0 ? report.Errors[0].ToString() : "no details")}).");
            CorpusIndexCache.MarkComplete(directory, string.Join("\n", corpora));
            CorpusIndexCache.Prune(options.CacheDirectory, directory);
            progress?.Report($"index: {report.Ingested} articles in {clock.Elapsed.TotalSeconds:0} s");
            return new OpenedIndex(host, new DevSetIndex(corpora, directory, false, 0, 0, clock.Elapsed.TotalSeconds, report.Failed));
        }
        catch
        {
            await ServiceRecipe.ReleaseAsync(host).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Two eval runs at once must not build the same index twice: the second waits for the first.</summary>
    private static async Task<FileStream> AcquireBuildLockAsync(string path, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var told = false;
        while (true)
        {
            try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose); }
            catch (IOException) when (!cancellationToken.IsCancellationRequested)
            {
                if (!told) progress?.Report($"index: waiting for another eval run that holds {path}");
                told = true;
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task<DevSetOutcome> AskAsync(IAnswerer answerer, EvalQuestion question, string? conversationId, int top, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        var asClaim = AsksAsClaim(question);
        Answer answer;
        var clock = Stopwatch.StartNew();
        try
        {
            answer = await answerer.AnswerAsync(new AnswerRequest { Question = question.Text, ConversationId = conversationId, Top = top, Now = now, IsClaim = asClaim }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new InvalidOperationException($"question {question.Id} («{question.Text}») failed: {ex.Message}", ex);
        }
        var answerMs = clock.Elapsed.TotalMilliseconds;
        return new DevSetOutcome
        {
            Id = question.Id,
            Question = question.Text,
            Kind = question.Kind,
            Language = question.Language,
            Corpus = question.Corpus,
            Follows = question.Follows,
            AskedAsClaim = asClaim,
            ExpectedShortAnswers = question.ShortAnswers,
            ExpectedArticleIds = question.GoldArticleIds,
            ExpectedDate = question.ExpectedDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ExpectedRefusal = question.ShouldRefuse,
            ExpectedVerdict = question.ExpectedVerdict,
            ExpectedListTotal = question.ExpectedListTotal,
            ShortAnswer = answer.ShortAnswer,
            Refused = answer.Refused,
            Cited = answer.Citations.Select(c => new CitedArticle(c.ArticleId, c.PublishedDate)).ToList(),
            Verdict = answer.Verdict is { } verdict ? AnswerJson.WireName(verdict) : null,
            ListTotal = answer.Listing?.Total,
            ListedIds = answer.Listing?.Articles.Select(a => a.ArticleId).ToList() ?? [],
            Answer = answer.Text,
            AnsweredKind = JsonNamingPolicy.SnakeCaseLower.ConvertName(answer.Kind.ToString()),
            AnswerMs = answerMs,
            Judgement = DevSetJudge.Judge(question, answer),
        };
    }

    /// <summary>Ingest progress as "index: 40% (12000 articles)" lines, one per tenth.</summary>
    private sealed class IngestPercent(IProgress<string>? progress) : IProgress<IngestProgress>
    {
        private int _lastTenth;

        public void Report(IngestProgress value)
        {
            if (progress is null || value.BytesTotal <= 0) return;
            var tenth = (int)(10 * value.BytesDone / value.BytesTotal);
            if (tenth <= _lastTenth) return;
            _lastTenth = tenth;
            progress.Report($"index: {tenth * 10}% ({value.ArticlesDone} articles)");
        }
    }
}
