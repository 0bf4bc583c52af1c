using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using QABot.Hosts.Telegram.Options;

namespace QABot.Hosts.Telegram.Webhook;

/// <summary>The secret Telegram must echo in X-Telegram-Bot-Api-Secret-Token: configured, or random per process.</summary>
public sealed class WebhookSecret(IOptions<TelegramOptions> options)
{
    public const string HeaderName = "X-Telegram-Bot-Api-Secret-Token";

    public string Value { get; } = string.IsNullOrWhiteSpace(options.Value.WebhookSecret)
        ? Convert.ToHexString(RandomNumberGenerator.GetBytes(24))
        : options.Value.WebhookSecret;

    public bool Matches(string? presented) =>
        presented is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(Value));
}
