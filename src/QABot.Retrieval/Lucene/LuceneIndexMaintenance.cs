using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Lucene.Net.Store;
using QABot.Core.Configuration;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace QABot.Retrieval.Lucene;

/// <summary>
/// Checks, repairs, snapshots and restores the Lucene index folder of one data directory. Check and snapshot only read
/// (they run beside <c>serve</c> and ingest); repair and restore change the folder, so their caller holds the
/// <see cref="DataDirectoryWriterLock"/>, and both keep a backup copy of what they replace. Check and snapshot register
/// as readers (<see cref="DataDirectoryReaders"/>); restore refuses while any process reads.
/// </summary>
public sealed partial class LuceneIndexMaintenance(string indexPath)
{
    public const string SnapshotManifestFileName = "qabot-snapshot.json";
    private const string SnapshotFormat = "qabot-lucene-snapshot/1";

    /// <summary>A concurrent commit can delete the files of the commit being copied; the copy then starts over from the new one.</summary>
    private const int SnapshotAttempts = 5;

    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string IndexPath { get; } = Path.GetFullPath(indexPath);

    /// <summary>The data directory holding the index folder: where backups go and the writer lock lives.</summary>
    public string DataDirectory => Path.GetDirectoryName(IndexPath) ?? IndexPath;

    /// <summary>Lucene's CheckIndex over the last commit: every segment opened and its postings, stored fields and doc values verified.</summary>
    public IndexCheckReport Check()
    {
        if (!System.IO.Directory.Exists(IndexPath))
            return new IndexCheckReport(IndexPath, null, [], 0, null);
        using var readers = DataDirectoryReaders.Register(DataDirectory);
        using var directory = FSDirectory.Open(IndexPath);
        return Check(directory, out _);
    }

    /// <summary>
    /// Drops the segments CheckIndex cannot read, after copying the whole folder to <paramref name="backupPath"/>, and
    /// writes a new commit of the rest. The caller holds the writer lock.
    /// </summary>
    public IndexRepairReport Repair(string backupPath)
    {
        var before = Check();
        if (before.Healthy || before.SegmentsFile is null) return new IndexRepairReport(before, null, null);
        CopyFolder(IndexPath, backupPath);
        using (var directory = FSDirectory.Open(IndexPath))
        {
            Check(directory, out var status);
            new CheckIndex(directory).FixIndex(status);
        }
        return new IndexRepairReport(before, Check(), backupPath);
    }

    /// <summary>
    /// Copies the files of the last commit into <paramref name="targetDirectory"/> (new or empty) with a manifest of
    /// their sizes and SHA-256. Readers and writers go on meanwhile: committed files are written once and never
    /// changed, so a file that is there is complete; SnapshotDeletionPolicy protects a commit only inside the writer's
    /// own process, so when a concurrent commit deletes a file mid-copy the copy starts over from the newer commit.
    /// </summary>
    public SnapshotManifest Snapshot(string targetDirectory)
    {
        var target = Path.GetFullPath(targetDirectory);
        if (System.IO.Directory.Exists(target) && System.IO.Directory.EnumerateFileSystemEntries(target).Any())
            throw new IOException($"snapshot folder {target} is not empty; give a new or empty folder");
        if (IsInside(target, IndexPath))
            throw new IOException($"snapshot folder {target} is inside the index folder {IndexPath}; give a folder outside it");
        using var readers = DataDirectoryReaders.Register(DataDirectory);
        using var source = FSDirectory.Open(IndexPath);
        if (!DirectoryReader.IndexExists(source))
            throw new IndexDamagedException($"the Lucene index at {IndexPath} has no commit to snapshot; run `qabot index check`");
        for (var attempt = 1; ; attempt++)
        {
            System.IO.Directory.CreateDirectory(target);
            try { return CopyLastCommit(source, target); }
            catch (FileNotFoundException) when (attempt < SnapshotAttempts)
            {
                foreach (var file in System.IO.Directory.EnumerateFiles(target)) File.Delete(file);
            }
        }
    }

    /// <summary>Checks that a snapshot folder is complete and readable: its manifest, every file's size and SHA-256, and CheckIndex.</summary>
    public static SnapshotManifest Validate(string snapshotDirectory)
    {
        var folder = Path.GetFullPath(snapshotDirectory);
        var manifestPath = Path.Combine(folder, SnapshotManifestFileName);
        if (!File.Exists(manifestPath))
            throw new InvalidDataException($"{folder} is not a QABot snapshot: {SnapshotManifestFileName} is missing (make one with `qabot index snapshot DIR`)");
        var manifest = JsonSerializer.Deserialize<SnapshotManifest>(File.ReadAllText(manifestPath), ManifestJson)
            ?? throw new InvalidDataException($"{manifestPath} is empty");
        if (manifest.Format != SnapshotFormat)
            throw new InvalidDataException($"{manifestPath} has format '{manifest.Format}', expected '{SnapshotFormat}'");
        foreach (var file in manifest.Files)
        {
            var path = Path.Combine(folder, file.Name);
            if (!File.Exists(path)) throw new InvalidDataException($"snapshot file {file.Name} is missing from {folder}");
            if (new FileInfo(path).Length != file.Bytes || Sha256(path) != file.Sha256)
                throw new InvalidDataException($"snapshot file {file.Name} in {folder} differs from the manifest (damaged or modified)");
        }
        using var directory = FSDirectory.Open(folder);
        var check = Check(directory, out _);
        if (!check.Healthy) throw new InvalidDataException($"the snapshot in {folder} does not pass CheckIndex: {check.Problem}");
        return manifest;
    }

    /// <summary>
    /// Replaces the index folder by a validated snapshot; the folder it replaces is moved to <paramref name="backupPath"/>.
    /// The snapshot is copied beside the index first and swapped in by renames, so a failure leaves the old index in place.
    /// The caller holds the writer lock; the swap also needs every reader gone: <see cref="IndexInUseException"/> otherwise.
    /// </summary>
    public SnapshotManifest Restore(string snapshotDirectory, string backupPath)
    {
        // First, so a refusal comes before minutes of hashing; readers that open meanwhile wait for the swap.
        using var noReaders = DataDirectoryReaders.AcquireExclusive(DataDirectory);
        var manifest = Validate(snapshotDirectory);
        var staging = IndexPath + ".restoring";
        if (System.IO.Directory.Exists(staging)) System.IO.Directory.Delete(staging, recursive: true);
        System.IO.Directory.CreateDirectory(staging);
        foreach (var file in manifest.Files)
            File.Copy(Path.Combine(snapshotDirectory, file.Name), Path.Combine(staging, file.Name));
        if (System.IO.Directory.Exists(IndexPath)) System.IO.Directory.Move(IndexPath, backupPath);
        System.IO.Directory.Move(staging, IndexPath);
        return manifest;
    }

    /// <summary>A folder name beside the index for a backup made now: <c>lucene.before-repair-20260102T030405Z</c>.</summary>
    public string BackupPath(string reason, DateTimeOffset now)
    {
        var stem = $"{IndexPath}.before-{reason}-{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";
        var path = stem;
        for (var n = 2; System.IO.Directory.Exists(path); n++) path = $"{stem}-{n}";
        return path;
    }

    private static SnapshotManifest CopyLastCommit(LuceneDirectory source, string target)
    {
        using var reader = DirectoryReader.Open(source);
        var commit = reader.IndexCommit;
        var files = new List<SnapshotFile>();
        foreach (var name in commit.FileNames.Order(StringComparer.Ordinal))
        {
            var to = Path.Combine(target, name);
            File.Copy(Path.Combine(((FSDirectory)source).Directory.FullName, name), to);
            files.Add(new SnapshotFile(name, new FileInfo(to).Length, Sha256(to)));
        }
        // The copy must open as the same commit: the same generation with the same number of documents.
        using (var copy = FSDirectory.Open(target))
        using (var copied = DirectoryReader.Open(copy))
        {
            if (copied.IndexCommit.Generation != commit.Generation || copied.NumDocs != reader.NumDocs)
                throw new IOException($"the snapshot in {target} does not match commit {commit.SegmentsFileName} of the index");
        }
        var manifest = new SnapshotManifest(SnapshotFormat, DateTimeOffset.UtcNow, Path.GetFullPath(((FSDirectory)source).Directory.FullName),
            commit.SegmentsFileName, commit.Generation, reader.NumDocs, Articles(reader),
            commit.UserData.TryGetValue("qabot.schema", out var schema) ? schema : null, files);
        File.WriteAllText(Path.Combine(target, SnapshotManifestFileName), JsonSerializer.Serialize(manifest, ManifestJson));
        return manifest;
    }

    private static int Articles(DirectoryReader reader) => reader.Leaves.Sum(leaf => LiveManifests(leaf.AtomicReader));

    /// <summary>The segment's live article manifests (the postings skip deleted documents).</summary>
    private static int LiveManifests(AtomicReader reader)
    {
        var docs = reader.GetTermDocsEnum(new Term(IndexFields.Kind, DocumentKinds.Manifest));
        var count = 0;
        if (docs is null) return 0;
        while (docs.NextDoc() != global::Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS) count++;
        return count;
    }

    private static IndexCheckReport Check(LuceneDirectory directory, out CheckIndex.Status status)
    {
        var log = new StringWriter();
        var checker = new CheckIndex(directory) { InfoStream = log };
        status = checker.DoCheckIndex();
        var indexFiles = directory.ListAll().Count(LuceneIndexFiles.BelongToIndex);
        var path = ((FSDirectory)directory).Directory.FullName;
        if (status.MissingSegments)
            return new IndexCheckReport(path, null, [], 0, indexFiles == 0 ? null
                : $"no readable commit: segments_N is missing or unreadable while {indexFiles} index files remain");
        var errors = SegmentErrors(log.ToString());
        var segments = status.SegmentInfos.Select(s => Readable(s) && !errors.ContainsKey(s.Name)
            ? new SegmentState(s.Name, s.DocCount, s.NumDeleted, s.SizeMB, true, null)
            : new SegmentState(s.Name, s.DocCount, s.NumDeleted, s.SizeMB, false, errors.GetValueOrDefault(s.Name, "unreadable"))).ToList();
        string? problem = status.Clean ? null
            : status.CantOpenSegments ? $"cannot read {status.SegmentsFileName}"
            : $"{status.NumBadSegments} of {status.NumSegments} segments are broken ({status.TotLoseDocCount} documents in them)";
        return new IndexCheckReport(path, status.SegmentsFileName, segments, status.TotLoseDocCount, problem);
    }

    private static bool Readable(CheckIndex.Status.SegmentInfoStatus segment) =>
        segment.OpenReaderPassed
        && segment.FieldNormStatus?.Error is null && segment.TermIndexStatus?.Error is null && segment.StoredFieldStatus?.Error is null
        && segment.TermVectorStatus?.Error is null && segment.DocValuesStatus?.Error is null;

    /// <summary>CheckIndex prints each failing segment's exception after its header; the first line of it names the cause.</summary>
    private static Dictionary<string, string> SegmentErrors(string log)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in FailedSegment().Matches(log))
            errors[match.Groups["name"].Value] = match.Groups["error"].Value.Trim();
        return errors;
    }

    private static void CopyFolder(string from, string to)
    {
        System.IO.Directory.CreateDirectory(to);
        foreach (var file in System.IO.Directory.EnumerateFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }

    private static bool IsInside(string path, string folder) =>
        (path + Path.DirectorySeparatorChar).StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    [GeneratedRegex(@"\d+ of \d+: name=(?<name>\S+).*?full exception:\s*\n(?<error>[^\n]+)", RegexOptions.Singleline)]
    private static partial Regex FailedSegment();
}

/// <param name="SegmentsFile">The commit checked (<c>segments_N</c>); null when there is no readable commit (healthy when there are no index files either: no index yet).</param>
/// <param name="LostDocuments">Lucene documents (articles, chunks, aliases) in broken segments: what a repair drops.</param>
/// <param name="Problem">Null when the index is healthy.</param>
public sealed record IndexCheckReport(string Path, string? SegmentsFile, IReadOnlyList<SegmentState> Segments, int LostDocuments, string? Problem)
{
    public bool Healthy => Problem is null;
}

public sealed record SegmentState(string Name, int Documents, int Deleted, double SizeMB, bool Readable, string? Error);

/// <param name="After">The check after the repair; null when nothing was repaired (healthy, or no commit to repair from).</param>
/// <param name="BackupPath">Where the folder was copied before the repair; null when nothing was repaired.</param>
public sealed record IndexRepairReport(IndexCheckReport Before, IndexCheckReport? After, string? BackupPath);

/// <summary>The manifest a snapshot folder carries: which commit it is, what it holds, and each file's size and hash.</summary>
public sealed record SnapshotManifest(
    string Format,
    DateTimeOffset Created,
    string Source,
    string SegmentsFile,
    long Generation,
    int Documents,
    int Articles,
    string? Schema,
    IReadOnlyList<SnapshotFile> Files);

public sealed record SnapshotFile(string Name, long Bytes, string Sha256);
