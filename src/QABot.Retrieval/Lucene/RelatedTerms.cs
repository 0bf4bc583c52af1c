using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QABot.Retrieval.Caching;

namespace QABot.Retrieval.Lucene;

/// <summary>
/// Index terms grouped by a coarse Arabic consonant skeleton, so a query word also meets its other derived and
/// broken-plural forms that the light stemmer keeps apart («ترنيمة»/«ترانيم», «المطرية»/«المطيرة», «تشكلت»/«شكل»).
/// Built from the term dictionary of one index snapshot on first use (no cost at ingest), then cached with it in
/// memory and, per commit, in the data directory's cache folder: every cold process would otherwise walk the whole
/// term dictionary before its first answer.
/// </summary>
internal sealed class RelatedTerms
{
    /// <summary>
    /// Lazy: a new snapshot's warm-up task and the first query on it ask at once, and a table callback may run on both
    /// (each then reading or building the whole map).
    /// </summary>
    private static readonly ConditionalWeakTable<IndexReader, Lazy<RelatedTerms>> Cache = new();

    private readonly Dictionary<string, (string Term, int DocFreq)[]> _bySkeleton;

    private RelatedTerms(Dictionary<string, (string, int)[]> bySkeleton) => _bySkeleton = bySkeleton;

    /// <param name="cacheDirectory">Where the groups of each commit are kept between processes; null keeps them in memory only.</param>
    public static RelatedTerms For(IndexReader reader, string? cacheDirectory = null, ILogger? logger = null) =>
        Cache.GetValue(reader, r => new Lazy<RelatedTerms>(() => Load(r, cacheDirectory, logger ?? NullLogger.Instance))).Value;

    /// <summary>Other index terms with the same skeleton as <paramref name="term"/>, most frequent first.</summary>
    public IEnumerable<string> Of(string term, int max)
    {
        if (Skeleton(term) is not { } skeleton || !_bySkeleton.TryGetValue(skeleton, out var related)) return [];
        return related.Where(r => r.Term != term).Take(max).Select(r => r.Term);
    }

    /// <summary>
    /// Drops verb/noun affixes the light stemmer leaves (ت، ي، ن، م، ا prefixes; ت، ا suffixes) and the long vowels
    /// inside, keeping at least three letters. Null for words too short or not Arabic.
    /// </summary>
    internal static string? Skeleton(string term)
    {
        if (term.Length < 3 || !Text.ArabicNormalizer.IsArabicLetter(term[0])) return null;
        var s = term.AsSpan();
        if (s.Length >= 5 && s.StartsWith("است")) s = s[3..];
        else if (s.Length >= 5 && (s[0] is 'ت' or 'ي' or 'ن' or 'م' or 'ا')) s = s[1..];
        // A trailing ت/ا/ه is an ending only if three consonants remain without it («شكلت» → شكل, but «ثابت» stays).
        if (s.Length >= 4 && s[^1] is 'ت' or 'ا' or 'ه' && Consonants(s[..^1]) is { } shorter) return shorter;
        return Consonants(s);
    }

    private static string? Consonants(ReadOnlySpan<char> s)
    {
        Span<char> buffer = stackalloc char[s.Length];
        var length = 0;
        for (var i = 0; i < s.Length; i++)
            if (i == 0 || s[i] is not ('ا' or 'و' or 'ي')) buffer[length++] = s[i];
        return length >= 3 ? new string(buffer[..length]) : null;
    }

    internal int GroupCount => _bySkeleton.Count;

    private static RelatedTerms Load(IndexReader reader, string? cacheDirectory, ILogger logger)
    {
        var file = cacheDirectory is null ? null : CacheFile.For(cacheDirectory, reader);
        if (file?.TryRead(logger) is { } cached) return new RelatedTerms(cached);
        var built = Build(reader);
        file?.TryWrite(built, logger);
        return new RelatedTerms(built);
    }

    internal static Dictionary<string, (string, int)[]> Build(IndexReader reader)
    {
        var groups = new Dictionary<string, List<(string, int)>>(StringComparer.Ordinal);
        var terms = MultiFields.GetTerms(reader, IndexFields.Body);
        if (terms is not null)
        {
            var iterator = terms.GetEnumerator();
            while (iterator.MoveNext())
            {
                var text = iterator.Term.Utf8ToString();
                if (Skeleton(text) is not { } skeleton) continue;
                if (!groups.TryGetValue(skeleton, out var list)) groups[skeleton] = list = [];
                list.Add((text, iterator.DocFreq));
            }
        }
        return groups.ToDictionary(g => g.Key, g => g.Value.OrderByDescending(t => t.Item2).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>
    /// The groups of one index commit in <c>related-terms-HASH.bin</c>. The hash covers the commit's file names and
    /// its user data (which holds the commit time), so a new commit never reads an older commit's groups;
    /// the file repeats that stamp and the reader's document counts, and a file that does not match is rebuilt. Files
    /// appear whole (written aside, then renamed) and only the newest few are kept. A cache that cannot be read or
    /// written is only logged.
    /// </summary>
    internal sealed class CacheFile
    {
        /// <summary>Bump whenever <see cref="Skeleton"/> or the grouping changes.</summary>
        private const int FormatVersion = 1;
        private const string Magic = "QABOT-RELATED-TERMS";
        private const string Prefix = "related-terms-";
        internal const int Kept = 3;

        private readonly string _stamp;
        private readonly int _maxDoc;
        private readonly int _numDocs;

        private CacheFile(string path, string stamp, int maxDoc, int numDocs) => (FilePath, _stamp, _maxDoc, _numDocs) = (path, stamp, maxDoc, numDocs);

        public string FilePath { get; }

        /// <summary>
        /// Null for a reader not opened on a commit (the stamp would not name its contents) and for an empty index,
        /// whose groups cost nothing to build.
        /// </summary>
        public static CacheFile? For(string cacheDirectory, IndexReader reader)
        {
            if (reader is not DirectoryReader { MaxDoc: > 0 } directoryReader) return null;
            try
            {
                var commit = directoryReader.IndexCommit;
                // The user data holds the commit time, so a rebuilt index that reuses a generation gets a new stamp too;
                // naming the files without their lengths spares a stat call per file on every cold start.
                var files = commit.FileNames.OrderBy(f => f, StringComparer.Ordinal);
                var userData = commit.UserData.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}");
                var stamp = string.Join('|', [FormatVersion.ToString(CultureInfo.InvariantCulture), commit.SegmentsFileName, .. files, .. userData]);
                var hash = CacheFileStamp.Hash(stamp);
                return new CacheFile(Path.Combine(cacheDirectory, $"{Prefix}{hash}.bin"), stamp, reader.MaxDoc, reader.NumDocs);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
            {
                return null;
            }
        }

        public Dictionary<string, (string, int)[]>? TryRead(ILogger logger)
        {
            if (!File.Exists(FilePath)) return null;
            try
            {
                using var file = File.OpenRead(FilePath);
                var length = file.Length;
                using var reader = new BinaryReader(new BufferedStream(file, 1 << 16), Encoding.UTF8);
                if (reader.ReadString() != Magic || reader.ReadString() != _stamp || reader.ReadInt32() != _maxDoc || reader.ReadInt32() != _numDocs) return null;
                var count = Count(reader, length);
                var groups = new Dictionary<string, (string, int)[]>(count, StringComparer.Ordinal);
                for (var i = 0; i < count; i++)
                {
                    var skeleton = reader.ReadString();
                    var terms = new (string, int)[Count(reader, length)];
                    for (var t = 0; t < terms.Length; t++) terms[t] = (reader.ReadString(), reader.ReadInt32());
                    groups[skeleton] = terms;
                }
                // The count again at the end: a file cut short is caught here, not used.
                return reader.ReadInt32() == count ? groups : null;
            }
            catch (Exception e) when (e is IOException or EndOfStreamException or UnauthorizedAccessException or FormatException)
            {
                logger.LogDebug(e, "Related-terms cache {Path} unreadable; building the groups from the index instead.", FilePath);
                return null;
            }
        }

        /// <summary>
        /// A count that fits in the file; a damaged one would otherwise allocate without bound. (Not the bytes left:
        /// asking a buffered file stream its length is a system call, and there are as many counts as groups.)
        /// </summary>
        private static int Count(BinaryReader reader, long fileLength)
        {
            var count = reader.ReadInt32();
            return count >= 0 && count <= fileLength ? count : throw new FormatException($"a count of {count} in a file of {fileLength} bytes");
        }

        public void TryWrite(Dictionary<string, (string, int)[]> groups, ILogger logger)
        {
            var written = WholeFile.TryWrite(FilePath, writer =>
            {
                writer.Write(Magic);
                writer.Write(_stamp);
                writer.Write(_maxDoc);
                writer.Write(_numDocs);
                writer.Write(groups.Count);
                foreach (var (skeleton, terms) in groups)
                {
                    writer.Write(skeleton);
                    writer.Write(terms.Length);
                    foreach (var (term, docFreq) in terms)
                    {
                        writer.Write(term);
                        writer.Write(docFreq);
                    }
                }
                writer.Write(groups.Count);
            }, out var failure);
            if (written) Prune(Path.GetDirectoryName(FilePath)!, FilePath);
            else logger.LogDebug(failure, "Could not keep the related-terms cache at {Path}; the groups are built again next time.", FilePath);
        }

        /// <summary>
        /// Drops all but the newest <see cref="Kept"/>: a few, not one, as processes still on an older commit (a server
        /// that has not reopened yet, a restored snapshot) would otherwise rebuild and rewrite theirs in turn.
        /// </summary>
        private static void Prune(string directory, string keep)
        {
            var stale = new DirectoryInfo(directory).GetFiles(Prefix + "*.bin")
                .Where(f => f.FullName != keep)
                .OrderByDescending(f => f.LastWriteTimeUtc)
                .Skip(Kept - 1);
            foreach (var file in stale)
            {
                try { file.Delete(); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }
    }
}
