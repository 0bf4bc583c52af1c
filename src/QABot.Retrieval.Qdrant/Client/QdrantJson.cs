using System.Text.Json;
using System.Text.Json.Serialization;

namespace QABot.Retrieval.Qdrant.Client;

/// <summary>Serializer settings for Qdrant's REST bodies: optional members are omitted rather than sent as null.</summary>
public static class QdrantJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Payload text is Arabic: keep it readable in logs and bodies instead of \uXXXX escapes.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new ConditionConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>Every Qdrant response: <c>{"result": ..., "status": "ok" | {"error": "..."}, "time": ...}</c>.</summary>
internal sealed record QdrantEnvelope<T>
{
    [JsonPropertyName("result")] public T? Result { get; init; }
    [JsonPropertyName("status")] public JsonElement Status { get; init; }
    [JsonPropertyName("time")] public double Time { get; init; }
}
