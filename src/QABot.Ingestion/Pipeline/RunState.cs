using QABot.Ingestion.Reading;

namespace QABot.Ingestion.Pipeline;

/// <summary>
/// Counters and progress of one ingest run. The parse stage moves the file position; the prepare stage counts
/// outcomes and reports progress; the write stage counts chunks. Each counter has a single writer.
/// </summary>
internal sealed class RunState(long bytesTotal, IProgress<IngestProgress>? progress, int maxErrorsPerFile)
{
    private const int ProgressEveryArticles = 250;

    private readonly List<IngestError> _errors = [];
    private readonly Dictionary<string, int> _errorsPerFile = new(StringComparer.Ordinal);
    private long _bytesOfFinishedFiles;
    private long _currentFilePosition;
    private string _currentFile = "";
    private int _ingested, _replaced, _skipped, _duplicates, _failed, _chunks, _articlesDone;

    public IReadOnlyList<string> PassedOver { get; init; } = [];

    /// <summary>Set to record every record's outcome (uploads); null for file runs, whose reports stay small.</summary>
    public List<IngestedItem>? Items { get; init; }

    public void Record(int? line, string? articleId, IngestOutcome outcome) => Items?.Add(new IngestedItem(line, articleId, outcome switch
    {
        IngestOutcome.New => IngestItemStatus.Ingested,
        IngestOutcome.Replaced => IngestItemStatus.Replaced,
        IngestOutcome.Unchanged => IngestItemStatus.Unchanged,
        IngestOutcome.Duplicate => IngestItemStatus.Duplicate,
        _ => IngestItemStatus.Failed,
    }, null));

    public void RecordFailure(int? line, string? articleId, IngestError error) =>
        Items?.Add(new IngestedItem(line ?? error.Line, articleId, IngestItemStatus.Failed, error.Message));

    public void StartFile(InputFile file)
    {
        Volatile.Write(ref _currentFile, file.Path);
        Interlocked.Exchange(ref _currentFilePosition, 0);
    }

    public void SetFilePosition(long position) => Interlocked.Exchange(ref _currentFilePosition, position);

    public void EndFile(InputFile file)
    {
        Interlocked.Add(ref _bytesOfFinishedFiles, file.Length);
        Interlocked.Exchange(ref _currentFilePosition, 0);
    }

    /// <returns>False when the file already has its share of listed errors: the error is only counted.</returns>
    public bool AddError(IngestError error)
    {
        _failed++;
        var count = _errorsPerFile[error.Path] = _errorsPerFile.GetValueOrDefault(error.Path) + 1;
        if (count > maxErrorsPerFile) return false;
        _errors.Add(error);
        return true;
    }

    public void Count(IngestOutcome outcome)
    {
        switch (outcome)
        {
            case IngestOutcome.New: _ingested++; break;
            case IngestOutcome.Replaced: _replaced++; break;
            case IngestOutcome.Unchanged: _skipped++; break;
            case IngestOutcome.Duplicate: _duplicates++; break;
        }
    }

    public void ArticleDone()
    {
        _articlesDone++;
        if (_articlesDone % ProgressEveryArticles == 0) ReportProgress(force: false);
    }

    public void AddChunks(int count) => Interlocked.Add(ref _chunks, count);

    public void ReportProgress(bool force)
    {
        if (progress is null) return;
        var done = Interlocked.Read(ref _bytesOfFinishedFiles) + Interlocked.Read(ref _currentFilePosition);
        progress.Report(new IngestProgress(force ? bytesTotal : Math.Min(done, bytesTotal), bytesTotal, _articlesDone, Volatile.Read(ref _currentFile)));
    }

    public IngestReport ToReport(TimeSpan elapsed)
    {
        var errors = new List<IngestError>(_errors);
        foreach (var (path, count) in _errorsPerFile)
            if (count > maxErrorsPerFile) errors.Add(new IngestError(path, null, $"{count - maxErrorsPerFile} more errors in this file not listed"));
        return new IngestReport(_ingested, _replaced, _skipped, _duplicates, _failed, errors, Volatile.Read(ref _chunks), bytesTotal, elapsed)
        {
            PassedOver = PassedOver,
            Items = Items ?? [],
        };
    }
}
