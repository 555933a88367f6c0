using System.Buffers.Binary;
using System.Diagnostics;
using CertPlatform.BrowserTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertPlatform.BrowserTests;

/// <summary>
/// The README screenshots of the exam (desktop and phone), a result, a certificate (its PDF's first page, rendered
/// with pdftoppm) and the verify page. They are written to docs/screenshots only with UPDATE_SCREENSHOTS=1; an
/// ordinary run renders them under TestResults and checks each is a real PNG of the expected size.
/// </summary>
[Collection(ExamSiteCollection.Name)]
public sealed class ExamScreenshotTests(ExamSiteFixture site)
{
    private static readonly BrowserNewContextOptions Desktop = new() { ViewportSize = new ViewportSize { Width = 1280, Height = 800 }, DeviceScaleFactor = 1 };

    [Fact]
    public async Task Readme_screenshots_of_exam_result_certificate_and_verify_pages()
    {
        var data = await WalkData.ForAsync(site);
        var trainee = DemoAccounts.All.Single(a => a.Role == Roles.Trainee);
        Directory.CreateDirectory(RepoPaths.Screenshots);

        await using (var desktop = await site.NewContextAsync(Desktop))
        {
            var page = await desktop.NewPageAsync();
            await page.LogInAsync(trainee.Email, trainee.Password, $"/exams/attempt/{data.OpenAttemptId}");
            await Expect(page.Locator("#save-status")).ToHaveAttributeAsync("data-state", "saved");
            await FreezeTimerAsync(page);
            await page.ShootAsync("exam.png");

            await page.GotoAsync($"/exams/attempt/{data.FinishedAttemptId}/result");
            await Expect(page.Locator("#result-summary")).ToBeVisibleAsync();
            await page.ShootAsync("result.png");

            await page.GotoAsync($"/verify/{data.VerificationCode}");
            await Expect(page.Locator("#status")).ToHaveAttributeAsync("data-status", "valid");
            await page.ShootAsync("verify.png");
        }
        await using (var phone = await site.NewContextAsync(MobileLayoutTests.Phone()))
        {
            var page = await phone.NewPageAsync();
            await page.LogInAsync(trainee.Email, trainee.Password, $"/exams/attempt/{data.OpenAttemptId}");
            await Expect(page.Locator("#save-status")).ToHaveAttributeAsync("data-state", "saved");
            await FreezeTimerAsync(page);
            await page.ShootAsync("mobile-exam.png");
        }
        await RenderCertificateAsync(data.CertificateId, Path.Combine(RepoPaths.Screenshots, "certificate.png"));

        foreach (var (name, width, height) in new[] { ("exam.png", 1280, 800), ("result.png", 1280, 800), ("verify.png", 1280, 800), ("mobile-exam.png", 390, 844) })
            Assert.Equal((width, height), PngSize(name));
        var (cw, ch) = PngSize("certificate.png");
        Assert.True(cw >= 400 && ch >= 280, $"certificate.png is {cw}×{ch} px");
    }

    /// <summary>The countdown keeps running: show a fixed time (a copy replaces the element the script updates).</summary>
    private static Task FreezeTimerAsync(IPage page) =>
        page.EvaluateAsync("() => { const t = document.getElementById('timer'); const c = t.cloneNode(true); c.textContent = t.textContent.replace(/[0-9:]+$/, '28:45'); t.replaceWith(c); }");

    private async Task RenderCertificateAsync(string certificateId, string png)
    {
        var pdf = await site.QueryAsync(db => db.CertificateFiles.AsNoTracking().Where(f => f.CertificateId == certificateId).Select(f => f.Bytes).SingleAsync());
        var temp = Path.Combine(site.TempFolder, "certificate.pdf");
        await File.WriteAllBytesAsync(temp, pdf);
        var prefix = Path.Combine(site.TempFolder, "certificate-page");
        using var p = Process.Start(new ProcessStartInfo("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", temp, prefix])
            { RedirectStandardError = true }) ?? throw new InvalidOperationException("pdftoppm (poppler-utils) could not start");
        var error = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, $"pdftoppm failed ({p.ExitCode}): {error}");
        File.Copy(prefix + ".png", png, overwrite: true);
    }

    /// <summary>Width and height from the PNG's IHDR chunk; fails unless the file is a PNG of more than 10 kB.</summary>
    private static (int Width, int Height) PngSize(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Screenshots, name));
        Assert.True(bytes.Length > 10_000, $"{name} looks empty ({bytes.Length} bytes)");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }
}
