using System.Diagnostics;

namespace QABot.Ingestion.Pipeline;

/// <summary>
/// Where an ingest run's time went, per pipeline stage: busy time (the stage's own work) and blocked time (waiting
/// for the next stage to take its output). Logged at Debug level (`-v`) at the end of a run, so a slow ingest can be
/// attributed to reading, parsing, preparing or indexing without a profiler. Each field has one writer.
/// </summary>
internal sealed class StageClock
{
    private long _parse, _parseBlocked, _hash, _chunk, _prepareBlocked, _handOff, _commit;

    public static long Now => Stopwatch.GetTimestamp();

    public void Parse(long since) => _parse += Stopwatch.GetTimestamp() - since;
    public void ParseBlocked(long since) => _parseBlocked += Stopwatch.GetTimestamp() - since;
    public void Hash(long since) => _hash += Stopwatch.GetTimestamp() - since;
    public void Chunk(long since) => _chunk += Stopwatch.GetTimestamp() - since;
    public void PrepareBlocked(long since) => _prepareBlocked += Stopwatch.GetTimestamp() - since;
    public void HandOff(long since) => _handOff += Stopwatch.GetTimestamp() - since;
    public void Commit(long since) => _commit += Stopwatch.GetTimestamp() - since;

    public override string ToString() =>
        $"read+decompress+JSON+parse {Ms(_parse)} (blocked on prepare {Ms(_parseBlocked)}); " +
        $"hash+dedup {Ms(_hash)}, normalise+chunk {Ms(_chunk)} (blocked on write {Ms(_prepareBlocked)}); " +
        $"hand-off to index lanes {Ms(_handOff)}; commit {Ms(_commit)}";

    private static string Ms(long ticks) => $"{Stopwatch.GetElapsedTime(0, ticks).TotalMilliseconds:0} ms";
}
