using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace QABot.Retrieval.CrossLingual;

/// <summary>
/// The common English words (a word list, one a line, such as Debian's wbritish-small), read on first use. FreeDict's
/// Arabic→English senses mix plain words with archaic and technical ones in no order of use («الحرب»: unpeace, werre,
/// warfare, war); a sense outside this list is one a reader would not understand in a short answer. A missing list is
/// logged once and reported as unavailable, never a failure.
/// </summary>
public sealed class CommonEnglishWords
{
    private readonly Lazy<HashSet<string>> _words;

    public CommonEnglishWords(string path, ILogger? logger = null) =>
        _words = new(() => Load(path, logger ?? NullLogger.Instance), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The words given (tests).</summary>
    public CommonEnglishWords(IEnumerable<string> words) =>
        _words = new(() => words.Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal));

    public bool IsAvailable => _words.Value.Count > 0;

    /// <summary>Every word of the list, lower-cased.</summary>
    public IEnumerable<string> All => _words.Value;

    /// <summary>Whether every word of <paramref name="english"/> is a common one ("air traffic": both).</summary>
    public bool Contains(string english) =>
        english.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } words && words.All(w => _words.Value.Contains(w.ToLowerInvariant()));

    private static HashSet<string> Load(string path, ILogger logger)
    {
        try
        {
            // Possessives ("war's") are listed beside the word; they are no sense a dictionary gives.
            return File.ReadLines(path).Where(l => l.Length > 0 && !l.Contains('\''))
                .Select(l => l.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(
                "Common English word list not found at {Path}: English answers render dictionary phrases of one word only. Install wbritish-small or set Retrieval:CrossLingual:CommonEnglishWordsPath.",
                path);
            return [];
        }
    }
}
