using Lucene.Net.Store;

namespace QABot.Retrieval.Lucene;

/// <summary>
/// The NIOFS directory with larger read buffers than Lucene's 1 KB default. Each refill of a buffer is a positional
/// read, and Lucene.Net asks the file for its length before every one (an fstat): with 1 KB buffers, postings, term
/// dictionary and stored-field reads paid that about a thousand times per question, some 8% of the answer path's CPU
/// in profiles of `qabot bench query` on the 31.5k index. Clones of an input (one per term enumerated) keep its size.
/// </summary>
internal sealed class LargeBufferNIOFSDirectory(DirectoryInfo path) : NIOFSDirectory(path)
{
    /// <summary>Bytes per buffer: a page holds a postings block or a compressed stored-fields chunk's header at once.</summary>
    internal const int ReadBufferSize = 4096;

    public override IndexInput OpenInput(string name, IOContext context)
    {
        var input = base.OpenInput(name, context);
        if (input is BufferedIndexInput buffered && buffered.BufferSize < ReadBufferSize) buffered.SetBufferSize(ReadBufferSize);
        return input;
    }
}
