using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace QABot.Retrieval.Lucene;

/// <summary>
/// The NIOFS directory with index files read by plain positional reads into 4 KB buffers. Lucene.Net's NIOFS input
/// refills a 1 KB buffer through a stream that asks the file for its length before every read (an fstat): postings,
/// term dictionary and stored-field reads paid that on every refill, and the fstat alone was 5.6% of the answer path's
/// sampled time in a dotnet-trace profile of `qabot bench query` on the 31.5k index. Index files are written once and
/// never change, so their length is read once, as NIOFS does for its end-of-file check. Compound-file slices stay NIOFS's.
/// </summary>
internal sealed class PositionalReadDirectory(DirectoryInfo path) : NIOFSDirectory(path)
{
    /// <summary>Bytes per buffer: a page holds a postings block or a stored-fields chunk header at once.</summary>
    internal const int ReadBufferSize = 4096;

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var file = Path.Combine(Directory.FullName, name);
        var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        try
        {
            return new PositionalReadInput($"PositionalReadInput(path=\"{file}\")", handle, Math.Max(ReadBufferSize, BufferedIndexInput.GetBufferSize(context)));
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>One index file read with pread: no shared stream position, so clones on other threads take no lock.</summary>
    private sealed class PositionalReadInput : BufferedIndexInput
    {
        private readonly SafeFileHandle _handle;
        private readonly long _length;
        /// <summary>A clone shares the original's handle and leaves it open.</summary>
        private bool _isClone;
        private int _disposed;

        public PositionalReadInput(string description, SafeFileHandle handle, int bufferSize) : base(description, bufferSize)
        {
            _handle = handle;
            _length = RandomAccess.GetLength(handle);
        }

        public override long Length => _length;

        protected override void ReadInternal(byte[] b, int offset, int length)
        {
            var position = Position;
            if (position + length > _length) throw new EndOfStreamException($"read past EOF: {this}");
            var target = b.AsSpan(offset, length);
            while (!target.IsEmpty)
            {
                var read = RandomAccess.Read(_handle, target, position);
                if (read <= 0) throw new EndOfStreamException($"read past EOF: {this} pos: {position} remaining: {target.Length} end: {_length}");
                position += read;
                target = target[read..];
            }
        }

        protected override void SeekInternal(long pos)
        {
        }

        public override object Clone()
        {
            var clone = (PositionalReadInput)base.Clone();
            clone._isClone = true;
            return clone;
        }

        protected override void Dispose(bool disposing)
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            if (disposing && !_isClone) _handle.Dispose();
        }
    }
}
