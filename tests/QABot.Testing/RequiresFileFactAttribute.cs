using Xunit;

namespace QABot.Testing;

/// <summary>A fact that is reported as skipped, with the reason, when third-party input it reads is not installed.</summary>
public sealed class RequiresFileFactAttribute : FactAttribute
{
    /// <param name="path">Absolute, or relative to the shared material folder (../shared).</param>
    public RequiresFileFactAttribute(string path)
    {
        var full = Path.IsPathRooted(path) ? path : RepoPaths.SharedFile(path.Split('/'));
        if (!File.Exists(full)) Skip = $"{full} is not present on this machine";
    }
}
