namespace QABot.Ingestion.Reading;

/// <summary>
/// Reads lines as raw UTF-8 bytes, so JSONL records go to the JSON reader without a detour through strings.
/// The buffer grows to fit the longest line, up to <see cref="MaxLineBytes"/>.
/// </summary>
public sealed class Utf8LineReader(Stream stream)
{
    public const int MaxLineBytes = 64 * 1024 * 1024;

    private byte[] _buffer = new byte[64 * 1024];
    private int _start, _end;
    private bool _eof;

    /// <summary>Number of lines returned so far: the 1-based number of the last line.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Bytes read from the stream so far (decompressed bytes, for a gzip stream).</summary>
    public long BytesRead { get; private set; }

    /// <summary>False when the last line returned ended at the end of the stream without a newline.</summary>
    public bool LastLineTerminated { get; private set; } = true;

    /// <summary>The first bytes of the stream, for sniffing binary content before parsing.</summary>
    public ReadOnlySpan<byte> Peek()
    {
        while (!_eof && _end - _start < 8192 && _end < _buffer.Length) Fill();
        return _buffer.AsSpan(_start, _end - _start);
    }

    /// <returns>The next line without its terminator, or false at the end of the stream. The memory is valid until the next call.</returns>
    public bool TryReadLine(out ReadOnlyMemory<byte> line)
    {
        var scanned = 0;
        while (true)
        {
            var newline = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var length = scanned + newline;
                line = TrimCarriageReturn(_buffer.AsMemory(_start, length));
                _start += length + 1;
                LineNumber++;
                LastLineTerminated = true;
                return true;
            }
            scanned = _end - _start;
            if (_eof)
            {
                if (_end > _start)
                {
                    line = TrimCarriageReturn(_buffer.AsMemory(_start, _end - _start));
                    _start = _end;
                    LineNumber++;
                    LastLineTerminated = false;
                    return true;
                }
                line = default;
                return false;
            }
            if (_start > 0 && _end - _start < _buffer.Length / 2)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            else if (_end == _buffer.Length)
            {
                if (_buffer.Length >= MaxLineBytes) throw new InvalidDataException($"line {LineNumber + 1} is longer than {MaxLineBytes / (1024 * 1024)} MB");
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
            Fill();
        }
    }

    private void Fill()
    {
        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _eof = true;
        else
        {
            _end += read;
            BytesRead += read;
        }
    }

    private static ReadOnlyMemory<byte> TrimCarriageReturn(ReadOnlyMemory<byte> line) =>
        line.Length > 0 && line.Span[^1] == (byte)'\r' ? line[..^1] : line;
}
