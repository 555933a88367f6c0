using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>
/// Brings the shipped bank (content/questions) into the database without losing examiner work:
/// <list type="bullet">
/// <item>a question not in the database yet is added as version 1;</item>
/// <item>a shipped question whose content changed gets a new version — unless an examiner has saved
/// a version of it since, in which case their version stays current and the question is flagged
/// <see cref="QuestionRecord.ContentUpdatePending"/> for review;</item>
/// <item>questions removed from content stay in the database (attempts may refer to them); retire
/// them in the bank UI.</item>
/// </list>
/// Runs at start-up after migrations; unchanged questions cost one hash comparison each.
/// </summary>
public sealed class QuestionBankSeeder(AppDbContext db, ContentCatalog catalog, QuestionVersioning versions, TimeProvider clock, ILogger<QuestionBankSeeder> log)
{
    public const string ContentAuthor = "content";

    public async Task<SeedOutcome> SyncAsync(CancellationToken ct = default)
    {
        var existing = await db.Questions.ToDictionaryAsync(q => q.Id, ct);
        var lastAuthors = await db.QuestionVersions
            .Where(v => db.Questions.Any(q => q.Id == v.QuestionId && q.CurrentVersion == v.Version))
            .ToDictionaryAsync(v => v.QuestionId, v => v.CreatedBy, ct);
        int added = 0, updated = 0, flagged = 0, unchanged = 0;
        var now = clock.GetUtcNow();
        foreach (var bq in catalog.Questions)
        {
            var q = bq.Question;
            var hash = QuestionJson.Hash(q);
            if (!existing.TryGetValue(q.Id, out var record))
            {
                record = new QuestionRecord
                {
                    Id = q.Id, LessonId = q.LessonId, PartId = "", Type = q.Type.ToString(), Status = q.Status.ToString(),
                    Origin = "content", ContentHash = hash, CurrentVersion = 0,
                };
                db.Questions.Add(record);
                versions.AddVersion(record, q, ContentAuthor, "content/questions", now);
                added++;
                continue;
            }
            if (record.ContentHash == hash) { unchanged++; continue; }
            if (lastAuthors.TryGetValue(q.Id, out var author) && author != ContentAuthor)
            {
                if (!record.ContentUpdatePending) { record.ContentUpdatePending = true; flagged++; }
                record.ContentHash = hash;
                continue;
            }
            record.ContentHash = hash;
            versions.AddVersion(record, q, ContentAuthor, "content/questions updated", now);
            updated++;
        }
        await db.SaveChangesAsync(ct);
        if (added + updated + flagged > 0)
            log.LogInformation("Question bank synced from content: {Added} added, {Updated} updated, {Flagged} flagged for review, {Unchanged} unchanged",
                added, updated, flagged, unchanged);
        return new SeedOutcome(added, updated, flagged, unchanged);
    }
}
