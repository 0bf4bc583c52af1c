using Grpc.Core;

namespace QABot.Retrieval.Qdrant.Connection;

/// <summary>
/// A Qdrant call that failed after its retries: the gRPC status and Qdrant's own message, in one line.
/// </summary>
public sealed class QdrantRequestException(string method, RpcException inner)
    : Exception($"Qdrant {method} failed: {inner.StatusCode}: {Describe(inner)}", inner)
{
    public StatusCode Status => inner.StatusCode;

    /// <summary>The gRPC method, e.g. "Points/Upsert".</summary>
    public string Method => method;

    public bool IsNotFound => Status == StatusCode.NotFound;

    private static string Describe(RpcException e) =>
        string.IsNullOrWhiteSpace(e.Status.Detail) ? "(no detail)" : e.Status.Detail.ReplaceLineEndings(" ");
}
