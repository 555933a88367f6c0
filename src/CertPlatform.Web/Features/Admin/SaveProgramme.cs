using System.Security.Claims;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Account;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Admin;

/// <summary>
/// Creates or updates a certification programme (audited). Certificates already issued keep the facts they froze at
/// issue; the next certificate uses the new values.
/// </summary>
public sealed class SaveProgramme(AppDbContext db, IValidator<ProgrammeForm> validator, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> L)
{
    /// <summary>The form's errors by field; empty when saved. Null when the programme to edit does not exist.</summary>
    public async Task<Dictionary<string, string[]>?> RunAsync(ProgrammeForm form, ClaimsPrincipal actor, CancellationToken ct)
    {
        var errors = (await validator.ValidateAsync(form, ct)).Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
        var id = form.Id.Trim();
        var programme = form.IsNew ? null : await db.Programmes.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (!form.IsNew && programme is null) return null;
        if (form.IsNew && await db.Programmes.AnyAsync(p => p.Id == id, ct)) errors[nameof(form.Id)] = [L["这个编号已被使用"]];
        var name = form.Name.Trim();
        if (await db.Programmes.AnyAsync(p => p.Name == name && p.Id != id, ct)) errors[nameof(form.Name)] = [L["已有同名的认证项目"]];
        if (errors.Count > 0) return errors;

        var now = clock.GetUtcNow();
        if (programme is null)
        {
            programme = new CertificationProgramme { Id = id, Name = "", Title = "", Level = "", CreatedAt = now };
            db.Programmes.Add(programme);
        }
        var before = $"{programme.Name}/{programme.Title}/{programme.Level}/{programme.ValidityMonths}/{programme.Template}";
        programme.Name = name;
        programme.Title = form.Title.Trim();
        programme.Level = form.Level.Trim();
        programme.ValidityMonths = form.ValidityMonths;
        programme.Template = form.Template.Trim();
        programme.Description = form.Description.Trim();
        programme.Criteria = form.Criteria.Trim();
        programme.UpdatedAt = now;
        audit.Record(actor, form.IsNew ? AuditActions.ProgrammeCreated : AuditActions.ProgrammeUpdated, $"programme:{id}",
            $"before {before}; after {programme.Name}/{programme.Title}/{programme.Level}/{programme.ValidityMonths}/{programme.Template}");
        await db.SaveChangesAsync(ct);
        return [];
    }
}
