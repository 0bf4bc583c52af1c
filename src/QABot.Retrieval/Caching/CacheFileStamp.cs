using System.IO.Hashing;
using System.Text;

namespace QABot.Retrieval.Caching;

/// <summary>
/// Names a cache file by what it was built from. A non-cryptographic hash is enough (the stamp is no secret and a
/// collision only rebuilds a cache) and spares every cold start loading the OpenSSL-backed SHA-256.
/// </summary>
internal static class CacheFileStamp
{
    /// <summary>16 lower-case hex digits of the 64-bit XxHash3 of the stamp's UTF-8 bytes.</summary>
    public static string Hash(string stamp) => Convert.ToHexStringLower(XxHash3.Hash(Encoding.UTF8.GetBytes(stamp)));
}
