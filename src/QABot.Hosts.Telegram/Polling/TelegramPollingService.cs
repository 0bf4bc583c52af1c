using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QABot.Hosts.Telegram.Handling;
using QABot.Hosts.Telegram.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace QABot.Hosts.Telegram.Polling;

/// <summary>
/// Long polling: fetches updates with getUpdates and hands each to the <see cref="UpdateDispatcher"/>: different chats in
/// parallel, one chat's messages in order. Survives Bot API errors (backs off, honours retry_after) and skips an update
/// it cannot even parse instead of fetching it forever.
/// </summary>
public sealed partial class TelegramPollingService(
    ITelegramBotClient bot,
    UpdateDispatcher dispatcher,
    MalformedUpdateSkipper skipper,
    BotIdentity identity,
    IOptions<TelegramOptions> options,
    ILogger<TelegramPollingService> logger) : BackgroundService
{
    private static readonly UpdateType[] HandledUpdates = [UpdateType.Message, UpdateType.CallbackQuery];
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        var started = false;
        var offset = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            Update[] updates;
            try
            {
                if (!started)
                {
                    var me = await identity.GetAsync(stoppingToken);
                    // getUpdates is refused while a webhook is registered (e.g. left over from webhook mode).
                    await bot.DeleteWebhook(cancellationToken: stoppingToken);
                    logger.LogInformation("Telegram bot @{BotUsername} polling for updates", me.Username);
                    started = true;
                }
                updates = await bot.GetUpdates(offset, limit: 100, timeout: options.Value.PollingTimeoutSeconds,
                    allowedUpdates: HandledUpdates, cancellationToken: stoppingToken);
                backoff = TimeSpan.FromSeconds(1);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (IsUnparseablePayload(ex))
            {
                logger.LogWarning("getUpdates returned an update that cannot be parsed; isolating it");
                offset = await SkipMalformedAsync(offset, stoppingToken);
                continue;
            }
            catch (Exception ex)
            {
                var wait = ex is ApiRequestException { Parameters.RetryAfter: { } retryAfter } ? TimeSpan.FromSeconds(retryAfter) : backoff;
                logger.LogWarning("Telegram polling failed ({Error}); retrying in {Seconds:0.#} s", Describe(ex), wait.TotalSeconds);
                try { await Task.Delay(wait, stoppingToken); } catch (OperationCanceledException) { break; }
                backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
                continue;
            }

            if (updates.Length == 0) continue;
            // Chats are served in parallel, each chat's updates in order (a follow-up must not overtake its question).
            try
            {
                await Parallel.ForEachAsync(updates.GroupBy(ChatOf),
                    new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.MaxConcurrentChats), CancellationToken = stoppingToken },
                    async (chat, ct) =>
                    {
                        foreach (var update in chat) await dispatcher.DispatchAsync(update, ct);
                    });
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            offset = updates.Max(u => u.Id) + 1;
        }
    }

    private async Task<int> SkipMalformedAsync(int offset, CancellationToken cancellationToken)
    {
        try
        {
            return await skipper.DispatchParseableAsync(offset, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Could not isolate the malformed update ({Error})", Describe(ex));
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            return offset;
        }
    }

    private static long ChatOf(Update update) =>
        update.Message?.Chat.Id ?? update.CallbackQuery?.Message?.Chat.Id ?? update.CallbackQuery?.From.Id ?? 0;

    private static bool IsUnparseablePayload(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
            if (e is JsonException) return true;
        return false;
    }

    /// <summary>
    /// What went wrong, with the reason (the innermost exception's message: "Connection refused (api.telegram.org:443)"),
    /// never the token: messages of HTTP failures may quote the request URI, and every Bot API URI holds the token.
    /// </summary>
    public static string Describe(Exception ex) => ex switch
    {
        ApiRequestException api => $"Bot API {api.ErrorCode}: {WithoutToken(api.Message)}",
        RequestException request => request.HttpStatusCode is { } status
            ? $"{request.GetType().Name} (HTTP {(int)status}): {Reason(request)}"
            : $"{request.GetType().Name}: {Reason(request)}",
        _ => $"{ex.GetType().Name}: {Reason(ex)}",
    };

    private static string Reason(Exception ex)
    {
        var innermost = ex;
        while (innermost.InnerException is not null) innermost = innermost.InnerException;
        return WithoutToken(innermost.Message);
    }

    private static string WithoutToken(string message) => TokenInUri().Replace(message, "bot***");

    [GeneratedRegex(@"bot\d+:[A-Za-z0-9_-]+")]
    private static partial Regex TokenInUri();
}
