using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace QABot.Qdrant.Tests.StandIn;

/// <summary>
/// Qdrant's two REST snapshot transfers, as the stand-in does them: <c>GET /collections/{c}/snapshots/{name}</c>
/// returns the file <see cref="SnapshotsStandIn"/> made, and <c>POST /collections/{c}/snapshots/upload</c> (multipart
/// field <c>snapshot</c>, optional <c>checksum</c>) recovers such a file into collection <c>c</c>, created if missing.
/// </summary>
internal static class StandInSnapshotFiles
{
    public static void Map(WebApplication app, StandInStore store)
    {
        app.MapGet("/collections/{collection}/snapshots/{name}", (string collection, string name) =>
            store.Locked(s => s.SnapshotFile(collection, name)) is { } file
                ? Results.Bytes(file, "application/octet-stream")
                : Results.NotFound(new { status = new { error = $"Not found: Snapshot {name} not found" } }));
        app.MapPost("/collections/{collection}/snapshots/upload",
            async (string collection, string? checksum, HttpRequest request) =>
            {
                var form = await request.ReadFormAsync();
                if (form.Files.GetFile("snapshot") is not { } upload)
                    return Results.BadRequest(new { status = new { error = "no snapshot file in the form" } });
                using var buffer = new MemoryStream();
                await upload.CopyToAsync(buffer);
                var bytes = buffer.ToArray();
                if (checksum is not null && checksum != Convert.ToHexStringLower(SHA256.HashData(bytes)))
                    return Results.BadRequest(new { status = new { error = "Snapshot checksum mismatch" } });
                return store.Locked(s => s.Recover(collection, bytes))
                    ? Results.Ok(new { result = true, status = "ok" })
                    : Results.BadRequest(new { status = new { error = "not a snapshot this server made" } });
            });
    }
}
