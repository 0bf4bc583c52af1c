using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using QABot.Core.Retrieval;

namespace QABot.Ingestion.Pipeline;

public enum IngestOutcome
{
    New,
    Replaced,
    Unchanged,
    Duplicate,
    /// <summary>The id was already written in this run with different content (two files, one id): the first one is kept.</summary>
    IdConflict,
}

/// <param name="CanonicalId">For a duplicate, the stored article it duplicates.</param>
/// <param name="DeleteStored">A stored article whose body now equals another's: its own copy is removed.</param>
/// <param name="AliasIds">For new and replaced articles, the alias ids to store with them.</param>
public sealed record IngestDecision(IngestOutcome Outcome, string? CanonicalId, bool DeleteStored, IReadOnlyList<string> AliasIds);

/// <summary>
/// What the index holds and what this run has written so far, by article id, body hash and alias id. Decides per
/// article whether to skip, write, replace or record it as a duplicate. Single-threaded: decisions depend on order,
/// so they are made in file order by one stage of the pipeline.
/// It holds a few entries per article ever ingested, so they are kept small: hashes as 128-bit values rather than
/// hex strings, the id string shared by every table, no alias list until an article has an alias. At a million
/// articles this is what the ingest's memory grows by beyond the index writer's buffer.
/// </summary>
public sealed class ArticleLedger
{
    private sealed class Entry(UInt128 contentHash, UInt128 bodyHash, IReadOnlyList<string> aliases)
    {
        public UInt128 ContentHash = contentHash;
        public UInt128 BodyHash = bodyHash;
        public List<string>? Aliases = aliases.Count == 0 ? null : [.. aliases];
    }

    private readonly Dictionary<string, Entry> _stored = new(StringComparer.Ordinal);
    private readonly Dictionary<UInt128, string> _ownerByBody = [];
    private readonly Dictionary<string, string> _ownerOfAlias = new(StringComparer.Ordinal);
    private readonly List<string> _aliasesChanged = [];
    private readonly HashSet<string> _aliasesChangedSet = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UInt128> _contentSeenThisRun = new(StringComparer.Ordinal);

    public ArticleLedger(IEnumerable<ManifestEntry> manifest)
    {
        foreach (var entry in manifest)
        {
            var bodyHash = Compact(entry.BodyHash);
            _stored[entry.ArticleId] = new Entry(Compact(entry.ContentHash), bodyHash, entry.AliasIds);
            _ownerByBody.TryAdd(bodyHash, entry.ArticleId);
            foreach (var alias in entry.AliasIds) _ownerOfAlias[alias] = entry.ArticleId;
        }
    }

    public IngestDecision Decide(string id, string contentHashText, string bodyHashText)
    {
        var contentHash = Compact(contentHashText);
        var bodyHash = Compact(bodyHashText);
        if (_contentSeenThisRun.TryGetValue(id, out var seenContent))
        {
            return seenContent == contentHash
                ? new IngestDecision(IngestOutcome.Unchanged, null, false, [])
                : new IngestDecision(IngestOutcome.IdConflict, null, false, []);
        }
        _contentSeenThisRun[id] = contentHash;

        if (_ownerOfAlias.TryGetValue(id, out var aliasOwner))
        {
            if (_stored.TryGetValue(aliasOwner, out var owner) && owner.BodyHash == bodyHash)
                return new IngestDecision(IngestOutcome.Unchanged, aliasOwner, false, []);
            // The text under this id changed: it is no longer a copy of its former owner.
            RemoveAlias(aliasOwner, id);
        }

        if (_stored.TryGetValue(id, out var existing))
        {
            if (existing.ContentHash == contentHash) return new IngestDecision(IngestOutcome.Unchanged, null, false, []);
            if (_ownerByBody.TryGetValue(bodyHash, out var other) && other != id)
            {
                ReleaseBody(id, existing.BodyHash);
                _stored.Remove(id);
                AddAlias(other, id);
                foreach (var alias in existing.Aliases ?? []) AddAlias(other, alias);
                return new IngestDecision(IngestOutcome.Duplicate, other, true, []);
            }
            ReleaseBody(id, existing.BodyHash);
            existing.ContentHash = contentHash;
            existing.BodyHash = bodyHash;
            _ownerByBody[bodyHash] = id;
            return new IngestDecision(IngestOutcome.Replaced, null, false, existing.Aliases?.ToList() ?? []);
        }

        if (_ownerByBody.TryGetValue(bodyHash, out var canonical))
        {
            AddAlias(canonical, id);
            return new IngestDecision(IngestOutcome.Duplicate, canonical, false, []);
        }

        _stored[id] = new Entry(contentHash, bodyHash, []);
        _ownerByBody[bodyHash] = id;
        return new IngestDecision(IngestOutcome.New, null, false, []);
    }

    /// <summary>Stored articles whose alias lists changed in this run, with their full new lists, in first-change order.</summary>
    public IEnumerable<(string ArticleId, IReadOnlyList<string> AliasIds)> ChangedAliases() =>
        _aliasesChanged.Where(_stored.ContainsKey).Select(id => (id, (IReadOnlyList<string>)(_stored[id].Aliases?.ToList() ?? [])));

    private void AddAlias(string owner, string alias)
    {
        var entry = _stored[owner];
        if (alias == owner || entry.Aliases?.Contains(alias) == true) return;
        (entry.Aliases ??= []).Add(alias);
        _ownerOfAlias[alias] = owner;
        MarkChanged(owner);
    }

    private void RemoveAlias(string owner, string alias)
    {
        _ownerOfAlias.Remove(alias);
        if (_stored.TryGetValue(owner, out var entry) && entry.Aliases?.Remove(alias) == true) MarkChanged(owner);
    }

    /// <summary>
    /// The 128-bit value of a hex hash as <see cref="ArticleHasher"/> writes it; a hash of another form (an index
    /// written by an older version) is hashed to 128 bits, which keeps equal strings equal.
    /// </summary>
    private static UInt128 Compact(string hash) =>
        hash.Length == 32 && UInt128.TryParse(hash, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            ? value
            : XxHash128.HashToUInt128(MemoryMarshal.AsBytes(hash.AsSpan()));

    private void ReleaseBody(string id, UInt128 bodyHash)
    {
        if (_ownerByBody.TryGetValue(bodyHash, out var owner) && owner == id) _ownerByBody.Remove(bodyHash);
    }

    private void MarkChanged(string owner)
    {
        if (_aliasesChangedSet.Add(owner)) _aliasesChanged.Add(owner);
    }
}
