using System.Text.Json;
using System.Text.Json.Serialization;

namespace QABot.Retrieval.Qdrant.Client;

/// <summary>Schema <c>Filter</c>: every <see cref="Must"/>, at least one <see cref="Should"/>, no <see cref="MustNot"/>.</summary>
public sealed record Filter : Condition
{
    [JsonPropertyName("must")] public IReadOnlyList<Condition>? Must { get; init; }
    [JsonPropertyName("should")] public IReadOnlyList<Condition>? Should { get; init; }
    [JsonPropertyName("must_not")] public IReadOnlyList<Condition>? MustNot { get; init; }

    public static Filter All(params Condition[] conditions) => new() { Must = conditions };
}

/// <summary>Schema <c>Condition</c> (the variants this project uses: <see cref="FieldCondition"/>, <see cref="IsEmptyCondition"/> and a nested <see cref="Filter"/>).</summary>
public abstract record Condition;

/// <summary>Schema <c>FieldCondition</c>: one payload key matched by value, by any of several values, or by a range.</summary>
public sealed record FieldCondition : Condition
{
    [JsonPropertyName("key")] public required string Key { get; init; }
    [JsonPropertyName("match")] public Match? Match { get; init; }
    [JsonPropertyName("range")] public DatetimeRange? Range { get; init; }

    public static FieldCondition Equal(string key, string value) => new() { Key = key, Match = new Match { Value = value } };
    public static FieldCondition AnyOf(string key, IEnumerable<string> values) =>
        new() { Key = key, Match = new Match { Any = values.Distinct(StringComparer.Ordinal).ToList() } };
    public static FieldCondition Between(string key, DateTimeOffset? from, DateTimeOffset? to) =>
        new() { Key = key, Range = new DatetimeRange { Gte = from, Lte = to } };
}

/// <summary>Schema <c>IsEmptyCondition</c>: the key is missing, null or an empty array.</summary>
public sealed record IsEmptyCondition([property: JsonPropertyName("is_empty")] PayloadField IsEmpty) : Condition
{
    public static IsEmptyCondition Of(string key) => new(new PayloadField(key));
}

/// <summary>Schema <c>PayloadField</c>.</summary>
public sealed record PayloadField([property: JsonPropertyName("key")] string Key);

/// <summary>Schemas <c>MatchValue</c> (<see cref="Value"/>) and <c>MatchAny</c> (<see cref="Any"/>): exactly one is set.</summary>
public sealed record Match
{
    [JsonPropertyName("value")] public string? Value { get; init; }
    [JsonPropertyName("any")] public IReadOnlyList<string>? Any { get; init; }
}

/// <summary>Schema <c>DatetimeRange</c>: RFC 3339 bounds, inclusive here.</summary>
public sealed record DatetimeRange
{
    [JsonPropertyName("gte")] public DateTimeOffset? Gte { get; init; }
    [JsonPropertyName("lte")] public DateTimeOffset? Lte { get; init; }
}

/// <summary>
/// Writes a condition as its concrete shape: the spec's <c>Condition</c> is an untagged union. Registered in
/// <see cref="QdrantJson.Options"/> (not as an attribute, which derived records would inherit and recurse into).
/// </summary>
internal sealed class ConditionConverter : JsonConverter<Condition>
{
    public override Condition Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Filters are only sent, never read.");

    public override void Write(Utf8JsonWriter writer, Condition value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case FieldCondition field: JsonSerializer.Serialize(writer, field, options); break;
            case Filter filter: JsonSerializer.Serialize(writer, filter, options); break;
            case IsEmptyCondition empty: JsonSerializer.Serialize(writer, empty, options); break;
            default: throw new NotSupportedException($"Unknown condition {value.GetType().Name}.");
        }
    }
}
