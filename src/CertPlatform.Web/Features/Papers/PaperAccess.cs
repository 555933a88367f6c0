using System.Text.Json;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using Microsoft.AspNetCore.Identity;

namespace CertPlatform.Web.Features.Papers;

/// <summary>Who may sit a paper and when: audience, window, attempts left, password.</summary>
public static class PaperAccess
{
    private static readonly PasswordHasher<Paper> Hasher = new();

    public static string HashPassword(Paper p, string password) => Hasher.HashPassword(p, password);

    public static bool PasswordMatches(Paper p, string? password) =>
        p.AccessPasswordHash is null ||
        (!string.IsNullOrEmpty(password) && Hasher.VerifyHashedPassword(p, p.AccessPasswordHash, password) != PasswordVerificationResult.Failed);

    /// <summary>Published papers this user belongs to (audience "all", or an assignment naming their organisation, department or them).</summary>
    public static IQueryable<Paper> VisibleTo(AppDbContext db, AppUser user) =>
        db.Papers.Where(p => p.Status == PaperStatus.Published && (p.Audience == PaperAudience.Everyone || db.PaperAssignments.Any(a => a.PaperId == p.Id &&
            ((a.Kind == PaperAudience.Organization && a.Value == user.Organization && user.Organization != "") ||
             (a.Kind == PaperAudience.Department && a.Value == user.Department && user.Department != "") ||
             (a.Kind == PaperAudience.User && a.Value == user.Id)))));

    /// <summary>
    /// The other direction of <see cref="VisibleTo"/>: the active trainees with an e-mail address a paper is meant for
    /// (every trainee, or those its assignments name). Keep the two rules alike.
    /// </summary>
    public static IQueryable<AppUser> Audience(AppDbContext db, string paperId, bool everyone)
    {
        var trainees = db.Users.Where(u => u.IsActive && u.Email != null &&
            db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Trainee)));
        return everyone ? trainees : trainees.Where(u => db.PaperAssignments.Any(a => a.PaperId == paperId &&
            ((a.Kind == PaperAudience.Organization && a.Value == u.Organization && u.Organization != "") ||
             (a.Kind == PaperAudience.Department && a.Value == u.Department && u.Department != "") ||
             (a.Kind == PaperAudience.User && a.Value == u.Id))));
    }

    public static PaperWindow Window(Paper p, DateTimeOffset now) =>
        p.OpensAt is { } o && now < o ? PaperWindow.NotYetOpen : p.ClosesAt is { } c && now >= c ? PaperWindow.Closed : PaperWindow.Open;

    public static IReadOnlyList<BlueprintSection> Sections(Paper p) =>
        p.BlueprintJson is null ? [] : JsonSerializer.Deserialize<List<BlueprintSection>>(p.BlueprintJson) ?? [];

    public static IReadOnlyList<FixedQuestion> FixedQuestions(Paper p) =>
        p.FixedQuestionsJson is null ? [] : JsonSerializer.Deserialize<List<FixedQuestion>>(p.FixedQuestionsJson) ?? [];

    /// <summary>Section titles for results by section: the blueprint's, or one section for a fixed paper.</summary>
    public static IReadOnlyList<string> SectionTitles(Paper p) =>
        p.BlueprintJson is null ? ["试题"] : Sections(p).Select(s => s.Title).ToList();
}
