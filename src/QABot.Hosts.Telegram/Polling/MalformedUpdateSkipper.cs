using System.Text.Json;
using Microsoft.Extensions.Logging;
using QABot.Hosts.Telegram.Handling;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace QABot.Hosts.Telegram.Polling;

/// <summary>
/// When a getUpdates batch cannot be deserialized as a whole, fetches it raw and parses update by update: the good ones
/// are dispatched, the bad ones logged by id and skipped. Without this one bad update would block the bot forever.
/// </summary>
public sealed class MalformedUpdateSkipper(
    IHttpClientFactory httpClients,
    TelegramBotClientOptions clientOptions,
    UpdateDispatcher dispatcher,
    ILogger<MalformedUpdateSkipper> logger)
{
    public const string HttpClientName = "telegram_bot_client";

    /// <returns>The next offset to poll from.</returns>
    public async Task<int> DispatchParseableAsync(int offset, CancellationToken cancellationToken)
    {
        var http = httpClients.CreateClient(HttpClientName);
        // BaseRequestUrl contains the token: it is used here and never logged.
        using var response = await http.GetAsync($"{clientOptions.BaseRequestUrl}/getUpdates?offset={offset}&limit=100&timeout=0", cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        foreach (var raw in document.RootElement.GetProperty("result").EnumerateArray())
        {
            if (!raw.TryGetProperty("update_id", out var idElement) || !idElement.TryGetInt32(out var updateId))
            {
                logger.LogWarning("Skipping an update without update_id");
                continue;
            }
            offset = Math.Max(offset, updateId + 1);
            Update? update;
            try
            {
                update = raw.Deserialize<Update>(JsonBotAPI.Options);
            }
            catch (JsonException ex)
            {
                logger.LogWarning("Skipping malformed update {UpdateId}: {Reason}", updateId, ex.Message);
                continue;
            }
            if (update is not null) await dispatcher.DispatchAsync(update, cancellationToken);
        }
        return offset;
    }
}
