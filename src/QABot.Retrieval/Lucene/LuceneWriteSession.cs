using System.Diagnostics;
using System.Threading.Channels;
using Lucene.Net.Index;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QABot.Core.Retrieval;

namespace QABot.Retrieval.Lucene;

/// <summary>
/// One write session over an <see cref="IndexWriter"/>. Analysis is the expensive part of ingest, so operations are
/// handed to worker lanes that run in parallel with the caller; an article always goes to the same lane, which keeps
/// upsert/alias/delete of one article in call order. Nothing is visible to readers before <see cref="CommitAsync"/>;
/// disposing without committing rolls the writer back.
/// </summary>
internal sealed class LuceneWriteSession : IIndexWriteSession
{
    private readonly IndexWriter _writer;
    private readonly Lane[] _lanes;
    private readonly Func<Task> _afterCommit;
    private readonly Action _release;
    private readonly Func<IReadOnlySet<string>, CancellationToken, Task<string>>? _upgrade;
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);
    private readonly ILogger _logger;
    private bool _dirty;
    private bool _disposed;

    /// <param name="upgrade">
    /// For an index of an older layout: at commit, rewrites every stored article this session did not write (given
    /// their ids) through this session, and returns the <see cref="UpgradeNote"/>.
    /// </param>
    public LuceneWriteSession(IndexWriter writer, int lanes, Func<Task> afterCommit, Action release,
        Func<IReadOnlySet<string>, CancellationToken, Task<string>>? upgrade = null, ILogger? logger = null)
    {
        _logger = logger ?? NullLogger.Instance;
        _writer = writer;
        _afterCommit = afterCommit;
        _release = release;
        _upgrade = upgrade;
        _lanes = Enumerable.Range(0, Math.Max(1, lanes)).Select(_ => new Lane(writer)).ToArray();
    }

    public Task UpsertAsync(IndexDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (string.IsNullOrWhiteSpace(document.Article.Id)) throw new ArgumentException("Article id is empty.", nameof(document));
        var id = document.Article.Id;
        RecordWritten(id);
        return EnqueueAsync(id, lane => lane.Writer.UpdateDocuments(new Term(IndexFields.ArticleId, id), lane.Builder.Build(document)), cancellationToken);
    }

    /// <summary>Adds the ids to those already recorded (union); an upsert of the article replaces them.</summary>
    public Task SetAliasesAsync(string articleId, IReadOnlyList<string> aliasIds, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(articleId);
        var aliases = aliasIds.Where(a => !string.IsNullOrWhiteSpace(a) && a != articleId).Distinct(StringComparer.Ordinal).ToArray();
        if (aliases.Length == 0) return Task.CompletedTask;
        return EnqueueAsync(articleId, lane =>
        {
            foreach (var alias in aliases)
                lane.Writer.UpdateDocument(ArticleDocumentBuilder.AliasTerm(articleId, alias), ArticleDocumentBuilder.AliasDocument(articleId, alias));
        }, cancellationToken);
    }

    public Task DeleteAsync(string articleId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(articleId);
        RecordWritten(articleId);
        return EnqueueAsync(articleId, lane => lane.Writer.DeleteDocuments(new Term(IndexFields.ArticleId, articleId)), cancellationToken);
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await Task.WhenAll(_lanes.Select(l => l.DrainAsync(cancellationToken))).ConfigureAwait(false);
        ThrowIfFaulted();
        if (_upgrade is not null && UpgradeNote is null)
        {
            HashSet<string> written;
            lock (_written) written = [.. _written];
            UpgradeNote = await _upgrade(written, cancellationToken).ConfigureAwait(false);
            await Task.WhenAll(_lanes.Select(l => l.DrainAsync(cancellationToken))).ConfigureAwait(false);
            ThrowIfFaulted();
        }
        _writer.SetCommitData(LuceneArticleIndex.CommitData);
        var committing = Stopwatch.GetTimestamp();
        await Task.Run(() => _writer.Commit(), cancellationToken).ConfigureAwait(false);
        _dirty = false;
        var committed = Stopwatch.GetTimestamp();
        await _afterCommit().ConfigureAwait(false);
        _logger.LogDebug("Index write stages: analysis+indexing per lane {Lanes}; Lucene commit (flush, fsync) {Commit:0} ms; reader refresh and related terms {After:0} ms",
            string.Join(" / ", _lanes.Select(l => $"{Stopwatch.GetElapsedTime(0, l.BusyTicks).TotalMilliseconds:0} ms")),
            Stopwatch.GetElapsedTime(committing, committed).TotalMilliseconds, Stopwatch.GetElapsedTime(committed).TotalMilliseconds);
    }

    public string? UpgradeNote { get; private set; }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            foreach (var lane in _lanes) lane.Complete();
            await Task.WhenAll(_lanes.Select(l => l.Completion)).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                // Rollback discards everything since the last commit; with nothing pending it just closes the writer.
                if (_dirty) _writer.Rollback();
                else _writer.Dispose();
            }
            finally { _release(); }
        }
    }

    /// <summary>Only an upgrade needs the written ids; otherwise a large ingest would hold every id until commit.</summary>
    private void RecordWritten(string articleId)
    {
        if (_upgrade is null) return;
        lock (_written) _written.Add(articleId);
    }

    private async Task EnqueueAsync(string articleId, Action<Lane> operation, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ThrowIfFaulted();
        _dirty = true;
        var lane = _lanes[(int)((uint)StringComparer.Ordinal.GetHashCode(articleId) % (uint)_lanes.Length)];
        await lane.EnqueueAsync(operation, cancellationToken).ConfigureAwait(false);
    }

    private void ThrowIfFaulted()
    {
        foreach (var lane in _lanes)
            if (lane.Fault is { } fault)
                throw new InvalidOperationException("Writing to the Lucene index failed; the session's changes will be rolled back.", fault);
    }

    private sealed class Lane
    {
        private readonly Channel<Action<Lane>> _queue = Channel.CreateBounded<Action<Lane>>(
            new BoundedChannelOptions(64) { SingleReader = true, SingleWriter = false });
        private long _enqueued;
        private long _done;
        private readonly object _drainLock = new();
        private TaskCompletionSource? _drained;

        public Lane(IndexWriter writer)
        {
            Writer = writer;
            Completion = Task.Factory.StartNew(RunAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        }

        public IndexWriter Writer { get; }
        public ArticleDocumentBuilder Builder { get; } = new();
        public Exception? Fault { get; private set; }
        public Task Completion { get; }
        public long BusyTicks { get; private set; }

        public async ValueTask EnqueueAsync(Action<Lane> operation, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _enqueued);
            await _queue.Writer.WriteAsync(operation, cancellationToken).ConfigureAwait(false);
        }

        public void Complete() => _queue.Writer.TryComplete();

        public Task DrainAsync(CancellationToken cancellationToken)
        {
            lock (_drainLock)
            {
                if (Interlocked.Read(ref _done) >= Interlocked.Read(ref _enqueued) || Fault is not null) return Task.CompletedTask;
                _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                return _drained.Task.WaitAsync(cancellationToken);
            }
        }

        private async Task RunAsync()
        {
            await foreach (var operation in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                if (Fault is null)
                {
                    var started = Stopwatch.GetTimestamp();
                    try { operation(this); }
                    catch (Exception e) { Fault = e; }
                    BusyTicks += Stopwatch.GetTimestamp() - started;
                }
                lock (_drainLock)
                {
                    _done++;
                    if (_drained is not null && (_done >= Interlocked.Read(ref _enqueued) || Fault is not null))
                    {
                        _drained.TrySetResult();
                        _drained = null;
                    }
                }
            }
        }
    }
}
