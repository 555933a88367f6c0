using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace CertPlatform.IntegrationTests.Infrastructure;

public static class PdfTextReader
{
    /// <summary>The PDF's text as poppler's pdftotext reads it, whitespace removed (CJK text may come out spaced).</summary>
    public static string Read(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cert-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
            foreach (var a in new[] { "-enc", "UTF-8", path, "-" }) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, "pdftotext failed (apt-get install -y poppler-utils): " + process.StandardError.ReadToEnd());
            return Regex.Replace(output, @"\s+", "");
        }
        finally { File.Delete(path); }
    }
}
