using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace CertPlatform.UnitTests.Infrastructure.Pdf;

public sealed record ToolResult(int ExitCode, string StdOut, string StdErr);

/// <summary>
/// Runs the poppler/zbar command-line tools that check our PDFs the way an independent reader would. A missing tool
/// fails the test with the install command: a certificate check that silently does not run is worse than a red test.
/// </summary>
public static class ExternalTool
{
    private static readonly Dictionary<string, string> PackageOf = new(StringComparer.Ordinal)
    {
        ["pdftotext"] = "poppler-utils", ["pdffonts"] = "poppler-utils", ["pdfsig"] = "poppler-utils",
        ["pdftoppm"] = "poppler-utils", ["pdfimages"] = "poppler-utils", ["zbarimg"] = "zbar-tools",
    };

    /// <param name="expectSuccess">When true a non-zero exit code fails the test with the tool's stderr.</param>
    public static ToolResult Run(string tool, IEnumerable<string> args, bool expectSuccess = true, int timeoutSeconds = 60)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args) start.ArgumentList.Add(a);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        }
        catch (Win32Exception ex)
        {
            var package = PackageOf.GetValueOrDefault(tool, "poppler-utils zbar-tools");
            Assert.Fail($"'{tool}' is not installed ({ex.Message}). Install it: apt-get install -y {package}");
            throw; // unreachable: Assert.Fail throws
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"'{tool} {string.Join(' ', start.ArgumentList)}' did not finish within {timeoutSeconds} s.");
            }
            process.WaitForExit(); // drains the redirected streams
            var result = new ToolResult(process.ExitCode, stdout.Result, stderr.Result);
            if (expectSuccess && result.ExitCode != 0)
                Assert.Fail($"'{tool} {string.Join(' ', start.ArgumentList)}' exited with {result.ExitCode}: {result.StdErr}{result.StdOut}");
            return result;
        }
    }
}
