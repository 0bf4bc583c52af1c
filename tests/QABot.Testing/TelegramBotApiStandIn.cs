using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace QABot.Testing;

/// <summary>
/// NOT Telegram. A loopback HTTP server imitating the handful of Bot API methods the bot uses (getMe, getUpdates,
/// deleteWebhook, setWebhook, sendMessage, sendChatAction, answerCallbackQuery, editMessageReplyMarkup), with the
/// Bot API's envelope ({"ok":..,"result":..}). It queues updates for getUpdates, records every call, can fail the next
/// call of a method (429 with retry_after, 500), and signals waiting tests when an expected call arrives.
/// </summary>
public sealed class TelegramBotApiStandIn : IAsyncDisposable
{
    public const long BotId = 777000;
    public const string BotUsername = "qabot_test_bot";

    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly List<RecordedCall> _calls = [];
    private readonly List<(Func<RecordedCall, bool> Match, TaskCompletionSource<RecordedCall> Signal)> _waiters = [];
    private readonly List<JsonObject> _pendingUpdates = [];
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, int? RetryAfter)>> _failures = new();
    private TaskCompletionSource _updatesArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextUpdateId = 1000;
    private int _nextMessageId = 1;

    public sealed record RecordedCall(string Method, string Token, JsonObject Parameters, int Status)
    {
        public long? ChatId => Parameters["chat_id"] is { } id ? long.Parse(id.ToString()) : null;
        public string? Text => Parameters["text"]?.GetValue<string>();
    }

    private TelegramBotApiStandIn(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<TelegramBotApiStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var standIn = new TelegramBotApiStandIn(app);
        app.Map("/bot{token}/{method}", (string token, string method, HttpContext context) => standIn.HandleAsync(token, method, context));
        await app.StartAsync();
        standIn.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return standIn;
    }

    public IReadOnlyList<RecordedCall> Calls(string? method = null)
    {
        lock (_gate) return _calls.Where(c => method is null || c.Method == method).ToList();
    }

    /// <summary>The next call of <paramref name="method"/> fails with this status (and retry_after for 429).</summary>
    public void FailNext(string method, int status, int? retryAfterSeconds = null) =>
        _failures.GetOrAdd(method, _ => new()).Enqueue((status, retryAfterSeconds));

    /// <summary>Waits (event-driven) for a successful call matching; calls already recorded count.</summary>
    public Task<RecordedCall> WaitForAsync(string method, Func<RecordedCall, bool>? match = null, TimeSpan? timeout = null)
    {
        bool Matches(RecordedCall c) => c.Method == method && c.Status == 200 && (match?.Invoke(c) ?? true);
        TaskCompletionSource<RecordedCall> signal;
        lock (_gate)
        {
            var existing = _calls.FirstOrDefault(Matches);
            if (existing is not null) return Task.FromResult(existing);
            signal = new TaskCompletionSource<RecordedCall>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((Matches, signal));
        }
        return signal.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
    }

    public Task<RecordedCall> WaitForMessageAsync(long chatId, Func<string, bool>? textMatch = null) =>
        WaitForAsync("sendMessage", c => c.ChatId == chatId && (textMatch?.Invoke(c.Text ?? "") ?? true));

    public int EnqueueText(long chatId, string text, string chatType = "private", long? fromId = null, JsonObject? replyTo = null)
    {
        var message = MessageJson(chatId, chatType, fromId ?? chatId, text);
        if (replyTo is not null) message["reply_to_message"] = replyTo;
        return Enqueue(new JsonObject { ["message"] = message });
    }

    public int EnqueueCallback(long chatId, long fromId, string data) => Enqueue(new JsonObject
    {
        ["callback_query"] = new JsonObject
        {
            ["id"] = "cbq-" + Guid.NewGuid().ToString("N")[..8],
            ["from"] = UserJson(fromId),
            ["chat_instance"] = "ci-1",
            ["data"] = data,
            ["message"] = MessageJson(chatId, "private", BotId, "answer", fromBot: true),
        },
    });

    /// <summary>Queues an update given as raw JSON fields (update_id is added); used for malformed updates.</summary>
    public int EnqueueRaw(string jsonObjectWithoutId) => Enqueue(JsonNode.Parse(jsonObjectWithoutId)!.AsObject());

    public static JsonObject MessageFromBot(long chatId, string chatType = "group") => MessageJson(chatId, chatType, BotId, "earlier answer", fromBot: true);

    private int Enqueue(JsonObject update)
    {
        lock (_gate)
        {
            var id = _nextUpdateId++;
            update["update_id"] = id;
            _pendingUpdates.Add(update);
            _updatesArrived.TrySetResult();
            return id;
        }
    }

    private async Task<IResult> HandleAsync(string token, string method, HttpContext context)
    {
        var parameters = await ReadParametersAsync(context.Request);
        if (_failures.TryGetValue(method, out var queue) && queue.TryDequeue(out var failure))
        {
            Record(new RecordedCall(method, token, parameters, failure.Status));
            var error = new JsonObject
            {
                ["ok"] = false,
                ["error_code"] = failure.Status,
                ["description"] = failure.Status switch
                {
                    429 => $"Too Many Requests: retry after {failure.RetryAfter}",
                    401 => "Unauthorized",
                    404 => "Not Found",
                    _ => "Internal Server Error",
                },
            };
            if (failure.RetryAfter is { } retry) error["parameters"] = new JsonObject { ["retry_after"] = retry };
            return Results.Json(error, statusCode: failure.Status);
        }

        JsonNode? result = method switch
        {
            "getMe" => UserJson(BotId, isBot: true, username: BotUsername),
            "getUpdates" => await TakeUpdatesAsync(parameters, context.RequestAborted),
            "sendMessage" => SentMessage(parameters),
            "deleteWebhook" or "setWebhook" or "sendChatAction" or "answerCallbackQuery" or "editMessageReplyMarkup" => true,
            _ => null,
        };
        if (result is null)
        {
            Record(new RecordedCall(method, token, parameters, 404));
            return Results.Json(new JsonObject { ["ok"] = false, ["error_code"] = 404, ["description"] = "Not Found: method not in the stand-in" }, statusCode: 404);
        }
        Record(new RecordedCall(method, token, parameters, 200));
        return Results.Json(new JsonObject { ["ok"] = true, ["result"] = result });
    }

    private void Record(RecordedCall call)
    {
        List<TaskCompletionSource<RecordedCall>> toSignal;
        lock (_gate)
        {
            _calls.Add(call);
            var matched = _waiters.Where(w => w.Match(call)).ToList();
            foreach (var w in matched) _waiters.Remove(w);
            toSignal = matched.Select(w => w.Signal).ToList();
        }
        foreach (var signal in toSignal) signal.TrySetResult(call);
    }

    /// <summary>Long polling like the real API: returns pending updates at or after offset, or waits (briefly) for some.</summary>
    private async Task<JsonNode> TakeUpdatesAsync(JsonObject parameters, CancellationToken aborted)
    {
        var offset = parameters["offset"] is { } o ? int.Parse(o.ToString()) : 0;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            Task arrived;
            lock (_gate)
            {
                _pendingUpdates.RemoveAll(u => (int)u["update_id"]! < offset);
                if (_pendingUpdates.Count > 0) return new JsonArray([.. _pendingUpdates.Select(u => u.DeepClone())]);
                if (_updatesArrived.Task.IsCompleted) _updatesArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
                arrived = _updatesArrived.Task;
            }
            try { await arrived.WaitAsync(TimeSpan.FromSeconds(1), aborted); }
            catch (TimeoutException) { break; }
            catch (OperationCanceledException) { break; }
        }
        return new JsonArray();
    }

    private JsonObject SentMessage(JsonObject parameters)
    {
        var chatId = long.Parse(parameters["chat_id"]!.ToString());
        var message = MessageJson(chatId, "private", BotId, parameters["text"]?.GetValue<string>() ?? "", fromBot: true);
        message["message_id"] = Interlocked.Increment(ref _nextMessageId);
        return message;
    }

    private static async Task<JsonObject> ReadParametersAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            return new JsonObject(form.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(f.Value.ToString()))));
        }
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var fromBody = string.IsNullOrWhiteSpace(body) ? new JsonObject() : JsonNode.Parse(body)!.AsObject();
        foreach (var (key, value) in request.Query) fromBody[key] = value.ToString();
        return fromBody;
    }

    private static JsonObject UserJson(long id, bool isBot = false, string? username = null)
    {
        var user = new JsonObject { ["id"] = id, ["is_bot"] = isBot, ["first_name"] = isBot ? "QABot" : "User" + id };
        if (username is not null) user["username"] = username;
        return user;
    }

    private static JsonObject MessageJson(long chatId, string chatType, long fromId, string text, bool fromBot = false)
    {
        var chat = new JsonObject { ["id"] = chatId, ["type"] = chatType };
        if (chatType != "private") chat["title"] = "Test group";
        return new JsonObject
        {
            ["message_id"] = Random.Shared.Next(1, 1_000_000),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = chat,
            ["from"] = UserJson(fromId, fromBot, fromBot ? BotUsername : null),
            ["text"] = text,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
