namespace QABot.Hosts.Telegram.Options;

/// <summary>Bound from section "Telegram". The token may also come from the TELEGRAM_BOT_TOKEN environment variable.</summary>
public sealed class TelegramOptions
{
    public const string SectionName = "Telegram";
    public const string TokenEnvironmentVariable = "TELEGRAM_BOT_TOKEN";

    public bool Enabled { get; set; } = true;

    /// <summary>Secret: never logged. Prefer the environment variable over a config file.</summary>
    public string Token { get; set; } = "";

    /// <summary>Bot API server; empty means api.telegram.org. Set for a local Bot API server (or a test stand-in).</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>When set, the bot registers this public HTTPS URL as its webhook instead of long polling.</summary>
    public string WebhookUrl { get; set; } = "";

    /// <summary>Telegram echoes it in X-Telegram-Bot-Api-Secret-Token; requests without it are rejected. Generated when empty.</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>Local path the webhook endpoint is mapped at (the public URL's reverse proxy forwards to it).</summary>
    public string WebhookPath { get; set; } = "/telegram/webhook";

    /// <summary>Chat or user ids allowed to use the bot; empty allows everyone.</summary>
    public List<long> AllowedChatIds { get; set; } = [];

    /// <summary>Questions per user per minute; 0 disables the limit. Commands are not counted.</summary>
    public int RateLimitPerMinute { get; set; } = 10;

    /// <summary>Long-polling timeout passed to getUpdates.</summary>
    public int PollingTimeoutSeconds { get; set; } = 30;

    /// <summary>How many chats are answered at the same time (each chat's messages stay in order).</summary>
    public int MaxConcurrentChats { get; set; } = 4;

    /// <summary>How many recent answers keep working inline buttons and /sources.</summary>
    public int RecentAnswerCapacity { get; set; } = 2000;

    public bool IsWebhookMode => !string.IsNullOrWhiteSpace(WebhookUrl);
}
