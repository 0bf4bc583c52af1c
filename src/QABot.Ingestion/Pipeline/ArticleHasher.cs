using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using QABot.Core.Domain;
using QABot.Text;
using QABot.Text.Chunking;

namespace QABot.Ingestion.Pipeline;

/// <summary>
/// The two hashes that make re-ingest incremental. <see cref="BodyHash"/> identifies the text regardless of
/// spelling variants (folded letters, no diacritics, collapsed whitespace), so the same story scraped twice is one
/// article. <see cref="ContentHash"/> covers everything stored, plus the chunking settings, so any change to the
/// article or to how it would be chunked causes a rewrite and nothing else does.
/// </summary>
public static class ArticleHasher
{
    /// <summary>Bump when parsing or storage changes so every article is rewritten on the next ingest.</summary>
    private const string FormatVersion = "ingest-v1";

    public static string BodyHash(string body)
    {
        var folded = ArrayPool<char>.Shared.Rent(body.Length);
        try
        {
            var length = 0;
            var pendingSpace = false;
            foreach (var c in body)
            {
                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = length > 0;
                    continue;
                }
                var f = ArabicNormalizer.Fold(c);
                if (f == '\0') continue;
                if (pendingSpace) folded[length++] = ' ';
                pendingSpace = false;
                folded[length++] = char.ToLowerInvariant(f);
            }
            return Sha256Hex(folded.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(folded);
        }
    }

    public static string ContentHash(Article article, ChunkingOptions chunking)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, FormatVersion);
        Append(hash, chunking.MaxChars.ToString(CultureInfo.InvariantCulture));
        Append(hash, chunking.OverlapSentences.ToString(CultureInfo.InvariantCulture));
        Append(hash, article.Id);
        Append(hash, article.Title);
        Append(hash, article.Source);
        Append(hash, article.Url);
        Append(hash, article.Published?.ToString("O", CultureInfo.InvariantCulture));
        Append(hash, article.Language);
        Append(hash, article.HostArticleId);
        Append(hash, string.Join('\u001e', article.Keywords));
        Append(hash, article.Body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string? value)
    {
        // A separator after every field, and a marker for null, so ("ab", "c") and ("a", "bc") differ.
        if (value is null)
        {
            hash.AppendData("\u001f\u0000"u8);
            return;
        }
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            var written = Encoding.UTF8.GetBytes(value, buffer);
            hash.AppendData(buffer, 0, written);
            hash.AppendData("\u001f"u8);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string Sha256Hex(ReadOnlySpan<char> text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var written = Encoding.UTF8.GetBytes(text, buffer);
            Span<byte> digest = stackalloc byte[32];
            SHA256.HashData(buffer.AsSpan(0, written), digest);
            return Convert.ToHexStringLower(digest);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
