namespace QABot.Text.Chunking;

/// <param name="MaxChars">Upper bound of a chunk's length; chunks are filled with whole sentences up to it (so most land at 700–1000).</param>
/// <param name="OverlapSentences">How many trailing sentences of a chunk are repeated at the start of the next one.</param>
public sealed record ChunkingOptions(int MaxChars = 1000, int OverlapSentences = 1)
{
    public static ChunkingOptions Default { get; } = new();
}
