namespace QABot.Testing;

/// <summary>Locates the repository root (the folder holding QABot.sln) and the read-only ../shared material beside it.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    public static string Root => RootLazy.Value;
    public static string SampleCorpus => Path.Combine(Root, "corpus", "sample");
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));
    public static string SharedFile(params string[] parts) => Path.Combine([Shared, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "QABot.sln"))) return dir.FullName;
        throw new InvalidOperationException("QABot.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary directory deleted on dispose, for data dirs and fixture files.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "qabot-test-" + Guid.NewGuid().ToString("N")[..12]);

    public TempDirectory() => Directory.CreateDirectory(Path);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
