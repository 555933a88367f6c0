using System.Net;
using System.Text.Json.Nodes;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Account;
using CertPlatform.Web.Features.Certificates;
using CertPlatform.Web.Features.Papers;
using Microsoft.EntityFrameworkCore;
using static CertPlatform.IntegrationTests.Infrastructure.HttpClientForms;

namespace CertPlatform.IntegrationTests.Features.Certificates;

/// <summary>
/// Issue 11 item 1: a certification paper awards its programme's certificate only after a second person approved the
/// exact paper version the attempt ran; authors and approvers never receive it; every step is audited.
/// </summary>
public sealed class CertificationProgrammeTests : IDisposable
{
    private readonly AppFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    private Task<HttpClient> SignIn(string role) => _factory.SignedInClient(Demo.Account(role).Email, Demo.Account(role).Password);

    /// <summary>The attack of the issue: one easy question, pass mark 1, published as a certification paper.</summary>
    private static Task<HttpResponseMessage> SaveCertificationPaperAsync(HttpClient author, string id, bool isNew, string passMark = "1", string title = "速成认证") =>
        author.PostFormAsync(isNew ? "/papers/new" : $"/papers/{id}/edit", "/papers/save",
        [
            F("IsNew", isNew ? "true" : "false"), F("Id", id), F("Title", title), F("Kind", PaperKind.Certification), F("ProgrammeId", CertificationProgramme.SeededId),
            F("Status", PaperStatus.Published), F("TimeLimitMinutes", "20"), F("PassMark", passMark), F("AttemptsAllowed", "0"),
            F("ShuffleQuestions", "false"), F("ShuffleOptions", "false"), F("ReviewShowsScore", "true"), F("ReviewShowsAnswers", "false"),
            F("ReviewShowsExplanations", "false"), F("Mode", "fixed"), F("FixedText", $"{ExamScenario.SecureSingle} 1"), F("Audience", "all"), F("intent", "save"),
        ]);

    private async Task<FinishedAttempt> PassAsync(HttpClient candidate, string paperId) =>
        await _factory.APass(await candidate.WithApiTokenAsync(), paperId);

    private Task<HttpResponseMessage> ApproveAsync(HttpClient approver, string paperId, int version) =>
        approver.PostFormAsync("/papers/approvals", $"/papers/approvals/{paperId}", [F("version", version.ToString())]);

    private Task<List<AuditEntry>> AuditAsync(string action) =>
        _factory.ScopedAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task An_examiner_alone_cannot_mint_certificates_the_pass_is_refused_and_audited_and_HR_sees_why()
    {
        var examiner = await SignIn(Roles.Examiner);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveCertificationPaperAsync(examiner, "quick-cert", isNew: true)).StatusCode);
        var paper = await _factory.ScopedAsync(db => db.Papers.AsNoTracking().SingleAsync(p => p.Id == "quick-cert"));
        Assert.Equal(1, paper.Version);
        Assert.False(paper.IsApproved);
        Assert.Contains("待审批", await examiner.GetStringAsync("/papers"));
        // The examiner cannot approve at all (not a role that approves).
        var examinerApproval = await examiner.PostAsync("/papers/approvals/quick-cert", new FormUrlEncodedContent([F("version", "1")]));
        Assert.Contains("access-denied", examinerApproval.Headers.Location?.ToString() ?? "");

        var trainee = await _factory.NewTraineeClientAsync("attack@demo.local", u => u.FullName = "赵六");
        var result = await PassAsync(trainee, "quick-cert");
        Assert.Null(result.CertificateId);
        Assert.Equal(0, await _factory.ScopedAsync(db => db.Certificates.CountAsync()));
        var refusal = Assert.Single(await AuditAsync(AuditActions.CertificateRefused));
        Assert.Equal($"attempt:{result.AttemptId}", refusal.Target);
        Assert.Contains("reason paper-version-not-approved", refusal.Details);
        Assert.Contains("paper quick-cert v1", refusal.Details);

        var hr = await SignIn(Roles.HR);
        var userId = await _factory.ScopedAsync(db => db.Users.Where(u => u.Email == "attack@demo.local").Select(u => u.Id).SingleAsync());
        Assert.Contains("不颁发证书：考试所用的试卷版本未经审批", await hr.GetStringAsync($"/records/trainee/{userId}"));
    }

    [Fact]
    public async Task The_author_cannot_approve_a_second_person_can_and_the_certificate_names_programme_and_version_everywhere()
    {
        var admin = await SignIn(Roles.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveCertificationPaperAsync(admin, "admin-cert", isNew: true)).StatusCode);
        var own = await ApproveAsync(admin, "admin-cert", 1);
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains("不能审批它", await own.Content.ReadAsStringAsync());
        Assert.Contains("ApproverIsAuthor", Assert.Single(await AuditAsync(AuditActions.PaperApprovalRefused)).Details);
        Assert.False(await _factory.ScopedAsync(db => db.Papers.Where(p => p.Id == "admin-cert").Select(p => p.ApprovedVersion != null).SingleAsync()));

        var manager = await SignIn(Roles.CertificationManager);
        Assert.Equal(HttpStatusCode.Conflict, (await ApproveAsync(manager, "admin-cert", 7)).StatusCode); // not the current version
        Assert.Equal(HttpStatusCode.Redirect, (await ApproveAsync(manager, "admin-cert", 1)).StatusCode);
        var approved = Assert.Single(await AuditAsync(AuditActions.PaperApproved), a => a.Target == "paper:admin-cert");
        Assert.Contains("v1", approved.Details);

        var trainee = await _factory.NewTraineeClientAsync("second@demo.local", u => { u.FullName = "钱七"; u.EmployeeNumber = "E7001"; });
        var certificateId = (await PassAsync(trainee, "admin-cert")).CertificateId;
        Assert.NotNull(certificateId);
        var cert = await _factory.ScopedAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.Id == certificateId));
        Assert.Equal(CertificationProgramme.SeededId, cert.ProgrammeId);
        Assert.Equal(CertificationProgramme.SeededName, cert.ProgrammeName);
        Assert.Equal(1, cert.PaperVersion);
        Assert.Equal("VIP客户服务经理", cert.Title);

        // The PDF prints the programme and the version.
        var pdf = await trainee.GetByteArrayAsync($"/certificates/{certificateId}/pdf");
        var text = PdfTextReader.Read(pdf);
        Assert.Contains($"认证项目：{CertificationProgramme.SeededName}·试卷版本v1", text);

        // Verify page, HTML and JSON.
        var anonymous = _factory.NewClient();
        var line = $"认证项目：{CertificationProgramme.SeededName} · 试卷版本 v1";
        Assert.Contains(line, PageText.Of(await anonymous.GetStringAsync($"/verify/{cert.VerificationCode}")));
        var json = new HttpRequestMessage(HttpMethod.Get, $"/verify/{cert.VerificationCode}");
        json.Headers.Accept.ParseAdd("application/json");
        var facts = await (await anonymous.SendAsync(json)).JsonAsync();
        Assert.Equal(CertificationProgramme.SeededName, (string)facts["programme"]!);
        Assert.Equal(1, (int)facts["paperVersion"]!);

        // HR: table, trainee detail, CSV export.
        var hr = await SignIn(Roles.HR);
        Assert.Contains(line, PageText.Of(await hr.GetStringAsync("/records")));
        Assert.Contains(line, PageText.Of(await hr.GetStringAsync($"/records/trainee/{cert.UserId}")));
        var csv = await hr.GetStringAsync("/records/export.csv");
        Assert.Contains("\"认证项目\",\"试卷版本\"", csv);
        Assert.Contains(cert.Number, csv);
        Assert.Matches($"{cert.Number}.*{CertificationProgramme.SeededName}\"?,\"?v1", csv);
    }

    [Fact]
    public async Task Editing_an_approved_paper_needs_approval_again_and_authors_and_approvers_get_no_certificate()
    {
        var examiner = await SignIn(Roles.Examiner);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveCertificationPaperAsync(examiner, "edit-cert", isNew: true)).StatusCode);
        var manager = await SignIn(Roles.CertificationManager);
        Assert.Equal(HttpStatusCode.Redirect, (await ApproveAsync(manager, "edit-cert", 1)).StatusCode);

        // A title change does not change what is certified: same version, still approved.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveCertificationPaperAsync(examiner, "edit-cert", isNew: false, title: "速成认证（改名）")).StatusCode);
        var renamed = await _factory.ScopedAsync(db => db.Papers.AsNoTracking().SingleAsync(p => p.Id == "edit-cert"));
        Assert.Equal((1, true), (renamed.Version, renamed.IsApproved));

        // The author and the approver pass the approved version: no certificate, each refusal audited with its reason.
        var authorPass = await PassAsync(examiner, "edit-cert");
        Assert.Null(authorPass.CertificateId);
        var approverPass = await PassAsync(manager, "edit-cert");
        Assert.Null(approverPass.CertificateId);
        var refusals = await AuditAsync(AuditActions.CertificateRefused);
        Assert.Contains(refusals, r => r.Target == $"attempt:{authorPass.AttemptId}" && r.Details.Contains("reason holder-is-author"));
        Assert.Contains(refusals, r => r.Target == $"attempt:{approverPass.AttemptId}" && r.Details.Contains("reason holder-is-approver"));

        // A pass-mark change makes version 2, which awaits approval: the revocation is audited.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveCertificationPaperAsync(examiner, "edit-cert", isNew: false, passMark: "0.5")).StatusCode);
        var changed = await _factory.ScopedAsync(db => db.Papers.AsNoTracking().SingleAsync(p => p.Id == "edit-cert"));
        Assert.Equal(2, changed.Version);
        Assert.False(changed.IsApproved);
        Assert.Contains("v1 was approved", Assert.Single(await AuditAsync(AuditActions.PaperApprovalRevoked)).Details);
        Assert.Contains("v2", await manager.GetStringAsync("/papers/approvals"));

        var trainee = await _factory.NewTraineeClientAsync("after-edit@demo.local");
        var unapproved = await PassAsync(trainee, "edit-cert");
        Assert.Null(unapproved.CertificateId);
        Assert.Contains(await AuditAsync(AuditActions.CertificateRefused),
            r => r.Target == $"attempt:{unapproved.AttemptId}" && r.Details.Contains("reason paper-version-not-approved") && r.Details.Contains("v2"));

        // Approved again (v2), the next trainee's pass earns a certificate naming v2.
        Assert.Equal(HttpStatusCode.Redirect, (await ApproveAsync(manager, "edit-cert", 2)).StatusCode);
        var later = await _factory.NewTraineeClientAsync("after-approval@demo.local");
        var certificateId = (await PassAsync(later, "edit-cert")).CertificateId;
        Assert.NotNull(certificateId);
        Assert.Equal(2, await _factory.ScopedAsync(db => db.Certificates.Where(c => c.Id == certificateId).Select(c => c.PaperVersion).SingleAsync()));
    }

    [Fact]
    public async Task The_seeded_certification_paper_is_approved_by_the_seeding_administrator()
    {
        var paper = await _factory.ScopedAsync(db => db.Papers.AsNoTracking().SingleAsync(p => p.Id == PaperSeeder.CertificationId));
        Assert.Equal(CertificationProgramme.SeededId, paper.ProgrammeId);
        Assert.True(paper.IsApproved);
        var approval = await _factory.ScopedAsync(db => db.PaperApprovals.AsNoTracking().SingleAsync(a => a.PaperId == PaperSeeder.CertificationId));
        Assert.Equal((1, PaperVersion.SystemAuthor), (approval.Version, approval.ApproverId));
        Assert.Contains("seeding administrator", Assert.Single(await AuditAsync(AuditActions.PaperApproved)).Details);
    }
}
