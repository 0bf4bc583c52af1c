using System.Text.Json;

namespace QABot.Qdrant.Tests.Contract;

/// <summary>The validator the contract tests rely on must reject what the spec rejects, or those tests prove nothing.</summary>
[Trait("Category", "Qdrant")]
public sealed class OpenApiSchemaValidatorTests
{
    private static IReadOnlyList<string> Validate(string schemaName, string json) =>
        OpenApiSpec.Qdrant.Validator.Validate(JsonDocument.Parse(json).RootElement, OpenApiSpec.Qdrant.Schema(schemaName));

    [Theory]
    [InlineData("Filter", """{"muts": []}""", "additionalProperties: false")]
    [InlineData("CreateCollection", """{"sparse_vectors": {"bm25": {"modifier": "IDF"}}}""", "is not one of")]
    [InlineData("VectorParams", """{"size": 384}""", "missing required 'distance'")]
    [InlineData("VectorParams", """{"size": 384, "distance": "cosine"}""", "is not one of")]
    [InlineData("SparseVector", """{"indices": [-1], "values": [1.0]}""", "unsigned")]
    [InlineData("SparseVector", """{"indices": [4294967296], "values": [1.0]}""", "exceeds uint32")]
    [InlineData("SparseVector", """{"indices": [1], "values": ["1.0"]}""", "expected number")]
    [InlineData("PointStruct", """{"id": "not-a-uuid", "vector": {}}""", "matches none of anyOf")]
    [InlineData("PointStruct", """{"id": 1.5, "vector": {}}""", "matches none of anyOf")]
    [InlineData("QueryRequest", """{"limit": 0}""", "minimum")]
    [InlineData("QueryRequest", """{"filter": "published > 2018"}""", "matches none of anyOf")]
    [InlineData("QueryRequest", """{"query": {"fusion": "rrf"}, "prefetch": [{"query": {"nearest": [1.0]}, "usin": "dense"}]}""", "not a declared property")]
    [InlineData("ScrollRequest", """{"limt": 5}""", "not a declared property")]
    [InlineData("FieldCondition", """{"key": "published", "range": {"gte": "2023-09-14"}}""", "matches none of anyOf")]
    [InlineData("FieldCondition", """{"match": {"value": "bbc"}}""", "missing required 'key'")]
    [InlineData("MatchAny", """{"any": ["bbc", "bbc"]}""", "matches none of anyOf")]
    [InlineData("ChangeAliasesOperation", """{"actions": [{"create_alias": {"alias_name": "live"}}]}""", "matches none of anyOf")]
    [InlineData("OptimizersStatus", """{"error": "x", "extra": 1}""", "oneOf")]
    [InlineData("UpdateResult", """{"status": "done"}""", "is not one of")]
    public void Invalid_bodies_are_rejected_with_a_reason(string schema, string json, string reason)
    {
        var errors = Validate(schema, json);
        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e.Contains(reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Filter", """{"must": [{"key": "kind", "match": {"value": "chunk"}}, {"must_not": [{"key": "articleId", "match": {"any": ["a"]}}]}]}""")]
    [InlineData("QueryRequest", """{"filter": null, "limit": 3, "query": {"nearest": {"indices": [1, 2], "values": [0.5, 1]}}, "using": "bm25"}""")]
    [InlineData("FieldCondition", """{"key": "published", "range": {"gte": "2023-09-14T10:00:00+03:00", "lte": "2023-12-31T23:59:59Z"}}""")]
    [InlineData("PointStruct", """{"id": "c6c3d9ab-a1e3-5b7a-8b55-ffeb1b034fbb", "vector": {}, "payload": {"anything": [1, "x"]}}""")]
    [InlineData("PointStruct", """{"id": 42, "vector": {"dense": [0.1, 0.2]}}""")]
    [InlineData("OptimizersStatus", "\"ok\"")]
    public void Valid_bodies_pass(string schema, string json) => Assert.Empty(Validate(schema, json));

    [Fact]
    public void OneOf_rejects_a_value_that_matches_two_branches()
    {
        var spec = JsonDocument.Parse("""{"components": {"schemas": {"Either": {"oneOf": [{"type": "string"}, {"type": "string", "enum": ["a"]}]}}}}""").RootElement;
        var validator = new OpenApiSchemaValidator(spec);
        var schema = spec.GetProperty("components").GetProperty("schemas").GetProperty("Either");
        Assert.Contains("matches 2 of oneOf", Assert.Single(validator.Validate(JsonDocument.Parse("\"a\"").RootElement, schema)));
        Assert.Empty(validator.Validate(JsonDocument.Parse("\"b\"").RootElement, schema));
    }

    [Fact]
    public void Requests_to_unknown_paths_methods_or_query_parameters_are_rejected()
    {
        var spec = OpenApiSpec.Qdrant;
        Assert.Contains("no such path", Assert.Single(spec.ValidateRequest("POST", "/collection/c/points/scroll", "{}")));
        // The pre-1.10 search endpoint is gone from 1.19: the path only matches GET /points/{id}.
        Assert.Contains("method not in the spec", Assert.Single(spec.ValidateRequest("POST", "/collections/c/points/search", "{}")));
        Assert.Contains("method not in the spec", Assert.Single(spec.ValidateRequest("PATCH", "/collections/c/points", "{}")));
        Assert.Contains("'wiat' is not declared", Assert.Single(spec.ValidateRequest("PUT", "/collections/c/points?wiat=true", """{"points": []}""")));
        Assert.NotEmpty(spec.ValidateRequest("PUT", "/collections/c/points?wait=yes", """{"points": []}"""));
        Assert.Contains("no request body", Assert.Single(spec.ValidateRequest("GET", "/collections", "{}")));
        Assert.Empty(spec.ValidateRequest("PUT", "/collections/c/points?wait=true&ordering=strong", """{"points": []}"""));
        Assert.Equal("/collections/aliases", spec.MatchPath("/collections/aliases"));
    }
}
