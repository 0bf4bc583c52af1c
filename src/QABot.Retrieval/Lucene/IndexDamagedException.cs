namespace QABot.Retrieval.Lucene;

/// <summary>
/// The index folder holds data that cannot be read as an index. Nothing is created or written over it; the message
/// names what is missing and the command that inspects it (<c>qabot index check</c>).
/// </summary>
public sealed class IndexDamagedException : IOException
{
    public IndexDamagedException(string message) : base(message) { }

    public IndexDamagedException(string message, Exception? inner) : base(message, inner) { }
}
