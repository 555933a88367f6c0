using System.Security.Claims;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Account;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Admin;

/// <summary>
/// An administrator creates a user (with a one-time initial password) or edits one's profile and roles (audited). Employee
/// numbers and e-mail addresses stay unique; an administrator cannot take away their own administrator role.
/// </summary>
public sealed class SaveUser(AppDbContext db, UserManager<AppUser> users, AuditLog audit, TimeProvider clock,
    IValidator<UserForm> validator, IStringLocalizer<SharedResource> L)
{
    public async Task<SaveUserResult> CreateAsync(UserForm form, ClaimsPrincipal actor, CancellationToken ct)
    {
        form.Id = null;
        if (await ProblemsAsync(form, null, ct) is { Count: > 0 } problems) return SaveUserResult.Invalid(problems);
        var password = InitialPasswords.Generate();
        var user = new AppUser
        {
            UserName = form.Email.Trim(), Email = form.Email.Trim(), FullName = form.FullName.Trim(), EmployeeNumber = form.EmployeeNumber.Trim(),
            Organization = form.Organization.Trim(), Department = form.Department.Trim(), MustChangePassword = true, CreatedAt = clock.GetUtcNow(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return SaveUserResult.Invalid(FormErrors(created));
        await users.AddToRolesAsync(user, form.Roles.Distinct());
        audit.Record(actor, AuditActions.UserCreated, user.Email!, $"{user.FullName} {user.EmployeeNumber} roles={string.Join(",", form.Roles)}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return SaveUserResult.Saved(new InitialPassword(user.FullName, user.EmployeeNumber!, user.Email!, password));
    }

    public async Task<SaveUserResult> UpdateAsync(string id, UserForm form, ClaimsPrincipal actor, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return SaveUserResult.NotFound;
        form.Id = id;
        if (await ProblemsAsync(form, user, ct) is { Count: > 0 } problems) return SaveUserResult.Invalid(problems);
        if (user.Id == actor.FindFirstValue(ClaimTypes.NameIdentifier) && !form.Roles.Contains(Roles.Admin))
            return SaveUserResult.Invalid(new Dictionary<string, string[]> { [nameof(form.Roles)] = [L["不能移除自己的管理员角色"]] });
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        user.FullName = form.FullName.Trim();
        user.EmployeeNumber = form.EmployeeNumber.Trim();
        user.Organization = form.Organization.Trim();
        user.Department = form.Department.Trim();
        if (!string.Equals(user.Email, form.Email.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            await users.SetEmailAsync(user, form.Email.Trim());
            await users.SetUserNameAsync(user, form.Email.Trim());
        }
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded) return SaveUserResult.Invalid(FormErrors(updated));
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(form.Roles));
        await users.AddToRolesAsync(user, form.Roles.Distinct().Except(current));
        if (!current.Order().SequenceEqual(form.Roles.Distinct().Order())) await users.UpdateSecurityStampAsync(user);
        audit.Record(actor, AuditActions.UserUpdated, user.Email!, $"{user.FullName} {user.EmployeeNumber} roles={string.Join(",", form.Roles)}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return SaveUserResult.Saved();
    }

    /// <summary>The validator's messages; when there are none, an employee number or e-mail address another account holds.</summary>
    private async Task<Dictionary<string, string[]>> ProblemsAsync(UserForm form, AppUser? existing, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
            return validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
        var problems = new Dictionary<string, string[]>();
        var number = form.EmployeeNumber.Trim();
        if (await db.Users.AnyAsync(u => u.EmployeeNumber == number && (existing == null || u.Id != existing.Id), ct))
            problems[nameof(form.EmployeeNumber)] = [L["工号 {0} 已被其他账号使用", number]];
        var email = users.NormalizeEmail(form.Email.Trim());
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == email && (existing == null || u.Id != existing.Id), ct))
            problems[nameof(form.Email)] = [L["邮箱 {0} 已被使用", form.Email.Trim()]];
        return problems;
    }

    /// <summary>Identity's messages (a duplicate user name, a password it refuses) belong to the whole form.</summary>
    private static Dictionary<string, string[]> FormErrors(IdentityResult result) =>
        new() { [""] = result.Errors.Select(e => e.Description).ToArray() };
}
