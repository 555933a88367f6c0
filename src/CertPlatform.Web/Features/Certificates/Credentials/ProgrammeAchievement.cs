using System.Text.Json.Nodes;
using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Certificates.Credentials;

/// <summary>The public Open Badges achievement of a certification programme, with its JSON-LD context.</summary>
public sealed class ProgrammeAchievement(AppDbContext db, OpenBadgeCredentials credentials)
{
    /// <summary>The programme's achievement; without a programme id the seeded programme's (the address credentials issued before programmes carry). Null when there is no such programme.</summary>
    public async Task<JsonObject?> FindAsync(string? programmeId, CancellationToken ct)
    {
        var id = programmeId ?? CertificationProgramme.SeededId;
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (programme is null) return null;
        var achievement = credentials.Achievement(programme);
        achievement.Insert(0, "@context", new JsonArray(OpenBadgeCredentials.VcContext, OpenBadgeCredentials.ObContext));
        return achievement;
    }
}
