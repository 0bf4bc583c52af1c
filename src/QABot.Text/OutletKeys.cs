namespace QABot.Text;

/// <summary>
/// The form in which outlet names are compared by every backend's source filter (trimmed, Arabic-folded, lower case),
/// so «سكاي نيوز عربية» and «سكاي نيوز عربيه» select the same articles on Lucene and on Qdrant.
/// </summary>
public static class OutletKeys
{
    public static string For(string source) => ArabicNormalizer.NormalizeLower(source.Trim());
}
