using System.Net.Sockets;
using System.Text;

namespace QABot.Hosts.Tests.Web;

/// <summary>Speaks HTTP/1.1 over a bare socket, for requests HttpClient will not send (bodies shorter than their Content-Length).</summary>
public static class RawHttp
{
    /// <param name="endSending">Half-closes the connection after sending, as a client that gave up mid-body.</param>
    /// <returns>Everything the server sent until it closed the connection (or the timeout).</returns>
    public static async Task<string> ExchangeAsync(Uri server, string request, bool endSending, TimeSpan timeout)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request));
        if (endSending) client.Client.Shutdown(SocketShutdown.Send);

        using var deadline = new CancellationTokenSource(timeout);
        var received = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, deadline.Token)) > 0) received.Write(buffer, 0, read);
        }
        catch (OperationCanceledException) { /* the server kept the connection open: return what came */ }
        catch (IOException) { /* reset after the response */ }
        return Encoding.UTF8.GetString(received.ToArray());
    }

    /// <summary>The bytes after the blank line that ends the headers.</summary>
    public static string BodyOf(string response) => response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
}
