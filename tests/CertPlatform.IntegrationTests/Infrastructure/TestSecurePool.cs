using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Papers;
using CertPlatform.Web.Features.QuestionBank;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CertPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// Certification papers draw only from the secure pool. Until the shipped bank carries secure questions (content
/// writers are adding them), tests that sit the certification paper would find nothing to draw: after the app has
/// seeded its database, this moves just enough ready practice questions (the last ids of each part and type) into
/// the secure pool — the column and the current version's JSON — for one certification attempt. When the shipped
/// bank already has enough secure questions, it changes nothing. Runs after the app's own initialiser.
/// </summary>
public sealed class TestSecurePool(IServiceProvider services) : IHostedService
{
    /// <summary>Lessons whose questions other tests name by id (as practice questions): moved last, if at all.</summary>
    private static readonly HashSet<string> NamedByTests = ["p1-crm", "p1-customer-classification", "p1-customer-value", "p1-swot", "p2-customer-care", "p4-fttx"];

    public async Task StartAsync(CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ready = await db.Questions.Where(q => q.Status == nameof(QuestionStatus.Ready)).ToListAsync(ct);
        foreach (var section in PaperSeeder.CertificationBlueprint)
        {
            var matching = ready.Where(q => q.PartId == section.PartId && q.Type == section.Type).ToList();
            var missing = section.Count - matching.Count(q => q.Pool == QuestionPool.Secure);
            foreach (var record in matching.Where(q => q.Pool == QuestionPool.Practice)
                         .OrderBy(q => NamedByTests.Contains(q.LessonId)).ThenByDescending(q => q.Id, StringComparer.Ordinal).Take(Math.Max(0, missing)))
                await MoveAsync(db, record, ct);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Moves the questions into the secure pool (column and current version) as the question editor would, without a new version.</summary>
    public static async Task MakeSecureAsync(AppFactory factory, params string[] ids)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var record in await db.Questions.Where(q => ids.Contains(q.Id)).ToListAsync())
            await MoveAsync(db, record, CancellationToken.None);
        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<QuestionVersionCache>().Invalidate();
    }

    private static async Task MoveAsync(AppDbContext db, QuestionRecord record, CancellationToken ct)
    {
        record.Pool = QuestionPool.Secure;
        var version = await db.QuestionVersions.SingleAsync(v => v.QuestionId == record.Id && v.Version == record.CurrentVersion, ct);
        version.PayloadJson = QuestionJson.Serialize(QuestionJson.Deserialize(version.PayloadJson) with { Pool = QuestionPool.Secure });
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
