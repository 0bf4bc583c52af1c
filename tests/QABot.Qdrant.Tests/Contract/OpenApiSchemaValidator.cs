using System.Globalization;
using System.Text.Json;

namespace QABot.Qdrant.Tests.Contract;

/// <summary>
/// A small validator for the OpenAPI 3.0 schema subset Qdrant's spec uses: $ref (to #/components/schemas), type,
/// nullable, enum, format (uint*, int*, uuid, date-time), minimum/maximum, minItems, minLength, uniqueItems, properties,
/// required, additionalProperties, items, anyOf, oneOf, allOf.
/// Two deliberate readings, both stricter than the letter of OpenAPI:
/// <list type="bullet">
/// <item>A schema that is only <c>{"nullable": true}</c> (the spec's way of writing Rust's <c>Option&lt;T&gt;</c> as
/// <c>anyOf: [T, {nullable: true}]</c>) accepts only null, not anything — otherwise every optional member would
/// validate whatever it holds.</item>
/// <item>With <see cref="RejectUndeclaredProperties"/> (default), an object schema that lists properties and says
/// nothing about additionalProperties is closed: a misspelt member is an error, not silently ignored by the server.</item>
/// </list>
/// </summary>
public sealed class OpenApiSchemaValidator(JsonElement document)
{
    private static readonly HashSet<string> Annotations = ["description", "default", "example", "deprecated", "title"];

    public bool RejectUndeclaredProperties { get; init; } = true;

    public IReadOnlyList<string> Validate(JsonElement instance, JsonElement schema, string path = "$")
    {
        var errors = new List<string>();
        Check(instance, schema, path, errors);
        return errors;
    }

    public bool IsValid(JsonElement instance, JsonElement schema) => Validate(instance, schema).Count == 0;

    private JsonElement Resolve(string reference)
    {
        const string prefix = "#/components/schemas/";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal)) throw new NotSupportedException($"Unsupported $ref {reference}");
        return document.GetProperty("components").GetProperty("schemas").GetProperty(reference[prefix.Length..]);
    }

    private void Check(JsonElement value, JsonElement schema, string path, List<string> errors)
    {
        if (schema.ValueKind == JsonValueKind.True) return;
        if (schema.ValueKind == JsonValueKind.False) { errors.Add($"{path}: no value is allowed here"); return; }
        if (schema.TryGetProperty("$ref", out var reference))
        {
            // OpenAPI 3.0: members beside $ref are ignored.
            Check(value, Resolve(reference.GetString()!), path, errors);
            return;
        }

        var nullable = schema.TryGetProperty("nullable", out var n) && n.GetBoolean();
        if (IsNullableOnly(schema))
        {
            if (value.ValueKind != JsonValueKind.Null) errors.Add($"{path}: expected null");
            return;
        }
        if (value.ValueKind == JsonValueKind.Null && nullable) return;

        if (schema.TryGetProperty("allOf", out var allOf))
            foreach (var part in allOf.EnumerateArray()) Check(value, part, path, errors);

        if (schema.TryGetProperty("anyOf", out var anyOf))
        {
            var branches = anyOf.EnumerateArray().Select(b => Validate(value, b, path)).ToList();
            if (!branches.Any(b => b.Count == 0))
                errors.Add($"{path}: matches none of anyOf [{string.Join(" | ", branches.Select(b => string.Join("; ", b.Take(2))))}]");
        }

        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            var matches = oneOf.EnumerateArray().Count(b => Validate(value, b, path).Count == 0);
            if (matches != 1) errors.Add($"{path}: matches {matches} of oneOf, expected exactly 1");
        }

        if (schema.TryGetProperty("enum", out var allowed) &&
            !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
            errors.Add($"{path}: {value.GetRawText()} is not one of {allowed.GetRawText()}");

        if (schema.TryGetProperty("type", out var type) && !CheckType(value, type.GetString()!, path, errors)) return;

        CheckFormat(value, schema, path, errors);

        switch (value.ValueKind)
        {
            case JsonValueKind.Object: CheckObject(value, schema, path, errors); break;
            case JsonValueKind.Array: CheckArray(value, schema, path, errors); break;
            case JsonValueKind.String:
                if (schema.TryGetProperty("minLength", out var minLength) && value.GetString()!.Length < minLength.GetInt32())
                    errors.Add($"{path}: shorter than {minLength.GetInt32()}");
                break;
            case JsonValueKind.Number:
                if (schema.TryGetProperty("minimum", out var min) && value.GetDouble() < min.GetDouble()) errors.Add($"{path}: {value} < minimum {min}");
                if (schema.TryGetProperty("maximum", out var max) && value.GetDouble() > max.GetDouble()) errors.Add($"{path}: {value} > maximum {max}");
                break;
        }
    }

    private static bool IsNullableOnly(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object &&
        schema.TryGetProperty("nullable", out var n) && n.GetBoolean() &&
        schema.EnumerateObject().All(p => p.Name == "nullable" || Annotations.Contains(p.Name));

    private static bool CheckType(JsonElement value, string type, string path, List<string> errors)
    {
        var ok = type switch
        {
            "object" => value.ValueKind == JsonValueKind.Object,
            "array" => value.ValueKind == JsonValueKind.Array,
            "string" => value.ValueKind == JsonValueKind.String,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "number" => value.ValueKind == JsonValueKind.Number,
            "integer" => value.ValueKind == JsonValueKind.Number && (value.TryGetInt64(out _) || value.TryGetUInt64(out _)),
            _ => throw new NotSupportedException($"Unsupported type {type}"),
        };
        if (!ok) errors.Add($"{path}: expected {type}, got {Describe(value)}");
        return ok;
    }

    private static void CheckFormat(JsonElement value, JsonElement schema, string path, List<string> errors)
    {
        if (!schema.TryGetProperty("format", out var formatElement)) return;
        var format = formatElement.GetString();
        switch (format)
        {
            case "uint" or "uint64" or "uint32" or "uint8" when value.ValueKind == JsonValueKind.Number:
                if (!value.TryGetUInt64(out var unsigned)) { errors.Add($"{path}: {value} is not an unsigned integer ({format})"); break; }
                var limit = format switch { "uint32" => uint.MaxValue, "uint8" => byte.MaxValue, _ => ulong.MaxValue };
                if (unsigned > limit) errors.Add($"{path}: {value} exceeds {format}");
                break;
            case "int64" when value.ValueKind == JsonValueKind.Number:
                if (!value.TryGetInt64(out _)) errors.Add($"{path}: {value} is not an int64");
                break;
            case "uuid" when value.ValueKind == JsonValueKind.String:
                if (!Guid.TryParseExact(value.GetString(), "D", out _)) errors.Add($"{path}: '{value.GetString()}' is not a UUID");
                break;
            case "date-time" when value.ValueKind == JsonValueKind.String:
                if (!IsRfc3339(value.GetString()!)) errors.Add($"{path}: '{value.GetString()}' is not an RFC 3339 date-time");
                break;
        }
    }

    /// <summary>RFC 3339: full date, 'T', time, optional fraction, and a required offset (Z or ±hh:mm).</summary>
    private static bool IsRfc3339(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, @"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$") &&
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private void CheckObject(JsonElement value, JsonElement schema, string path, List<string> errors)
    {
        var hasProperties = schema.TryGetProperty("properties", out var properties);
        if (schema.TryGetProperty("required", out var required))
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                if (!value.TryGetProperty(name, out _)) errors.Add($"{path}: missing required '{name}'");

        var hasAdditional = schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var member in value.EnumerateObject())
        {
            var memberPath = $"{path}.{member.Name}";
            if (hasProperties && properties.TryGetProperty(member.Name, out var memberSchema)) { Check(member.Value, memberSchema, memberPath, errors); continue; }
            if (hasAdditional)
            {
                if (additional.ValueKind == JsonValueKind.False) errors.Add($"{memberPath}: not allowed (additionalProperties: false)");
                else if (additional.ValueKind == JsonValueKind.Object) Check(member.Value, additional, memberPath, errors);
            }
            else if (hasProperties && RejectUndeclaredProperties)
                errors.Add($"{memberPath}: not a declared property");
        }
    }

    private void CheckArray(JsonElement value, JsonElement schema, string path, List<string> errors)
    {
        var items = value.EnumerateArray().ToList();
        if (schema.TryGetProperty("minItems", out var minItems) && items.Count < minItems.GetInt32()) errors.Add($"{path}: fewer than {minItems} items");
        if (schema.TryGetProperty("maxItems", out var maxItems) && items.Count > maxItems.GetInt32()) errors.Add($"{path}: more than {maxItems} items");
        if (schema.TryGetProperty("uniqueItems", out var unique) && unique.GetBoolean() &&
            items.Select(i => i.GetRawText()).Distinct().Count() != items.Count)
            errors.Add($"{path}: items are not unique");
        if (schema.TryGetProperty("items", out var itemSchema))
            for (var i = 0; i < items.Count; i++) Check(items[i], itemSchema, $"{path}[{i}]", errors);
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"string '{Truncate(value.GetString()!)}'",
        JsonValueKind.Number => $"number {value}",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
