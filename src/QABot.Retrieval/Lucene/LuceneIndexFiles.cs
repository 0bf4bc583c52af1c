using System.Text.RegularExpressions;

namespace QABot.Retrieval.Lucene;

/// <summary>Which file names in an index folder are Lucene's own index data (commits and segment files).</summary>
internal static partial class LuceneIndexFiles
{
    /// <summary>
    /// Commit points (<c>segments_N</c>, <c>segments.gen</c>) and segment files (<c>_0.si</c>, <c>_3_Lucene41_0.doc</c>,
    /// <c>_1_2.del</c>): the names Lucene's codecs write. Lock files and anything else a user put there are not index data.
    /// </summary>
    public static bool BelongToIndex(string fileName) =>
        fileName.StartsWith("segments", StringComparison.Ordinal) || SegmentFile().IsMatch(fileName);

    [GeneratedRegex(@"^_[a-z0-9]+(_.*)?\..+$")]
    private static partial Regex SegmentFile();
}
