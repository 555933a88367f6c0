using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Certificates;
using CertPlatform.Web.Features.Exams;
using CertPlatform.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Notifications;

/// <summary>
/// Hears every final result (Exams' <see cref="AttemptResultFinal"/>) and queues the "result final" mail to the trainee.
/// Once per attempt and verdict: hearing the same result again adds nothing; a regrade that flips the verdict mails again.
/// Uses its own scope so the outbox insert never saves anything the caller left tracked.
/// </summary>
public sealed class ResultFinalNotifier(IServiceScopeFactory scopes, IOptions<NotificationOptions> options,
    IOptions<CertificateOptions> site, DisplayTime display) : IAttemptResultHandler
{
    public async Task<string?> HandleAsync(AttemptResultFinal result, CancellationToken ct)
    {
        if (!options.Value.IsEnabled) return null;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == result.UserId && u.IsActive)
            .Select(u => new { u.Id, u.Email, u.FullName }).FirstOrDefaultAsync(ct);
        var paper = await db.Papers.AsNoTracking().Where(p => p.Id == result.PaperId)
            .Select(p => new { p.Title, p.ReviewShowsScore }).FirstOrDefaultAsync(ct);
        if (user?.Email is null || paper is null) return null;
        var siteUrl = site.Value.BaseUrl;
        // A paper that hides the score hides the verdict too (the trainee sees it in the app as the paper allows).
        var values = new Dictionary<string, string>
        {
            ["name"] = user.FullName.Length > 0 ? user.FullName : user.Email,
            ["paper"] = paper.Title,
            ["verdict"] = !paper.ReviewShowsScore ? "已评定" : result.Passed ? "通过" : "未通过",
            ["verdictEn"] = !paper.ReviewShowsScore ? "graded" : result.Passed ? "passed" : "not passed",
            ["score"] = paper.ReviewShowsScore ? $"{result.Score:0.##} / {result.MaxScore:0.##}" : "—",
            ["finished"] = display.Minute(result.FinishedAt),
            ["resultUrl"] = $"{siteUrl}/exams/attempt/{result.AttemptId}/result",
            ["siteUrl"] = siteUrl,
        };
        var verdict = result.Passed ? "pass" : "fail";
        await scope.ServiceProvider.GetRequiredService<EnqueueNotification>().RunAsync(new NotificationRequest(
            NotificationKind.ResultFinal, $"{NotificationKind.ResultFinal}:{result.AttemptId}:{verdict}", NotificationTemplateName.ResultFinal,
            new MailRecipient(user.Id, user.Email, values["name"]), values), ct);
        return null;
    }
}
