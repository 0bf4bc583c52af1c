namespace QABot.Ingestion;

/// <summary>The outcome of one ingest run.</summary>
/// <param name="Ingested">Articles stored for the first time.</param>
/// <param name="Replaced">Articles already stored whose content changed, rewritten.</param>
/// <param name="Skipped">Articles already stored unchanged (same content hash), not rewritten.</param>
/// <param name="Duplicates">Articles whose normalized body equals one already stored: recorded as an alias id only.</param>
/// <param name="Failed">Problems found: unreadable files and bad records. <see cref="Errors"/> lists them (capped per file).</param>
/// <param name="Chunks">Chunks written in this run.</param>
/// <param name="Bytes">Input bytes read (compressed size for .gz).</param>
/// <param name="Notes">What else the run did that a user should know, one line each (an index layout upgrade).</param>
public sealed record IngestReport(
    int Ingested,
    int Replaced,
    int Skipped,
    int Duplicates,
    int Failed,
    IReadOnlyList<IngestError> Errors,
    int Chunks,
    long Bytes,
    TimeSpan Elapsed,
    IReadOnlyList<string>? Notes = null)
{
    public int ArticlesSeen => Ingested + Replaced + Skipped + Duplicates;

    /// <summary>Files found in the given folders that are not article files (.png, .pdf, ...): not read, not errors.</summary>
    public IReadOnlyList<string> PassedOver { get; init; } = [];

    /// <summary>What happened to each record, in input order: kept for uploads only, where the caller answers per line.</summary>
    public IReadOnlyList<IngestedItem> Items { get; init; } = [];
}

public enum IngestItemStatus { Ingested, Replaced, Unchanged, Duplicate, Failed }

/// <param name="Line">1-based line of the record; null for a problem with the whole input (an empty body).</param>
/// <param name="ArticleId">The id the record was stored (or would have been stored) under; null when it did not parse.</param>
/// <param name="Error">Why a failed record was not stored.</param>
public sealed record IngestedItem(int? Line, string? ArticleId, IngestItemStatus Status, string? Error);

/// <param name="Line">1-based line (JSONL) or the line where a JSON document broke; null for whole-file problems.</param>
public sealed record IngestError(string Path, int? Line, string Message)
{
    public override string ToString() => Line is { } line ? $"{Path}:{line}: {Message}" : $"{Path}: {Message}";
}

/// <param name="BytesTotal">Sum of the input file sizes; 0 when ingesting articles given in memory.</param>
public sealed record IngestProgress(long BytesDone, long BytesTotal, int ArticlesDone, string CurrentFile);
