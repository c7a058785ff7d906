using System.Net;
using System.Net.Sockets;
using System.Text;

namespace McpFlow.Security.Tests.Secrets;

/// <summary>A stand-in MLflow server that fails every request with an error body repeating the request's Authorization
/// header (issue 11: McpFlow passed such a body verbatim into the result and the log).</summary>
internal sealed class LeakyMlflowServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    /// <summary>Starts listening on a free loopback port.</summary>
    public LeakyMlflowServer()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The port.</summary>
    public int Port { get; }

    /// <summary>The tracking URI to give McpFlow.</summary>
    public string Uri => $"http://127.0.0.1:{Port}";

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await Task.WhenAny(_loop);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var authorization = context.Request.Headers["Authorization"] ?? "(none)";
            var body = Encoding.UTF8.GetBytes(
                $$"""{"error_code":"INTERNAL_ERROR","message":"backend rejected the request; headers were Authorization: {{authorization}}; retry with password={{authorization}}"}""");
            context.Response.StatusCode = 500;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
