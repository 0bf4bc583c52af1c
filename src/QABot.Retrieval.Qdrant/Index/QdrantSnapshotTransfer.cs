using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Qdrant.Client.Grpc;
using QABot.Retrieval.Qdrant.Options;

namespace QABot.Retrieval.Qdrant.Index;

/// <summary>
/// <c>qabot index snapshot|restore</c> on the Qdrant backend: a Qdrant collection snapshot of the collection behind
/// the alias, created through gRPC (Snapshots/Create) and copied into a local folder, and put back as a new
/// collection version the alias then moves to. Qdrant has no gRPC call that moves snapshot files, so the download
/// (<c>GET /collections/{c}/snapshots/{name}</c>) and the upload (<c>POST /collections/{c}/snapshots/upload</c>) use
/// its REST endpoint (<see cref="QdrantOptions.RestUrl"/>).
/// </summary>
/// <remarks>
/// Like the Lucene restore, nothing is deleted: the replaced collection stays (drop it by hand once the restored one
/// is checked), and the alias switch is refused if another writer moved the alias during the restore. Readers follow
/// the alias, so a running <c>serve</c> sees the restored collection on its next query without a restart.
/// </remarks>
public sealed class QdrantSnapshotTransfer(QdrantArticleIndex index, IOptions<QdrantOptions> options, HttpClient? http = null)
{
    public const string ManifestFileName = "qabot-snapshot.json";
    private const string Format = "qabot-qdrant-snapshot/1";
    private const int SnapshotAttempts = 3;

    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly QdrantOptions _options = options.Value;
    private readonly HttpClient _http = http ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>Snapshots the live collection and downloads the file into <paramref name="targetDirectory"/> (new or empty) with a manifest.</summary>
    public async Task<QdrantSnapshotManifest> SnapshotAsync(string targetDirectory, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(targetDirectory);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            throw new IOException($"snapshot folder {target} is not empty; give a new or empty folder");
        var alias = await index.AliasTargetAsync(cancellationToken).ConfigureAwait(false);
        var live = alias ?? index.Collection;
        if (!await index.Client.CollectionExistsAsync(live, cancellationToken).ConfigureAwait(false))
            throw new InvalidOperationException($"Qdrant has no collection '{live}' to snapshot (alias '{index.Collection}'): nothing was written");
        // The count recorded is the snapshot's only if no write landed between the two counts around it.
        ulong points;
        SnapshotDescription created;
        for (var attempt = 1; ; attempt++)
        {
            points = await index.Client.CountAsync(live, exact: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            created = await index.Client.CreateSnapshotAsync(live, cancellationToken).ConfigureAwait(false);
            if (await index.Client.CountAsync(live, exact: true, cancellationToken: cancellationToken).ConfigureAwait(false) == points) break;
            if (attempt == SnapshotAttempts)
                throw new IOException($"collection {live} kept changing while it was snapshotted ({SnapshotAttempts} attempts): run the snapshot again when the ingest has finished");
        }

        Directory.CreateDirectory(target);
        var file = Path.Combine(target, created.Name);
        using (var request = Request(HttpMethod.Get, $"collections/{Uri.EscapeDataString(live)}/snapshots/{Uri.EscapeDataString(created.Name)}"))
        using (var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
        {
            await EnsureSuccessAsync(response, $"download of snapshot {created.Name}", cancellationToken).ConfigureAwait(false);
            await using var output = File.Create(file);
            await response.Content.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
        }
        var bytes = new FileInfo(file).Length;
        var sha256 = await Sha256Async(file, cancellationToken).ConfigureAwait(false);
        if (created.HasChecksum && !string.Equals(created.Checksum, sha256, StringComparison.OrdinalIgnoreCase))
            throw new IOException($"the downloaded snapshot {created.Name} does not match the SHA-256 Qdrant reported ({created.Checksum}); download it again");

        var manifest = new QdrantSnapshotManifest(Format, DateTimeOffset.UtcNow, _options.Url, index.Collection, live, created.Name, (long)points, bytes, sha256);
        await File.WriteAllTextAsync(Path.Combine(target, ManifestFileName), JsonSerializer.Serialize(manifest, ManifestJson), cancellationToken).ConfigureAwait(false);
        return manifest;
    }

    /// <summary>The manifest of a snapshot folder, after checking the file's size and SHA-256 against it.</summary>
    public static async Task<QdrantSnapshotManifest> ValidateAsync(string snapshotDirectory, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetFullPath(snapshotDirectory);
        var manifestPath = Path.Combine(folder, ManifestFileName);
        if (!File.Exists(manifestPath))
            throw new InvalidDataException($"{folder} is not a QABot snapshot: {ManifestFileName} is missing (make one with `qabot index snapshot DIR`)");
        var manifest = JsonSerializer.Deserialize<QdrantSnapshotManifest>(await File.ReadAllTextAsync(manifestPath, cancellationToken).ConfigureAwait(false), ManifestJson)
            ?? throw new InvalidDataException($"{manifestPath} is empty");
        if (manifest.Format != Format)
            throw new InvalidDataException($"{manifestPath} has format '{manifest.Format}', expected '{Format}' (a snapshot of the other backend?)");
        var file = Path.Combine(folder, manifest.SnapshotFile);
        if (!File.Exists(file)) throw new InvalidDataException($"snapshot file {manifest.SnapshotFile} is missing from {folder}");
        if (new FileInfo(file).Length != manifest.Bytes || await Sha256Async(file, cancellationToken).ConfigureAwait(false) != manifest.Sha256)
            throw new InvalidDataException($"snapshot file {manifest.SnapshotFile} in {folder} differs from the manifest (damaged or modified)");
        return manifest;
    }

    /// <summary>
    /// Uploads the snapshot as a new collection version, checks it holds the snapshot's points, and moves the alias to it.
    /// </summary>
    public async Task<QdrantRestoreResult> RestoreAsync(string snapshotDirectory, CancellationToken cancellationToken = default)
    {
        var manifest = await ValidateAsync(snapshotDirectory, cancellationToken).ConfigureAwait(false);
        var previous = await index.AliasTargetAsync(cancellationToken).ConfigureAwait(false);
        var version = await index.NextVersionAsync(cancellationToken).ConfigureAwait(false);

        var path = $"collections/{Uri.EscapeDataString(version)}/snapshots/upload?wait=true&priority=snapshot&checksum={manifest.Sha256}";
        using (var request = Request(HttpMethod.Post, path))
        await using (var file = File.OpenRead(Path.Combine(Path.GetFullPath(snapshotDirectory), manifest.SnapshotFile)))
        {
            var content = new MultipartFormDataContent();
            var part = new StreamContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "snapshot", manifest.SnapshotFile);
            request.Content = content;
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            await EnsureSuccessAsync(response, $"upload of snapshot {manifest.SnapshotFile} into collection {version}", cancellationToken).ConfigureAwait(false);
        }

        var points = (long)await index.Client.CountAsync(version, exact: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (points != manifest.Points)
            throw new InvalidDataException(
                $"collection {version} recovered from {manifest.SnapshotFile} holds {points} points, the snapshot had {manifest.Points}: the alias was not switched " +
                $"(alias '{index.Collection}' still points to '{previous ?? "(nothing)"}'; delete {version} when you have looked at it)");
        await index.SwitchToRestoredAsync(previous, version, cancellationToken).ConfigureAwait(false);
        return new QdrantRestoreResult(manifest, version, previous);
    }

    private HttpRequestMessage Request(HttpMethod method, string relative)
    {
        var request = new HttpRequestMessage(method, new Uri(_options.RestUri(), relative));
        if (!string.IsNullOrWhiteSpace(_options.ApiKey)) request.Headers.Add("api-key", _options.ApiKey);
        return request;
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        throw new HttpRequestException(
            $"Qdrant REST {what} at {_options.RestUri()} failed: {(int)response.StatusCode} {response.ReasonPhrase}: {body.Trim()[..Math.Min(body.Trim().Length, 300)]}",
            inner: null, response.StatusCode);
    }

    private static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }
}

/// <param name="Collection">The collection the snapshot was taken of (the alias's target at the time).</param>
/// <param name="Points">Points in the collection when the snapshot was taken: articles' manifests and chunks.</param>
public sealed record QdrantSnapshotManifest(
    string Format,
    DateTimeOffset Created,
    string Source,
    string Alias,
    string Collection,
    string SnapshotFile,
    long Points,
    long Bytes,
    string Sha256);

/// <param name="Collection">The new collection version the alias now points to.</param>
/// <param name="Replaced">The collection the alias pointed to before (kept); null when there was none.</param>
public sealed record QdrantRestoreResult(QdrantSnapshotManifest Manifest, string Collection, string? Replaced);
