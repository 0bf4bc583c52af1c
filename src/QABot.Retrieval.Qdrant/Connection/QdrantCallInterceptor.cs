using Grpc.Core;
using Grpc.Core.Interceptors;
using Polly;

namespace QABot.Retrieval.Qdrant.Connection;

/// <summary>
/// What every Qdrant call gets on its way out: the api-key header, a deadline per attempt, retries of transient
/// failures through the resilience pipeline, counting, and one readable exception at the end. Qdrant.Client has no
/// retries of its own, and its per-client deadline would cover all attempts together, so both live here.
/// </summary>
internal sealed class QdrantCallInterceptor(
    string? apiKey, TimeSpan attemptTimeout, ResiliencePipeline pipeline, QdrantRequestCounter counter) : Interceptor
{
    public const string ApiKeyHeader = "api-key";

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var method = MethodName(context.Method);
        counter.RecordCall(method);
        var response = SendAsync(request, context, continuation, method);
        return new AsyncUnaryCall<TResponse>(response, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
    }

    private async Task<TResponse> SendAsync<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation, string method)
        where TRequest : class where TResponse : class
    {
        try
        {
            return await pipeline.ExecuteAsync(async token =>
            {
                counter.RecordAttempt();
                using var call = continuation(request, Attempt(context, token));
                return await call.ResponseAsync.ConfigureAwait(false);
            }, context.Options.CancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled || !context.Options.CancellationToken.IsCancellationRequested)
        {
            throw new QdrantRequestException(method, e);
        }
    }

    private ClientInterceptorContext<TRequest, TResponse> Attempt<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, CancellationToken token)
        where TRequest : class where TResponse : class
    {
        var headers = new Metadata();
        if (context.Options.Headers is { } existing) foreach (var entry in existing) headers.Add(entry);
        if (!string.IsNullOrEmpty(apiKey) && headers.Get(ApiKeyHeader) is null) headers.Add(ApiKeyHeader, apiKey);
        var deadline = DateTime.UtcNow + attemptTimeout;
        if (context.Options.Deadline is { } callerDeadline && callerDeadline < deadline) deadline = callerDeadline;
        var options = context.Options.WithHeaders(headers).WithDeadline(deadline).WithCancellationToken(token);
        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, options);
    }

    /// <summary>"/qdrant.Points/Upsert" → "Points/Upsert".</summary>
    internal static string MethodName(IMethod method) => $"{method.ServiceName.Split('.')[^1]}/{method.Name}";
}
