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
    QuestionImages images, TimeProvider clock, IStringLocalizer<SharedResource> L)
{
    public async Task<SaveQuestionResult> RunAsync(QuestionForm form, bool isNew, ClaimsPrincipal actor, CancellationToken ct)
    {
        var author = actor.Identity?.Name ?? "examiner";
        var errors = (await validator.ValidateAsync(form, ct)).Errors
            .GroupBy(e => e.PropertyName.Split('[')[0]).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        // Uploaded images become content-addressed rows in this unit of work; a failed save stores none.
        var imageErrors = new Dictionary<string, List<string>>();
        void ImageError(string key, string message)
        {
            if (!imageErrors.TryGetValue(key, out var list)) imageErrors[key] = list = [];
            list.Add(message);
        }
        if (form.StemImageFile is { Length: > 0 } stemFile)
        {
            var saved = await images.SaveAsync(stemFile, author, ct);
            if (saved.Error is not null) ImageError("StemImage", saved.Error);
            else { form.StemImage = saved.Sha256; form.RemoveStemImage = false; }
        }
        foreach (var option in form.Options.Where(o => o.ImageFile is { Length: > 0 }))
        {
            var saved = await images.SaveAsync(option.ImageFile!, author, ct);
            if (saved.Error is not null) ImageError("Options", saved.Error);
            else { option.Image = saved.Sha256; option.RemoveImage = false; }
        }
        foreach (var (key, list) in imageErrors)
            errors[key] = [.. errors.GetValueOrDefault(key, []), .. list];
        var referenced = new[] { form.RemoveStemImage ? null : form.StemImage }.Concat(form.Options.Where(o => !o.RemoveImage).Select(o => o.Image))
            .Where(h => !string.IsNullOrEmpty(h)).Distinct().ToList();
        foreach (var hash in referenced)
            if (!db.QuestionImages.Local.Any(i => i.Sha256 == hash) && !await db.QuestionImages.AnyAsync(i => i.Sha256 == hash, ct))
                errors[""] = [.. errors.GetValueOrDefault("", []), L["引用的图片不存在：{0}", hash!]];
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new(false, errors, 0);
        }
        var question = form.ToQuestion();
        var shape = question.Validate();
        if (shape.Count > 0) return new(false, new() { [""] = shape.ToArray() }, 0);

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
        audit.Record(actor, isNew ? AuditActions.QuestionCreated : AuditActions.QuestionEdited, question.Id, $"v{record.CurrentVersion}");
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
