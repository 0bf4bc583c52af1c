using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace QABot.Llm.Tests.StandIn;

/// <summary>
/// NOT OpenAI, and no model at all. A loopback Kestrel server on 127.0.0.1 (random port) that speaks just enough of the
/// OpenAI REST shape — POST /v1/chat/completions (JSON, or SSE when "stream": true), POST /v1/embeddings, and Azure
/// OpenAI's POST /openai/deployments/{deployment}/chat/completions — for the real OpenAI and Azure OpenAI clients under
/// Semantic Kernel to talk to it. Replies are scripted per prompt task (the "Task: ..." line
/// every prompt in prompts/ starts its system message with): text, HTTP errors with retry hints, or a hang until the
/// client gives up. Every call is recorded for assertions.
/// </summary>
public sealed partial class OpenAiStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<StandInReply>> _scripts = new();
    private readonly ConcurrentDictionary<string, StandInReply> _lastReply = new();
    private readonly ConcurrentQueue<ChatCall> _chatCalls = new();
    private readonly ConcurrentQueue<IReadOnlyList<string>> _embeddingBatches = new();

    private OpenAiStandIn(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The OpenAI-style base URL to configure as Llm:Endpoint.</summary>
    public string V1 => BaseUrl + "/v1";

    public IReadOnlyList<ChatCall> ChatCalls => _chatCalls.ToList();
    public IReadOnlyList<ChatCall> CallsFor(string task) => _chatCalls.Where(c => c.Task == task).ToList();
    public IReadOnlyList<IReadOnlyList<string>> EmbeddingBatches => _embeddingBatches.ToList();

    public static async Task<OpenAiStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var standIn = new OpenAiStandIn(app);
        app.MapPost("/v1/chat/completions", standIn.ChatAsync);
        app.MapPost("/v1/embeddings", standIn.EmbeddingsAsync);
        // Azure OpenAI's deployment route, so that Semantic Kernel's Azure connector can be pointed here too.
        app.MapPost("/openai/deployments/{deployment}/chat/completions", standIn.ChatAsync);
        await app.StartAsync();
        standIn.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return standIn;
    }

    /// <summary>Replies for one prompt task, in order; the last one keeps being given once the others are used.</summary>
    public OpenAiStandIn Script(string task, params StandInReply[] replies)
    {
        var queue = _scripts.GetOrAdd(task, _ => new ConcurrentQueue<StandInReply>());
        foreach (var reply in replies) queue.Enqueue(reply);
        return this;
    }

    private StandInReply Next(string task)
    {
        if (_scripts.TryGetValue(task, out var queue) && queue.TryDequeue(out var reply))
        {
            _lastReply[task] = reply;
            return reply;
        }
        if (_lastReply.TryGetValue(task, out var last)) return last;
        // Unscripted tasks behave as a model with nothing to add: no time period, no rewrite, no terms.
        return task switch
        {
            "time-scope" => StandInReply.Text("""{"from": null, "to": null}"""),
            _ => StandInReply.Status(500, "stand-in: no reply scripted for task " + task),
        };
    }

    private async Task ChatAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body) ?? new JsonObject();
        var messages = body["messages"]!.AsArray()
            .Select(m => new ChatMessage(m!["role"]!.GetValue<string>(), ContentOf(m["content"]))).ToList();
        var stream = body["stream"]?.GetValue<bool>() ?? false;
        var system = messages.FirstOrDefault(m => m.Role == "system")?.Content ?? "";
        var task = TaskLine().Match(system) is { Success: true } m2 ? m2.Groups[1].Value : "(none)";
        var call = new ChatCall(task, messages, stream, body.ToJsonString())
        {
            Path = context.Request.Path.Value ?? "",
            ApiKeyHeader = context.Request.Headers["api-key"].ToString(),
        };
        _chatCalls.Enqueue(call);

        var reply = Next(task);
        switch (reply)
        {
            case StandInReply.HangReply:
                try { await Task.Delay(Timeout.Infinite, context.RequestAborted); } catch (OperationCanceledException) { }
                return;
            case StandInReply.StatusReply s:
                context.Response.StatusCode = s.Code;
                if (s.RetryAfterMs is { } ms) context.Response.Headers["retry-after-ms"] = ms.ToString();
                await context.Response.WriteAsJsonAsync(new { error = new { message = s.Message, type = "stand_in_error" } });
                return;
            case StandInReply.TextReply t when stream:
                context.Response.ContentType = "text/event-stream";
                foreach (var piece in Pieces(t.Content))
                    await WriteEventAsync(context, Chunk(new JsonObject { ["content"] = piece }, finish: null));
                await WriteEventAsync(context, Chunk(new JsonObject(), finish: "stop"));
                await context.Response.WriteAsync("data: [DONE]\n\n");
                return;
            case StandInReply.TextReply t:
                await context.Response.WriteAsJsonAsync(new JsonObject
                {
                    ["id"] = "standin-" + Guid.NewGuid().ToString("N")[..8], ["object"] = "chat.completion", ["created"] = 0,
                    ["model"] = body["model"]?.GetValue<string>() ?? "stand-in",
                    ["choices"] = new JsonArray(new JsonObject
                    {
                        ["index"] = 0, ["finish_reason"] = "stop",
                        ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = t.Content },
                    }),
                    ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["completion_tokens"] = 1, ["total_tokens"] = 2 },
                });
                return;
        }
    }

    private async Task EmbeddingsAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body) ?? new JsonObject();
        var input = body["input"] is JsonArray array ? array.Select(i => i!.GetValue<string>()).ToList() : [body["input"]!.GetValue<string>()];
        _embeddingBatches.Enqueue(input);
        var dimensions = body["dimensions"]?.GetValue<int>() ?? 8;
        var base64 = body["encoding_format"]?.GetValue<string>() == "base64";
        var data = new JsonArray();
        for (var i = 0; i < input.Count; i++)
        {
            var vector = VectorFor(input[i], dimensions);
            JsonNode embedding = base64
                ? Convert.ToBase64String(vector.SelectMany(BitConverter.GetBytes).ToArray())
                : new JsonArray(vector.Select(v => (JsonNode)v).ToArray());
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }
        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["object"] = "list", ["data"] = data, ["model"] = body["model"]?.GetValue<string>() ?? "stand-in",
            ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["total_tokens"] = 1 },
        });
    }

    /// <summary>A deterministic vector: its first component is the text's length, so tests can check order.</summary>
    public static float[] VectorFor(string text, int dimensions)
    {
        var vector = new float[dimensions];
        vector[0] = text.Length;
        for (var i = 1; i < dimensions; i++) vector[i] = (text.GetHashCode(StringComparison.Ordinal) >> i & 0xFF) / 255f;
        return vector;
    }

    private static string ContentOf(JsonNode? content) => content switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
        _ => "",
    };

    /// <summary>Splits a reply into a few stream fragments at spaces, as a model's tokens would arrive.</summary>
    private static IEnumerable<string> Pieces(string content)
    {
        var size = Math.Max(1, content.Length / 4);
        for (var start = 0; start < content.Length;)
        {
            var end = Math.Min(content.Length, start + size);
            var space = content.IndexOf(' ', end);
            end = space < 0 ? content.Length : space + 1;
            yield return content[start..end];
            start = end;
        }
    }

    private static JsonObject Chunk(JsonObject delta, string? finish) => new()
    {
        ["id"] = "standin-stream", ["object"] = "chat.completion.chunk", ["created"] = 0, ["model"] = "stand-in",
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
    };

    private static async Task WriteEventAsync(HttpContext context, JsonObject payload)
    {
        await context.Response.WriteAsync("data: " + payload.ToJsonString() + "\n\n", Encoding.UTF8);
        await context.Response.Body.FlushAsync();
    }

    [GeneratedRegex(@"Task:\s*([\w-]+)")]
    private static partial Regex TaskLine();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record ChatMessage(string Role, string Content);

public sealed record ChatCall(string Task, IReadOnlyList<ChatMessage> Messages, bool Stream, string RawBody)
{
    public string Path { get; init; } = "";

    /// <summary>The "api-key" header as received (Azure OpenAI's key header); empty when absent.</summary>
    public string ApiKeyHeader { get; init; } = "";

    public string User => string.Join("\n", Messages.Where(m => m.Role == "user").Select(m => m.Content));
    public string System => string.Join("\n", Messages.Where(m => m.Role == "system").Select(m => m.Content));
}

/// <summary>One scripted reply of the stand-in.</summary>
public abstract record StandInReply
{
    public static StandInReply Text(string content) => new TextReply(content);
    public static StandInReply Status(int code, string message = "scripted failure", int? retryAfterMs = null) => new StatusReply(code, message, retryAfterMs);
    public static StandInReply Hang { get; } = new HangReply();

    public sealed record TextReply(string Content) : StandInReply;
    public sealed record StatusReply(int Code, string Message, int? RetryAfterMs) : StandInReply;
    public sealed record HangReply : StandInReply;
}
