using System.Text;

namespace QABot.Retrieval.Caching;

/// <summary>
/// Writes a binary cache file so that readers only ever see a whole one: the content goes to a file aside (named by
/// process), which then replaces the target; a concurrent process writing the same file just replaces it again.
/// </summary>
internal static class WholeFile
{
    /// <summary>False (with the partial file removed) when the folder or disk refuses; a cache then simply stays cold.</summary>
    public static bool TryWrite(string path, Action<BinaryWriter> write, out Exception? failure)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var writer = new BinaryWriter(new BufferedStream(File.Create(temporary), 1 << 16), Encoding.UTF8))
                write(writer);
            File.Move(temporary, path, overwrite: true);
            failure = null;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temporary); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            failure = e;
            return false;
        }
    }
}
