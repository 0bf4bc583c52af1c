using QABot.Core.Domain;
using QABot.Core.Retrieval;

namespace QABot.Text.Outlets;

/// <summary>
/// The outlets a question, a `--source` option or a printer may name: the shipped <see cref="OutletTable"/> merged
/// with the outlet names stored in the index. The index is live (ingest, POST /api/articles), so the merged
/// <see cref="OutletSnapshot"/> is rebuilt from the index's outlet counts when it is older than
/// <see cref="RefreshInterval"/> or after <see cref="Invalidate"/> (called by writers in the same process).
/// One instance is shared through DI by the answerers, the CLI and the hosts.
/// </summary>
public sealed class OutletCatalog(OutletTable table, IArticleIndex index, TimeProvider? clock = null) : IOutletNames
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(10);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Cached? _cached;

    public OutletTable Table => table;

    /// <summary>The outlets as of now (at most <see cref="RefreshInterval"/> old).</summary>
    public async ValueTask<OutletSnapshot> SnapshotAsync(CancellationToken cancellationToken = default)
    {
        if (Fresh(_cached) is { } snapshot) return snapshot;
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(_cached) is { } refreshed) return refreshed;
            var counts = await index.CountArticlesBySourceAsync(cancellationToken).ConfigureAwait(false);
            var built = OutletSnapshot.Build(table, counts.Keys);
            _cached = new Cached(built, _clock.GetUtcNow());
            return built;
        }
        finally { _refresh.Release(); }
    }

    /// <summary>The next <see cref="SnapshotAsync"/> reads the index again: call after committing new articles.</summary>
    public void Invalidate() => _cached = null;

    public async Task<IReadOnlyList<OutletMention>> FindMentionsAsync(string text, CancellationToken cancellationToken = default) =>
        (await SnapshotAsync(cancellationToken).ConfigureAwait(false)).FindMentions(text);

    public async Task<OutletResolution?> ResolveAsync(string name, CancellationToken cancellationToken = default) =>
        (await SnapshotAsync(cancellationToken).ConfigureAwait(false)).Resolve(name);

    /// <summary>Display names come from the shipped table alone: they need no index.</summary>
    public string DisplayName(string storedSource, string language) => table.DisplayName(storedSource, language);

    private OutletSnapshot? Fresh(Cached? cached) =>
        cached is not null && _clock.GetUtcNow() - cached.At < RefreshInterval ? cached.Snapshot : null;

    private sealed record Cached(OutletSnapshot Snapshot, DateTimeOffset At);
}
