using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace QABot.Cli.Composition;

/// <summary>
/// One line for a failure, as the command boundary prints it: the outer message followed by each cause the outer one
/// does not already say ("Writing to the index failed: No space left on device"), first lines only, so a message that
/// embeds a stack trace (Lucene's lock errors do) still prints as one line. Stack traces are for --verbose.
/// </summary>
public static partial class ErrorText
{
    public static string Describe(Exception exception)
    {
        if (Find<SocketException>(exception) is { SocketErrorCode: SocketError.AddressAlreadyInUse })
            return PortInUse(exception);

        var parts = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var line = TypeNamePrefix().Replace(FirstLine(e.Message), "").Trim().TrimEnd('.');
            if (line.Length == 0 || parts.Any(p => p.Contains(line, StringComparison.Ordinal))) continue;
            parts.Add(line);
        }
        var text = parts.Count == 0 ? exception.GetType().Name : string.Join(": ", parts);
        if (Find<UnauthorizedAccessException>(exception) is not null) text += " (check that the data directory is writable, or pass --data-dir)";
        return text;
    }

    /// <summary>"Failed to bind to address http://127.0.0.1:5080: address already in use." → "port 5080 is in use; pass --urls".</summary>
    private static string PortInUse(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (BoundUrl().Match(e.Message) is { Success: true } url)
                return $"port {url.Groups["port"].Value} is in use ({url.Value}); pass --urls to listen elsewhere";
        return "the port is in use; pass --urls to listen elsewhere";
    }

    private static T? Find<T>(Exception exception) where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is T found) return found;
        return null;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    /// <summary>"System.UnauthorizedAccessException: " inside a message that quotes another exception.</summary>
    [GeneratedRegex(@"\b(?:System|Lucene|Microsoft)(?:\.\w+)*\.\w*Exception:\s*")]
    private static partial Regex TypeNamePrefix();

    [GeneratedRegex(@"https?://[^\s/]+?:(?<port>\d+)")]
    private static partial Regex BoundUrl();
}
