using Lucene.Net.Store;
using QABot.Retrieval.Lucene;

namespace QABot.Retrieval.Tests.Lucene;

/// <summary>The index files as the searchers read them: every byte where it was written, across buffer refills.</summary>
[Trait("Category", "Retrieval")]
public sealed class PositionalReadDirectoryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "qabot-pread-" + Guid.NewGuid().ToString("N"));

    public PositionalReadDirectoryTests() => System.IO.Directory.CreateDirectory(_folder);

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    /// <summary>Three and a half buffers of bytes that differ at every position a buffer boundary could misplace.</summary>
    private static byte[] Written() => [.. Enumerable.Range(0, PositionalReadDirectory.ReadBufferSize * 7 / 2).Select(i => (byte)(i * 31 % 251))];

    private PositionalReadDirectory WithFile(byte[] bytes)
    {
        var directory = new PositionalReadDirectory(new DirectoryInfo(_folder));
        using var output = directory.CreateOutput("data.bin", IOContext.DEFAULT);
        output.WriteBytes(bytes, bytes.Length);
        return directory;
    }

    [Fact]
    public void Reads_back_every_byte_across_refills_and_from_a_clone_at_its_own_position()
    {
        var bytes = Written();
        using var directory = WithFile(bytes);
        using var input = directory.OpenInput("data.bin", IOContext.READ_ONCE);

        Assert.Equal(bytes.Length, input.Length);
        var read = new byte[bytes.Length];
        for (var i = 0; i < 100; i++) read[i] = input.ReadByte();
        input.ReadBytes(read, 100, bytes.Length - 100);
        Assert.Equal(bytes, read);

        input.Seek(PositionalReadDirectory.ReadBufferSize - 3);
        var clone = (IndexInput)input.Clone();
        clone.Seek(10);
        Assert.Equal(bytes[PositionalReadDirectory.ReadBufferSize - 3], input.ReadByte());
        Assert.Equal(bytes[10], clone.ReadByte());
        Assert.Equal(bytes[PositionalReadDirectory.ReadBufferSize - 2], input.ReadByte());
    }

    [Fact]
    public void Reading_past_the_end_is_an_end_of_file_error()
    {
        var bytes = Written();
        using var directory = WithFile(bytes);
        using var input = directory.OpenInput("data.bin", IOContext.DEFAULT);

        input.Seek(bytes.Length - 2);
        input.ReadByte();
        input.ReadByte();
        Assert.ThrowsAny<EndOfStreamException>(() => input.ReadByte());
    }

    [Fact]
    public void A_missing_file_is_not_found()
    {
        using var directory = new PositionalReadDirectory(new DirectoryInfo(_folder));

        Assert.Throws<FileNotFoundException>(() => directory.OpenInput("missing.bin", IOContext.DEFAULT));
    }
}
