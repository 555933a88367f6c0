using System.Security.Claims;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Account;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>
/// Creates a question or saves an edit as a new version. An edit based on an older version than the
/// current one is refused, so two examiners cannot silently overwrite each other.
/// </summary>
public sealed class SaveQuestion(AppDbContext db, QuestionVersioning versions, IValidator<QuestionForm> validator, AuditLog audit,
    TimeProvider clock, IStringLocalizer<SharedResource> L)
{
    public sealed record Result(bool Saved, Dictionary<string, string[]> Errors, int Version);

    public async Task<Result> RunAsync(QuestionForm form, bool isNew, ClaimsPrincipal actor, CancellationToken ct)
    {
        var errors = (await validator.ValidateAsync(form, ct)).Errors
            .GroupBy(e => e.PropertyName.Split('[')[0]).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        if (errors.Count > 0) return new(false, errors, 0);
        var question = form.ToQuestion();
        var shape = question.Validate();
        if (shape.Count > 0) return new(false, new() { [""] = shape.ToArray() }, 0);

        var author = actor.Identity?.Name ?? "examiner";
        var record = await db.Questions.SingleOrDefaultAsync(q => q.Id == question.Id, ct);
        if (isNew)
        {
            if (record is not null) return new(false, new() { ["Id"] = [L["题号 {0} 已存在", question.Id]] }, 0);
            record = new QuestionRecord { Id = question.Id, LessonId = question.LessonId, PartId = "", Type = "", Status = "", Origin = "examiner" };
            db.Questions.Add(record);
        }
        else
        {
            if (record is null) return new(false, new() { [""] = [L["试题不存在"]] }, 0);
            if (record.CurrentVersion != form.BaseVersion)
                return new(false, new() { [""] = [L["保存失败：在您编辑期间，{0} 已保存了新版本 v{1}。请重新打开试题后再修改。", record.UpdatedBy, record.CurrentVersion]] }, 0);
            var currentType = Enum.Parse<QuestionType>(record.Type);
            if (currentType != question.Type) return new(false, new() { [""] = [L["不能更改已有试题的题型"]] }, 0);
            record.ContentUpdatePending = false; // the examiner has reviewed the question
        }
        versions.AddVersion(record, question, author, string.IsNullOrWhiteSpace(form.Note) ? (isNew ? "created" : "edited") : form.Note.Trim(), clock.GetUtcNow());
        audit.Record(actor, isNew ? "question.create" : "question.edit", question.Id, $"v{record.CurrentVersion}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another save of the same question won the race for this version number.
            return new(false, new() { [""] = [L["保存失败：试题刚被其他人修改，请重新打开后再试。"]] }, 0);
        }
        return new(true, [], record.CurrentVersion);
    }
}
