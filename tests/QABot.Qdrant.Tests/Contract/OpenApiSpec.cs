using System.Text.Json;
using QABot.Testing;

namespace QABot.Qdrant.Tests.Contract;

/// <summary>
/// Qdrant's official OpenAPI document (read from ../shared at test time, never copied): finds the operation a request
/// addresses and validates its query parameters and body against the spec's schemas.
/// </summary>
public sealed class OpenApiSpec
{
    private static readonly Lazy<OpenApiSpec> Official = new(() =>
        new OpenApiSpec(JsonDocument.Parse(File.ReadAllText(RepoPaths.SharedFile("qdrant", "openapi-v1.19.0.json"))).RootElement));

    public static OpenApiSpec Qdrant => Official.Value;

    public OpenApiSpec(JsonElement document)
    {
        Document = document;
        Validator = new OpenApiSchemaValidator(document);
    }

    public JsonElement Document { get; }
    public OpenApiSchemaValidator Validator { get; }

    public JsonElement Schema(string name) => Document.GetProperty("components").GetProperty("schemas").GetProperty(name);

    /// <summary>The spec path template (e.g. "/collections/{collection_name}/points") matching a concrete path, or null.</summary>
    public string? MatchPath(string path)
    {
        var segments = path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        var candidates = Document.GetProperty("paths").EnumerateObject()
            .Select(p => (Template: p.Name, Parts: p.Name.Trim('/').Split('/')))
            .Where(t => t.Parts.Length == segments.Length && t.Parts.Zip(segments).All(x => x.First.StartsWith('{') || x.First == x.Second))
            .ToList();
        // A literal segment wins over a parameter: "/collections/aliases" is not "/collections/{collection_name}".
        return candidates.OrderBy(c => c.Parts.Count(p => p.StartsWith('{'))).Select(c => c.Template).FirstOrDefault();
    }

    /// <summary>Every way the request departs from the spec: unknown operation, undeclared or ill-typed query parameter, invalid body.</summary>
    public IReadOnlyList<string> ValidateRequest(string method, string pathAndQuery, string? body)
    {
        var errors = new List<string>();
        var (path, query) = SplitQuery(pathAndQuery);
        var template = MatchPath(path);
        if (template is null) return [$"{method} {path}: no such path in the spec"];
        if (!Document.GetProperty("paths").GetProperty(template).TryGetProperty(method.ToLowerInvariant(), out var operation))
            return [$"{method} {template}: method not in the spec"];

        var declared = operation.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").ToDictionary(p => p.GetProperty("name").GetString()!)
            : [];
        foreach (var (name, value) in query)
        {
            if (!declared.TryGetValue(name, out var parameter)) { errors.Add($"{method} {template}: query parameter '{name}' is not declared"); continue; }
            errors.AddRange(Validator.Validate(QueryValueAsJson(value), parameter.GetProperty("schema"), $"?{name}"));
        }

        var hasBodySchema = operation.TryGetProperty("requestBody", out var requestBody);
        if (body is null || body.Length == 0)
        {
            if (hasBodySchema && requestBody.TryGetProperty("required", out var required) && required.GetBoolean())
                errors.Add($"{method} {template}: request body is required");
            return errors;
        }
        if (!hasBodySchema) return [.. errors, $"{method} {template}: the spec declares no request body"];
        var schema = requestBody.GetProperty("content").GetProperty("application/json").GetProperty("schema");
        using var json = JsonDocument.Parse(body);
        errors.AddRange(Validator.Validate(json.RootElement, schema).Select(e => $"{method} {template}: {e}"));
        return errors;
    }

    /// <summary>Validates a response body against the operation's schema for <paramref name="status"/> ("200", "4XX", "default").</summary>
    public IReadOnlyList<string> ValidateResponse(string method, string pathAndQuery, string status, string body)
    {
        var (path, _) = SplitQuery(pathAndQuery);
        var template = MatchPath(path) ?? throw new ArgumentException($"{path} is not in the spec");
        var responses = Document.GetProperty("paths").GetProperty(template).GetProperty(method.ToLowerInvariant()).GetProperty("responses");
        if (!responses.TryGetProperty(status, out var response) && !responses.TryGetProperty("default", out response))
            return [$"{method} {template}: no response {status} in the spec"];
        var schema = response.GetProperty("content").GetProperty("application/json").GetProperty("schema");
        using var json = JsonDocument.Parse(body);
        return Validator.Validate(json.RootElement, schema).Select(e => $"{method} {template} → {status}: {e}").ToList();
    }

    private static (string Path, List<(string Name, string Value)> Query) SplitQuery(string pathAndQuery)
    {
        var mark = pathAndQuery.IndexOf('?');
        if (mark < 0) return (pathAndQuery, []);
        var query = pathAndQuery[(mark + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2)).Select(p => (Uri.UnescapeDataString(p[0]), p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "")).ToList();
        return (pathAndQuery[..mark], query);
    }

    /// <summary>Query values arrive as text: booleans and numbers are compared as what they spell.</summary>
    private static JsonElement QueryValueAsJson(string value)
    {
        var json = value is "true" or "false" || long.TryParse(value, out _) ? value : JsonSerializer.Serialize(value);
        return JsonDocument.Parse(json).RootElement.Clone();
    }
}
