using System.Net;

namespace QABot.Retrieval.Qdrant.Client;

/// <summary>
/// A request Qdrant refused or failed: carries the HTTP status and Qdrant's own error message
/// (<c>status.error</c> of its <c>ErrorResponse</c>), so the cause is never lost.
/// </summary>
public sealed class QdrantException : Exception
{
    public QdrantException(HttpStatusCode statusCode, string qdrantMessage, string operation, Exception? inner = null)
        : base($"Qdrant {operation} failed: {(int)statusCode} {statusCode}: {qdrantMessage}", inner)
    {
        StatusCode = statusCode;
        QdrantMessage = qdrantMessage;
        Operation = operation;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>Qdrant's message, or the raw body when it was not a Qdrant error document.</summary>
    public string QdrantMessage { get; }

    /// <summary>Method and path, e.g. "PUT /collections/qabot_chunks_v1/points".</summary>
    public string Operation { get; }

    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;
}
