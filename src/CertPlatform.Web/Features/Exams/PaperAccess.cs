using System.Text.Json;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Exams;

/// <summary>A question of a fixed paper: which question and what it is worth.</summary>
public sealed record FixedQuestion(string Id, decimal Points);

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
        db.Papers.Where(p => p.Status == PaperStatus.Published && (p.Audience == "all" || db.PaperAssignments.Any(a => a.PaperId == p.Id &&
            ((a.Kind == "organization" && a.Value == user.Organization && user.Organization != "") ||
             (a.Kind == "department" && a.Value == user.Department && user.Department != "") ||
             (a.Kind == "user" && a.Value == user.Id)))));

    public enum WindowState { Open, NotYetOpen, Closed }

    public static WindowState Window(Paper p, DateTimeOffset now) =>
        p.OpensAt is { } o && now < o ? WindowState.NotYetOpen : p.ClosesAt is { } c && now >= c ? WindowState.Closed : WindowState.Open;

    public static IReadOnlyList<BlueprintSection> Sections(Paper p) =>
        p.BlueprintJson is null ? [] : JsonSerializer.Deserialize<List<BlueprintSection>>(p.BlueprintJson) ?? [];

    public static IReadOnlyList<FixedQuestion> FixedQuestions(Paper p) =>
        p.FixedQuestionsJson is null ? [] : JsonSerializer.Deserialize<List<FixedQuestion>>(p.FixedQuestionsJson) ?? [];

    /// <summary>Section titles for results by section: the blueprint's, or one section for a fixed paper.</summary>
    public static IReadOnlyList<string> SectionTitles(Paper p) =>
        p.BlueprintJson is null ? ["试题"] : Sections(p).Select(s => s.Title).ToList();
}
