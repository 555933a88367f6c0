using System.Text.Json;
using CertPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using CertPlatform.Web.Features.QuestionBank;
using CertPlatform.Web.Features.Papers;
using CertPlatform.Web.Domain.Exams;

namespace CertPlatform.Web.Features.Exams;

public sealed record SavedAnswer(int Ref, JsonElement Response, long Seq, DateTimeOffset SavedAtUtc);

/// <summary>An attempt as its owner sees it while sitting it: questions without keys, saved answers with seq, flags.</summary>
public sealed record AttemptView(Attempt Attempt, Paper Paper, IReadOnlyList<QuestionView> Questions, IReadOnlyList<SavedAnswer> Answers, IReadOnlyList<int> Flags)
{
    public IReadOnlyList<string> SectionTitles => PaperAccess.SectionTitles(Paper);
    public SavedAnswer? AnswerTo(int questionRef) => Answers.FirstOrDefault(a => a.Ref == questionRef);
}

public sealed class AttemptViews(AppDbContext db, QuestionVersionCache questions)
{
    /// <summary>The attempt if it belongs to <paramref name="userId"/>; null otherwise (callers answer 404 either way).</summary>
    public async Task<AttemptView?> ForOwnerAsync(string attemptId, string userId, CancellationToken ct)
    {
        var attempt = await db.Attempts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attemptId && a.UserId == userId, ct);
        if (attempt is null) return null;
        var paper = await db.Papers.AsNoTracking().FirstAsync(p => p.Id == attempt.PaperId, ct);
        var layout = AttemptLayout.Parse(attempt.LayoutJson);
        var loaded = await questions.GetAsync(layout.Select(l => (l.QuestionId, l.Version)), db, ct);
        var answers = (await db.AttemptAnswers.AsNoTracking().Where(a => a.AttemptId == attemptId).OrderBy(a => a.QuestionRef).ToListAsync(ct))
            .Select(a => new SavedAnswer(a.QuestionRef, JsonDocument.Parse(a.ResponseJson).RootElement.Clone(), a.Seq, DateTimeOffset.FromUnixTimeMilliseconds(a.SavedAtMs)))
            .ToList();
        return new AttemptView(attempt, paper, layout.Select(l => QuestionView.Of(loaded[(l.QuestionId, l.Version)], l)).ToList(), answers,
            JsonSerializer.Deserialize<List<int>>(attempt.FlagsJson) ?? []);
    }
}
