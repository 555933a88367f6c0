using System.Net;
using CertPlatform.IntegrationTests.Infrastructure;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Account;
using CertPlatform.Web.Features.Papers;
using Microsoft.EntityFrameworkCore;
using static CertPlatform.IntegrationTests.Infrastructure.HttpClientForms;

namespace CertPlatform.IntegrationTests.Features.Exams;

/// <summary>
/// Issue 11 leftover: a trainee is told before starting that a certification paper will not award them a certificate
/// (version not approved by a second person, or they wrote or approved it), on the exam list and the start page; an
/// attempt started on an unapproved version is audited with the paper id and version.
/// </summary>
public sealed class UncertifiableStartTests : IDisposable
{
    private readonly AppFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    private const string NotApprovedText = "此试卷版本（v1）尚未经第二人审核批准：可以参加考试，但通过后不会颁发证书。";

    private Task<HttpClient> SignIn(string role) => _factory.SignedInClient(Demo.Account(role).Email, Demo.Account(role).Password);

    private static Task<HttpResponseMessage> SaveCertificationPaperAsync(HttpClient author, string id) =>
        author.PostFormAsync("/papers/new", "/papers/save",
        [
            F("IsNew", "true"), F("Id", id), F("Title", "未审批的认证"), F("Kind", PaperKind.Certification), F("ProgrammeId", CertificationProgramme.SeededId),
            F("Status", PaperStatus.Published), F("TimeLimitMinutes", "20"), F("PassMark", "1"), F("AttemptsAllowed", "0"),
            F("ShuffleQuestions", "false"), F("ShuffleOptions", "false"), F("ReviewShowsScore", "true"), F("ReviewShowsAnswers", "false"),
            F("ReviewShowsExplanations", "false"), F("Mode", "fixed"), F("FixedText", $"{ExamScenario.SecureSingle} 1"), F("Audience", "all"), F("intent", "save"),
        ]);

    private static async Task<string> Page(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));

    [Fact]
    public async Task A_trainee_is_warned_on_the_list_and_the_start_page_and_the_start_is_audited_with_paper_and_version()
    {
        var examiner = await SignIn(Roles.Examiner);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveCertificationPaperAsync(examiner, "unapproved-cert")).StatusCode);
        var trainee = await _factory.NewTraineeClientAsync("warned@demo.local");

        var list = await Page(trainee, "/exams");
        Assert.Contains(NotApprovedText, list);
        // The approved seeded certification paper carries no warning: exactly one notice on the list.
        Assert.Equal(1, Count(list, "certification-notice"));
        Assert.Contains(NotApprovedText, await Page(trainee, "/exams/unapproved-cert"));
        Assert.DoesNotContain("certification-notice", await Page(trainee, $"/exams/{PaperSeeder.CertificationId}"));

        var start = await trainee.PostFormAsync("/exams/unapproved-cert", "/exams/unapproved-cert/start", []);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.StartsWith("/exams/attempt/", start.Headers.Location!.OriginalString);
        var attemptId = start.Headers.Location.OriginalString["/exams/attempt/".Length..];
        var audit = Assert.Single(await _factory.ScopedAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditActions.AttemptStartedUnapproved).ToListAsync()));
        Assert.Equal("paper:unapproved-cert", audit.Target);
        Assert.Contains("version=1", audit.Details);
        Assert.Contains($"attempt={attemptId}", audit.Details);
        Assert.Equal("warned@demo.local", audit.ActorName);

        // The approved seeded paper starts without any such audit entry.
        await trainee.PostFormAsync($"/exams/{PaperSeeder.CertificationId}", $"/exams/{PaperSeeder.CertificationId}/start", []);
        Assert.Equal(1, await _factory.ScopedAsync(db => db.AuditEntries.CountAsync(a => a.Action.StartsWith("attempt.started-"))));
    }

    [Fact]
    public async Task The_author_and_the_approver_are_told_they_get_no_certificate_and_the_trainee_no_longer_is_after_approval()
    {
        var examiner = await SignIn(Roles.Examiner);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveCertificationPaperAsync(examiner, "own-cert")).StatusCode);
        var manager = await SignIn(Roles.CertificationManager);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync("/papers/approvals", "/papers/approvals/own-cert", [F("version", "1")])).StatusCode);

        Assert.Contains("您是此试卷的编写人：可以参加考试，但通过后不会向您颁发证书。", await Page(examiner, "/exams/own-cert"));
        Assert.Contains("您审核批准过此试卷：可以参加考试，但通过后不会向您颁发证书。", await Page(manager, "/exams/own-cert"));
        var trainee = await _factory.NewTraineeClientAsync("approved@demo.local");
        Assert.DoesNotContain("certification-notice", await Page(trainee, "/exams/own-cert"));

        Assert.Equal(HttpStatusCode.Redirect, (await examiner.PostFormAsync("/exams/own-cert", "/exams/own-cert/start", [])).StatusCode);
        var audit = Assert.Single(await _factory.ScopedAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditActions.AttemptStartedWithoutCertificate).ToListAsync()));
        Assert.Contains("reason=holder-is-author", audit.Details);
    }

    private static int Count(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;
}
