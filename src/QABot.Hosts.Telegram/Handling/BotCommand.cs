namespace QABot.Hosts.Telegram.Handling;

/// <summary>A "/command" or "/command@botname" message. Commands addressed to another bot are not ours.</summary>
public readonly record struct BotCommand(string Name, string Arguments)
{
    public static bool TryParse(string text, string? botUsername, out BotCommand command)
    {
        command = default;
        var trimmed = text.TrimStart();
        if (trimmed.Length < 2 || trimmed[0] != '/') return false;
        var end = trimmed.IndexOfAny([' ', '\n', '\t']);
        var head = end < 0 ? trimmed[1..] : trimmed[1..end];
        var at = head.IndexOf('@');
        if (at >= 0)
        {
            if (botUsername is null || !head[(at + 1)..].Equals(botUsername, StringComparison.OrdinalIgnoreCase)) return false;
            head = head[..at];
        }
        if (head.Length == 0) return false;
        command = new BotCommand(head.ToLowerInvariant(), end < 0 ? "" : trimmed[end..].Trim());
        return true;
    }
}
