using System.Security.Cryptography;
using System.Text;
using QABot.Core.Domain;
using QABot.Ingestion;
using QABot.Retrieval.Extensions;
using QABot.Text;

namespace QABot.Evaluation.Hosting;

/// <summary>
/// A data directory holding one index of a set of corpus files, kept between eval runs: building the ANT index takes
/// a while, and the answerer under test changes far more often than the corpus. The directory is keyed by the files'
/// contents, the settings that shape an index, and the builds of the code that writes it (Core, Text, Ingestion,
/// Retrieval), so a change to any of them gets a fresh index instead of a stale one.
/// </summary>
public static class CorpusIndexCache
{
    /// <summary>Written last, after the ingest committed: a directory without it is an interrupted build and is rebuilt.</summary>
    public const string CompleteMarker = "eval-index-complete";

    /// <summary>How many built indexes are kept; older ones are removed when a new one is built.</summary>
    public const int KeptIndexes = 2;

    /// <summary>Settings read when articles are written; query-time ones (Retrieval:Top, the dictionaries) are not here.</summary>
    private static readonly string[] IndexShapingSections = ["Retrieval:Backend", "Retrieval:Qdrant", "Ingestion", "Embeddings"];

    /// <summary>The user's cache folder: $XDG_CACHE_HOME/qabot/eval, ~/.cache/qabot/eval, or LocalApplicationData on Windows.</summary>
    public static string DefaultRoot()
    {
        if (OperatingSystem.IsWindows())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "qabot", "eval");
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var cache = xdg is { Length: > 0 } ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(cache, "qabot", "eval");
    }

    /// <summary>The hex key of an index of <paramref name="corpusPaths"/> under <paramref name="settings"/> (base settings then overrides).</summary>
    public static string Key(IReadOnlyList<string> corpusPaths, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));

        foreach (var path in corpusPaths)
        {
            Add("corpus");
            foreach (var file in CorpusFiles(path))
            {
                Add(Path.GetRelativePath(path, file));
                using var stream = File.OpenRead(file);
                hash.AppendData(SHA256.HashData(stream));
            }
        }
        foreach (var (key, value) in settings
                     .Where(s => IndexShapingSections.Any(section => s.Key.StartsWith(section, StringComparison.OrdinalIgnoreCase)))
                     .GroupBy(s => s.Key, StringComparer.OrdinalIgnoreCase).Select(g => g.Last())
                     .OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase))
            Add($"{key.ToLowerInvariant()}={value}");
        // The builds of the code that parses, analyses and stores articles: their ids change only when their code does.
        foreach (var assembly in new[] { typeof(Article).Assembly, typeof(ArabicNormalizer).Assembly, typeof(IngestionPipeline).Assembly, typeof(RetrievalExtensions).Assembly })
            Add(assembly.ManifestModule.ModuleVersionId.ToString("N"));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    public static bool IsComplete(string directory) => File.Exists(Path.Combine(directory, CompleteMarker));

    public static void MarkComplete(string directory, string description) =>
        File.WriteAllText(Path.Combine(directory, CompleteMarker), description + "\n");

    /// <summary>Empties a directory left by an interrupted build, so the ingest starts from nothing.</summary>
    public static void Reset(string directory)
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory);
    }

    /// <summary>Removes all but the newest <see cref="KeptIndexes"/> complete indexes under <paramref name="root"/>, never <paramref name="keep"/>.</summary>
    public static void Prune(string root, string keep)
    {
        var stale = new DirectoryInfo(root).EnumerateDirectories()
            .Where(d => IsComplete(d.FullName) && !string.Equals(d.FullName, Path.GetFullPath(keep), StringComparison.Ordinal))
            .OrderByDescending(d => File.GetLastWriteTimeUtc(Path.Combine(d.FullName, CompleteMarker)))
            .Skip(KeptIndexes - 1);
        foreach (var directory in stale)
        {
            try { directory.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static IEnumerable<string> CorpusFiles(string path)
    {
        if (File.Exists(path)) return [path];
        if (Directory.Exists(path)) return Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        throw new FileNotFoundException($"corpus not found: {path}", path);
    }
}
