using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure.Pdf;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Certificates;

/// <summary>
/// Start-up check (after the database is migrated): every certification programme's template loads. A broken or
/// missing file stops start-up with the programme and the file:line to fix, instead of failing a certificate later.
/// </summary>
public sealed class CertificateTemplateCheck(IServiceProvider services, CertificateTemplates templates) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var programmes = await db.Programmes.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.Template }).ToListAsync(ct);
        var problems = new List<string>();
        foreach (var p in programmes)
        {
            try { templates.Get(p.Template); }
            catch (CertificateTemplateException e) { problems.Add($"certification programme '{p.Id}' names certificate template '{p.Template}': {e.Message}"); }
        }
        if (problems.Count > 0) throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
