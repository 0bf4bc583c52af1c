namespace QABot.Evaluation.Hosting;

/// <summary>A private data directory for one run, removed afterwards unless the caller asked to keep it.</summary>
public sealed class ScratchDirectory : IDisposable
{
    public ScratchDirectory(string? root, string name, bool keep)
    {
        Keep = keep;
        Path = System.IO.Path.Combine(root ?? System.IO.Path.GetTempPath(), $"qabot-{name}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }
    public bool Keep { get; }

    public long SizeOnDisk() =>
        Directory.Exists(Path) ? new DirectoryInfo(Path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;

    public void Dispose()
    {
        if (Keep) return;
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
