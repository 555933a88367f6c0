using System.Net.Sockets;
using System.Text;
using CertPlatform.IntegrationTests.Infrastructure;

namespace CertPlatform.IntegrationTests.Features.Security;

/// <summary>
/// Finding: oversized uploads answer 500. On the real server (Kestrel, its 30 MB body limit) a request
/// announcing a larger body is answered 413 with the error page before the body is read. Sent over a
/// raw socket: the body is never sent, which is exactly what a client over the limit must not need to do.
/// </summary>
public sealed class KestrelLimitTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "certplatform-limit-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public async Task A_body_over_kestrels_limit_gets_413_and_the_error_page()
    {
        Directory.CreateDirectory(_data);
        using var server = ServerProcess.Start(_data);
        await server.WaitUntilReadyAsync(TimeSpan.FromMinutes(3));

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port);
        await using var stream = tcp.GetStream();
        var head = "POST /account/register HTTP/1.1\r\n" +
                   $"Host: {server.BaseAddress.Authority}\r\n" +
                   "Content-Type: application/x-www-form-urlencoded\r\n" +
                   "Content-Length: 40000000\r\n\r\n" +
                   "FullName=x";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var statusLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("HTTP/1.1 413 Payload Too Large", statusLine);
        var rest = new StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(30))) > 0)
        {
            rest.Append(buffer, 0, read);
            if (rest.ToString().Contains("</html>")) break;
        }
        Assert.True(rest.ToString().Contains("请求内容太大"), rest.ToString());
    }
}
