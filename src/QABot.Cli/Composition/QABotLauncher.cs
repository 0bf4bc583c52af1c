namespace QABot.Cli.Composition;

/// <summary>How to start QABot in a new process, for benchmarks that time what a user waits for.</summary>
public static class QABotLauncher
{
    /// <summary>
    /// The ./qabot launcher in the QABot root (what users run: it checks the build first), or, outside a checkout,
    /// dotnet with this very qabot.dll.
    /// </summary>
    public static IReadOnlyList<string> For(string contentRoot)
    {
        var script = Path.Combine(contentRoot, "qabot");
        if (File.Exists(script)) return [script];
        return ["dotnet", Path.Combine(AppContext.BaseDirectory, "qabot.dll")];
    }
}
