using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;

namespace QABot.Retrieval.Qdrant.Index;

/// <summary>
/// Payload records are plain JSON-serializable records; Qdrant's gRPC payload is a map of its own <see cref="Value"/>
/// messages. This converts between the two, so the payload shape is written once (the records) and reads back the
/// same over gRPC as it did over REST.
/// </summary>
internal static class PayloadJson
{
    /// <summary>Optional members are omitted rather than stored as null: "no key" is what date and outlet filters test.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static Dictionary<string, Value> ToPayload<T>(T record)
    {
        var json = JsonSerializer.SerializeToNode(record, Options) as JsonObject
            ?? throw new ArgumentException($"{typeof(T).Name} does not serialize to a JSON object.", nameof(record));
        return json.ToDictionary(p => p.Key, p => ToValue(p.Value));
    }

    public static JsonObject ToJson(MapField<string, Value> payload)
    {
        var json = new JsonObject();
        foreach (var (key, value) in payload) json[key] = ToNode(value);
        return json;
    }

    public static Value ToValue(JsonNode? node) => node switch
    {
        null => new Value { NullValue = NullValue.NullValue },
        JsonObject o => new Value { StructValue = new Struct { Fields = { o.ToDictionary(p => p.Key, p => ToValue(p.Value)) } } },
        JsonArray a => new Value { ListValue = new ListValue { Values = { a.Select(ToValue) } } },
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => new Value { StringValue = v.GetValue<string>() },
            JsonValueKind.True or JsonValueKind.False => new Value { BoolValue = v.GetValue<bool>() },
            JsonValueKind.Number when v.TryGetValue<long>(out var integer) => new Value { IntegerValue = integer },
            JsonValueKind.Number => new Value { DoubleValue = v.GetValue<double>() },
            _ => new Value { NullValue = NullValue.NullValue },
        },
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    public static JsonNode? ToNode(Value value) => value.KindCase switch
    {
        Value.KindOneofCase.StringValue => JsonValue.Create(value.StringValue),
        Value.KindOneofCase.IntegerValue => JsonValue.Create(value.IntegerValue),
        Value.KindOneofCase.DoubleValue => JsonValue.Create(value.DoubleValue),
        Value.KindOneofCase.BoolValue => JsonValue.Create(value.BoolValue),
        Value.KindOneofCase.ListValue => new JsonArray(value.ListValue.Values.Select(ToNode).ToArray()),
        Value.KindOneofCase.StructValue => ToJson(value.StructValue.Fields),
        _ => null,
    };
}
