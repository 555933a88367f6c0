using System.Security.Claims;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>Bulk changes chosen in the bank list: add a tag, retire, make ready. Each change is a new version.</summary>
public sealed class BulkUpdateQuestions(AppDbContext db, QuestionVersioning versions, AuditLog audit, TimeProvider clock)
{
    public async Task<int> RunAsync(IReadOnlyCollection<string> ids, BulkQuestionAction action, string? tag, ClaimsPrincipal actor, CancellationToken ct)
    {
        tag = tag?.Trim().Replace("|", "");
        if (ids.Count == 0 || (action is BulkQuestionAction.AddTag or BulkQuestionAction.RemoveTag && string.IsNullOrEmpty(tag))) return 0;
        var author = actor.Identity?.Name ?? "examiner";
        var now = clock.GetUtcNow();
        var records = await db.Questions.Where(q => ids.Contains(q.Id)).ToListAsync(ct);
        var changed = 0;
        foreach (var record in records)
        {
            var json = await db.QuestionVersions.Where(v => v.QuestionId == record.Id && v.Version == record.CurrentVersion).Select(v => v.PayloadJson).SingleAsync(ct);
            var q = QuestionJson.Deserialize(json);
            var updated = action switch
            {
                BulkQuestionAction.AddTag when !q.Tags.Contains(tag!) => q with { Tags = [.. q.Tags, tag!] },
                BulkQuestionAction.RemoveTag when q.Tags.Contains(tag!) => q with { Tags = q.Tags.Where(t => t != tag).ToList() },
                BulkQuestionAction.Retire when q.Status != QuestionStatus.Retired => q with { Status = QuestionStatus.Retired },
                BulkQuestionAction.MakeReady when q.Status != QuestionStatus.Ready => q with { Status = QuestionStatus.Ready },
                _ => null,
            };
            if (updated is null) continue;
            versions.AddVersion(record, updated, author, action switch
            {
                BulkQuestionAction.AddTag => $"bulk: add tag {tag}", BulkQuestionAction.RemoveTag => $"bulk: remove tag {tag}",
                BulkQuestionAction.Retire => "bulk: retire", _ => "bulk: ready",
            }, now);
            changed++;
        }
        audit.Record(actor, action switch
        {
            BulkQuestionAction.AddTag => AuditActions.QuestionsBulkAddTag, BulkQuestionAction.RemoveTag => AuditActions.QuestionsBulkRemoveTag,
            BulkQuestionAction.Retire => AuditActions.QuestionsBulkRetire, _ => AuditActions.QuestionsBulkMakeReady,
        }, $"{changed} questions", string.Join(",", ids.Take(50)));
        await db.SaveChangesAsync(ct);
        return changed;
    }
}
