using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Account;

/// <summary>
/// Self-registration. The password is checked first (its problems concern only the password); then
/// a registration whose e-mail or 工号 is already taken is not created but recorded in the audit log
/// (<see cref="AuditActions.AccountRegisterDuplicate"/>) for HR to follow up, and answered exactly like a successful one,
/// with the same password-hashing work. An account whose 工号 and name (and organisation, when both give one) match
/// an employee record HR imported is verified at once (audited as <see cref="AuditActions.UserVerifyMatched"/>);
/// a mismatch stays unverified and is listed for HR on /admin/verification.
/// </summary>
public sealed class RegisterUser(AppDbContext db, UserManager<AppUser> users, AuditLog audit, TimeProvider clock, VerifyAccount verify, ILogger<RegisterUser> log)
{
    public async Task<RegisterOutcome> RunAsync(RegisterForm form, CancellationToken ct)
    {
        var user = new AppUser
        {
            UserName = form.Email.Trim(), Email = form.Email.Trim(), FullName = form.FullName.Trim(),
            EmployeeNumber = form.EmployeeNumber.Trim(), Organization = form.Organization.Trim(), Department = form.Department.Trim(),
            CreatedAt = clock.GetUtcNow(), IsVerified = false, // until HR or an administrator confirms it
        };
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
            errors.AddRange((await validator.ValidateAsync(users, user, form.Password)).Errors);
        if (errors.Count > 0) return new RegisterOutcome(false, errors);

        var email = users.NormalizeEmail(user.Email);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == email || u.EmployeeNumber == user.EmployeeNumber, ct))
            return await DuplicateAsync(user, ct);

        var record = await db.EmployeeRecords.AsNoTracking().FirstOrDefaultAsync(r => r.EmployeeNumber == user.EmployeeNumber, ct);
        var verified = record is not null && EmployeeMatch.Compare(user.EmployeeNumber, user.FullName, user.Organization,
            record.EmployeeNumber, record.FullName, record.Organization) == EmployeeMatchOutcome.Match
            ? verify.Mark(user, null) : null;
        user.PasswordHash = users.PasswordHasher.HashPassword(user, form.Password);
        IdentityResult created;
        try { created = await users.CreateAsync(user); }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await DuplicateAsync(user, ct); // the same 工号 registered a moment ago
        }
        if (!created.Succeeded)
            return created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))
                ? await DuplicateAsync(user, ct)
                : new RegisterOutcome(false, created.Errors.ToList());
        await users.AddToRoleAsync(user, Roles.Trainee);
        audit.Record(null, AuditActions.AccountRegistered, user.Email!, $"{user.FullName} {user.EmployeeNumber}");
        if (verified is not null)
            audit.Record(null, AuditActions.UserVerifyMatched, user.Email!, $"{user.FullName} {user.EmployeeNumber}: matches the imported employee record ({record!.FileName})");
        await db.SaveChangesAsync(ct);
        if (verified is not null) await verify.NotifyAsync(verified, ct);
        return RegisterOutcome.Accepted;
    }

    private async Task<RegisterOutcome> DuplicateAsync(AppUser user, CancellationToken ct)
    {
        users.PasswordHasher.HashPassword(user, Guid.NewGuid().ToString()); // the same work as creating the account
        log.LogInformation("Registration for an e-mail or employee number already in use");
        audit.Record(null, AuditActions.AccountRegisterDuplicate, user.Email!, $"{user.FullName} {user.EmployeeNumber} {user.Organization}");
        await db.SaveChangesAsync(ct);
        return RegisterOutcome.Accepted;
    }
}
