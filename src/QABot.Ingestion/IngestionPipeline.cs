using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Ingestion.Options;
using QABot.Ingestion.Parsing;
using QABot.Ingestion.Pipeline;
using QABot.Ingestion.Reading;
using QABot.Text.Chunking;
using QABot.Text.Outlets;

namespace QABot.Ingestion;

/// <summary>
/// Reads article files into the index. Three stages connected by bounded channels keep memory flat and both cores
/// busy: parse (read, decode, split appended articles, strip boilerplate) → prepare (hash, decide skip / replace /
/// duplicate, chunk) → write (embed in batches when a model is configured, upsert). Everything goes through one
/// write session committed at the end; a failure or cancellation disposes it uncommitted, so the index is never
/// left half-written. Bad files and records are reported and skipped; the run goes on.
/// </summary>
public sealed class IngestionPipeline(
    IArticleIndex index,
    ArticleChunker chunker,
    ILogger<IngestionPipeline> logger,
    ITextEmbedder? embedder = null,
    IOptions<IngestionOptions>? options = null,
    OutletCatalog? outlets = null)
{
    private readonly IngestionOptions _options = options?.Value ?? new IngestionOptions();

    public Task<IngestReport> IngestPathsAsync(IReadOnlyList<string> paths, IProgress<IngestProgress>? progress = null, CancellationToken ct = default)
    {
        var errors = new List<IngestError>();
        var passedOver = new List<string>();
        var files = InputFiles.Expand(paths, errors, passedOver);
        var run = new RunState(files.Sum(f => f.Length), progress, _options.MaxErrorsPerFile) { PassedOver = passedOver };
        foreach (var error in errors) run.AddError(error);
        if (files.Count == 0 && errors.Count == 0) run.AddError(new IngestError(string.Join(", ", paths), null, "no .txt, .jsonl, .jsonl.gz or .json files found"));
        return RunAsync((writer, clock, token) => ParseFilesAsync(files, run, writer, clock, token), run, ct);
    }

    public Task<IngestReport> IngestArticlesAsync(IEnumerable<Article> articles, IProgress<IngestProgress>? progress = null, CancellationToken ct = default)
    {
        var run = new RunState(0, progress, _options.MaxErrorsPerFile);
        return RunAsync(async (writer, _, token) =>
        {
            foreach (var article in articles)
                await writer.WriteAsync(ParsedItem.Of(article), token);
        }, run, ct);
    }

    /// <summary>
    /// Articles sent to the running server (POST /api/articles): the same parsing, validation, dedup and single commit
    /// as a file of that format, with what happened to every record in <see cref="IngestReport.Items"/>.
    /// </summary>
    /// <param name="format"><see cref="InputFormat.JsonLines"/>, or <see cref="InputFormat.JsonArray"/> for one object or an array.</param>
    /// <param name="name">Stands for the file name: records without an id get <c>{name}-{line}</c>.</param>
    public Task<IngestReport> IngestUploadAsync(byte[] body, InputFormat format, string name, CancellationToken ct = default)
    {
        var run = new RunState(body.Length, null, _options.MaxErrorsPerFile) { Items = [] };
        return RunAsync(async (writer, _, token) =>
        {
            foreach (var item in ArticleFileParser.ParseUpload(body, format, name))
                await writer.WriteAsync(item, token);
        }, run, ct);
    }

    private async Task<IngestReport> RunAsync(Func<ChannelWriter<ParsedItem>, StageClock, CancellationToken, Task> produce, RunState run, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        // The session first: it waits for any other writer (another process's ingest, the server's uploads, a drop
        // folder watch) and starts from the latest commit, so the manifest read next includes what that writer stored.
        await using var session = await index.BeginWriteAsync(ct);
        var ledger = new ArticleLedger(await index.ReadManifestAsync(ct));
        var clock = new StageClock();

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var parsed = Channel.CreateBounded<ParsedItem>(new BoundedChannelOptions(512) { SingleReader = true, SingleWriter = true });
        var prepared = Channel.CreateBounded<WriteOperation>(new BoundedChannelOptions(128) { SingleReader = true, SingleWriter = true });

        var parsing = Task.Run(() => CompleteWhenDone(parsed.Writer, produce(parsed.Writer, clock, stop.Token)), stop.Token);
        var preparing = Task.Run(() => CompleteWhenDone(prepared.Writer, PrepareAsync(parsed.Reader, prepared.Writer, ledger, run, clock, stop.Token)), stop.Token);
        try
        {
            await WriteAsync(prepared.Reader, session, run, clock, stop.Token);
            await Task.WhenAll(parsing, preparing);
            foreach (var (articleId, aliasIds) in ledger.ChangedAliases())
                await session.SetAliasesAsync(articleId, aliasIds, stop.Token);
            var committing = StageClock.Now;
            await session.CommitAsync(stop.Token);
            clock.Commit(committing);
            // New outlets are known to questions at once, not after the catalog's refresh interval.
            outlets?.Invalidate();
        }
        catch
        {
            // Stop the other stages before the session is disposed uncommitted (the rollback).
            await stop.CancelAsync();
            await Task.WhenAll(parsing, preparing).ContinueWith(static _ => { }, TaskScheduler.Default);
            logger.LogWarning("Ingest stopped; nothing from this run was committed");
            throw;
        }

        run.ReportProgress(force: true);
        var report = run.ToReport(stopwatch.Elapsed) with { Notes = session.UpgradeNote is { } note ? [note] : [] };
        if (session.UpgradeNote is { } upgrade) logger.LogInformation("{Upgrade}", upgrade);
        logger.LogDebug("Ingest stages: {Stages}", clock);
        logger.LogInformation(
            "Ingested {Ingested}, replaced {Replaced}, skipped {Skipped} unchanged, {Duplicates} duplicates, {Failed} failed; {Chunks} chunks in {Elapsed:0.0}s",
            report.Ingested, report.Replaced, report.Skipped, report.Duplicates, report.Failed, report.Chunks, report.Elapsed.TotalSeconds);
        return report;
    }

    private static async Task CompleteWhenDone<T>(ChannelWriter<T> writer, Task work)
    {
        try
        {
            await work;
            writer.TryComplete();
        }
        catch (Exception ex)
        {
            writer.TryComplete(ex);
            throw;
        }
    }

    private async Task ParseFilesAsync(List<InputFile> files, RunState run, ChannelWriter<ParsedItem> writer, StageClock clock, CancellationToken ct)
    {
        foreach (var file in files)
        {
            run.StartFile(file);
            using var items = ArticleFileParser.Parse(file, run.SetFilePosition).GetEnumerator();
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                ParsedItem item;
                var parsing = StageClock.Now;
                try
                {
                    if (!items.MoveNext()) break;
                    item = items.Current;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One unreadable file must not end the run; the others are still ingested.
                    if (ex is not (IOException or UnauthorizedAccessException or InvalidDataException))
                        logger.LogError(ex, "Unexpected failure while parsing {Path}", file.Path);
                    await writer.WriteAsync(ParsedItem.Failure(file.Path, null, "could not be read: " + ex.Message), ct);
                    break;
                }
                finally { clock.Parse(parsing); }
                if (!writer.TryWrite(item))
                {
                    var blocked = StageClock.Now;
                    await writer.WriteAsync(item, ct);
                    clock.ParseBlocked(blocked);
                }
            }
            run.EndFile(file);
        }
    }

    private async Task PrepareAsync(ChannelReader<ParsedItem> reader, ChannelWriter<WriteOperation> writer, ArticleLedger ledger, RunState run, StageClock clock, CancellationToken ct)
    {
        var chunking = chunker.Options;
        await foreach (var item in reader.ReadAllAsync(ct))
        {
            if (item.Error is { } error)
            {
                Fail(error, null, item.Line);
                continue;
            }
            var article = ArticleTitles.Capped(item.Article!, _options.MaxTitleChars);
            if (string.IsNullOrWhiteSpace(article.Body) || string.IsNullOrWhiteSpace(article.Id))
            {
                Fail(new IngestError(article.Origin ?? article.Id, null, $"article '{article.Id}' has no id or no body text"), article.Id, item.Line);
                continue;
            }
            var hashing = StageClock.Now;
            var contentHash = ArticleHasher.ContentHash(article, chunking);
            var bodyHash = ArticleHasher.BodyHash(article.Body);
            var decision = ledger.Decide(article.Id, contentHash, bodyHash);
            clock.Hash(hashing);
            run.Count(decision.Outcome);
            switch (decision.Outcome)
            {
                case IngestOutcome.IdConflict:
                    Fail(new IngestError(article.Origin ?? article.Id, null,
                        $"article id '{article.Id}' was already ingested in this run from another file with different text; this copy is skipped"), article.Id, item.Line);
                    continue;
                case IngestOutcome.New or IngestOutcome.Replaced:
                    var splitting = StageClock.Now;
                    var document = new IndexDocument(article, chunker.Split(article), contentHash, bodyHash, decision.AliasIds);
                    clock.Chunk(splitting);
                    var operation = new WriteOperation(document, null);
                    if (!writer.TryWrite(operation))
                    {
                        var blocked = StageClock.Now;
                        await writer.WriteAsync(operation, ct);
                        clock.PrepareBlocked(blocked);
                    }
                    break;
                case IngestOutcome.Duplicate when decision.DeleteStored:
                    await writer.WriteAsync(new WriteOperation(null, article.Id), ct);
                    break;
            }
            run.Record(item.Line, article.Id, decision.Outcome);
            run.ArticleDone();
        }

        void Fail(IngestError error, string? articleId, int? line)
        {
            run.RecordFailure(line, articleId, error);
            // Debug, not Warning: every error is in the report, which the caller prints once at the end; a warning
            // here would also cut through a progress bar on the terminal.
            if (run.AddError(error)) logger.LogDebug("Skipped: {Error}", error);
        }
    }

    private async Task WriteAsync(ChannelReader<WriteOperation> reader, IIndexWriteSession session, RunState run, StageClock clock, CancellationToken ct)
    {
        var batch = new List<IndexDocument>();
        var batchChunks = 0;
        await foreach (var operation in reader.ReadAllAsync(ct))
        {
            if (operation.Delete is { } deleteId)
            {
                await FlushAsync();
                await session.DeleteAsync(deleteId, ct);
                continue;
            }
            var document = operation.Upsert!;
            if (embedder is null)
            {
                var handing = StageClock.Now;
                await session.UpsertAsync(document, ct);
                clock.HandOff(handing);
                run.AddChunks(document.Chunks.Count);
                continue;
            }
            batch.Add(document);
            batchChunks += document.Chunks.Count;
            if (batchChunks >= _options.EmbeddingBatchSize) await FlushAsync();
        }
        await FlushAsync();

        async Task FlushAsync()
        {
            if (batch.Count == 0) return;
            var texts = batch.SelectMany(d => d.Chunks).Select(c => c.Text).ToList();
            var vectors = texts.Count == 0 ? [] : await embedder!.EmbedAsync(texts, ct);
            if (vectors.Count != texts.Count)
                throw new InvalidOperationException($"The embedding model returned {vectors.Count} vectors for {texts.Count} chunks");
            var offset = 0;
            foreach (var document in batch)
            {
                var own = vectors.Skip(offset).Take(document.Chunks.Count).ToList();
                offset += document.Chunks.Count;
                await session.UpsertAsync(document with { ChunkEmbeddings = own }, ct);
                run.AddChunks(document.Chunks.Count);
            }
            batch.Clear();
            batchChunks = 0;
        }
    }

    private sealed record WriteOperation(IndexDocument? Upsert, string? Delete);
}
