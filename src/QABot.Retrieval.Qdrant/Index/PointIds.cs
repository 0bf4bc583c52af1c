using System.Security.Cryptography;
using System.Text;

namespace QABot.Retrieval.Qdrant.Index;

/// <summary>
/// Deterministic point ids (RFC 4122 UUID version 5, SHA-1 of namespace + name): the same chunk always lands on the
/// same point, so re-ingesting overwrites instead of duplicating. Chunks and manifests use separate namespaces,
/// so no article id can make a manifest id collide with a chunk id.
/// </summary>
public static class PointIds
{
    /// <summary>RFC 4122's URL namespace, used for chunk ids.</summary>
    public static readonly Guid ChunkNamespace = Guid.Parse("6ba7b811-9dad-11d1-80b4-00c04fd430c8");
    /// <summary>A namespace of this project's own, for article manifest points.</summary>
    public static readonly Guid ManifestNamespace = Guid.Parse("3d1f2a6e-5b0c-4e7a-9c4b-2f8e6a1d7b90");

    public static Guid ForChunk(string chunkId) => UuidV5(ChunkNamespace, chunkId);

    public static Guid ForManifest(string articleId) => UuidV5(ManifestNamespace, articleId);

    public static Guid UuidV5(Guid @namespace, string name)
    {
        Span<byte> namespaceBytes = stackalloc byte[16];
        @namespace.TryWriteBytes(namespaceBytes, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        namespaceBytes.CopyTo(input);
        nameBytes.CopyTo(input, 16);
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
        var uuid = hash[..16];
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50); // version 5
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(uuid, bigEndian: true);
    }
}
