using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Practice;

/// <summary>
/// Loads the pinned version of a practice question: null when it has left the bank, or when it is (or has since
/// been moved to) the secure pool (a secure question's key is never shown, so its page answers 404).
/// </summary>
public static class PracticeQuestions
{
    public static async Task<Question?> LoadAsync(QuestionVersionCache questions, AppDbContext db, PracticeItem item, CancellationToken ct)
    {
        Question q;
        try { q = await questions.GetAsync(item.Id, item.Version, db, ct); }
        catch (InvalidOperationException) { return null; }
        if (q.Pool == QuestionPool.Secure || await db.Questions.AnyAsync(r => r.Id == item.Id && r.Pool == QuestionPool.Secure, ct)) return null;
        return q;
    }
}
