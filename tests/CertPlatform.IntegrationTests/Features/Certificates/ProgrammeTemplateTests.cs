using System.Net;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Certificates;
using CertPlatform.Web.Features.Papers;
using CertPlatform.Web.Infrastructure.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CertPlatform.IntegrationTests.Infrastructure.HttpClientForms;

namespace CertPlatform.IntegrationTests.Features.Certificates;

/// <summary>
/// Issue 15: one certificate template per programme. A programme names its template file (beside the default one);
/// its certificates print that template's title and issuer; a broken template is refused at /admin/programmes with
/// file and line, and stops start-up naming the programme.
/// </summary>
public sealed class ProgrammeTemplateTests : IDisposable
{
    private readonly string _templates = Path.Combine(Path.GetTempPath(), "certplatform-templates-" + Guid.NewGuid().ToString("N"));
    private readonly AppFactory _factory;

    public ProgrammeTemplateTests()
    {
        Directory.CreateDirectory(_templates);
        var shipped = File.ReadAllText(Path.Combine(ServerProcess.RepositoryRoot(), "content", "certificates", "template.yaml"));
        File.WriteAllText(Path.Combine(_templates, "template.yaml"), shipped);
        File.WriteAllText(Path.Combine(_templates, "gold.yaml"), shipped
            .Replace("issuer: 客户服务培训认证中心", "issuer: 政企客户服务认证中心", StringComparison.Ordinal)
            .Replace("title: 客户经理职业技能等级证书", "title: 政企客户经理金牌服务证书", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(_templates, "broken.yaml"), shipped.Replace("title: 客户经理职业技能等级证书", "title: [未闭合", StringComparison.Ordinal));
        _factory = new AppFactory().With("Certificates:TemplatePath", Path.Combine(_templates, "template.yaml"));
    }

    public void Dispose()
    {
        _factory.Dispose();
        Directory.Delete(_templates, recursive: true);
    }

    private static Task<HttpResponseMessage> SaveProgrammeAsync(HttpClient admin, string template) =>
        admin.PostFormAsync("/admin/programmes/new", "/admin/programmes/save",
        [
            F("IsNew", "true"), F("Id", "gold-service"), F("Name", "政企客户经理金牌服务认证"), F("Title", "政企客户经理"), F("Level", "金牌"),
            F("ValidityMonths", "24"), F("Template", template), F("Description", "政企客户经理的金牌服务认证。"), F("Criteria", "通过金牌服务认证考试。"),
        ]);

    [Fact]
    public async Task A_programme_with_its_own_template_prints_that_templates_title_and_issuer()
    {
        var admin = await _factory.SignedInClient(Demo.Account(Roles.Admin).Email, Demo.Account(Roles.Admin).Password);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveProgrammeAsync(admin, "gold.yaml")).StatusCode);
        // The approved seeded paper certifies the new programme from now on (set directly: the approval stays).
        await _factory.ScopedAsync(db => db.Papers.Where(p => p.Id == PaperSeeder.CertificationId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ProgrammeId, "gold-service")));

        var trainee = await _factory.NewTraineeClientAsync("gold@demo.local", u => u.FullName = "孙金");
        var certificateId = (await _factory.ACertificate(trainee)).Id;
        var text = PdfTextReader.Read(await trainee.GetByteArrayAsync($"/certificates/{certificateId}/pdf"));
        Assert.Contains("政企客户经理金牌服务证书", text);
        Assert.Contains("政企客户服务认证中心", text);
        Assert.DoesNotContain("客户经理职业技能等级证书", text);

        // The seeded programme keeps the default template.
        var other = await _factory.ScopedAsync(db => db.Certificates.AnyAsync(c => c.ProgrammeId == CertificationProgramme.SeededId));
        Assert.False(other);
    }

    [Fact]
    public async Task A_broken_template_is_refused_with_file_and_line_and_stops_start_up_naming_the_programme()
    {
        var admin = await _factory.SignedInClient(Demo.Account(Roles.Admin).Email, Demo.Account(Roles.Admin).Password);
        var refused = await SaveProgrammeAsync(admin, "broken.yaml");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Matches(@"证书模板有误：.*broken\.yaml:\d+:", page);
        Assert.False(await _factory.ScopedAsync(db => db.Programmes.AnyAsync(p => p.Id == "gold-service")));

        // A programme whose file broke after it was saved: the start-up check names the programme, the file and the line.
        await _factory.ScopedAsync(db => db.Programmes.Where(p => p.Id == CertificationProgramme.SeededId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Template, "broken.yaml")));
        var check = new CertificateTemplateCheck(_factory.Services, new CertificateTemplates(_factory.Services.GetRequiredService<CertificateTemplate>(), _templates));
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => check.StartAsync(CancellationToken.None));
        Assert.Contains($"programme '{CertificationProgramme.SeededId}'", failure.Message);
        Assert.Matches(@"broken\.yaml:\d+:", failure.Message);
    }
}
