namespace QABot.Hosts.Telegram.Handling;

/// <summary>Callback data of a citation button: "src:&lt;answer key&gt;:&lt;citation number&gt;", well under Telegram's 64 bytes.</summary>
public readonly record struct CitationCallback(string AnswerKey, int CitationNumber)
{
    private const string Prefix = "src:";
    public const int MaxDataBytes = 64;

    public string Encode() => $"{Prefix}{AnswerKey}:{CitationNumber}";

    public static bool TryParse(string? data, out CitationCallback callback)
    {
        callback = default;
        if (data is null || !data.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var parts = data[Prefix.Length..].Split(':');
        if (parts.Length != 2 || parts[0].Length == 0 || !int.TryParse(parts[1], out var number)) return false;
        callback = new CitationCallback(parts[0], number);
        return true;
    }
}
