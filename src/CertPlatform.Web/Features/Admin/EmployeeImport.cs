using CertPlatform.Web.Features.QuestionBank.Formats;
using System.Security.Claims;
using System.Text.Json;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Accounts;
using CertPlatform.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Admin;

/// <summary>The employee-import use case: preview an upload, then commit it in one transaction.</summary>
/// Every imported row is also kept as an <see cref="EmployeeRecord"/>; a row whose 工号 belongs to a self-registered account
/// that is not verified yet creates no account: when name (and organisation) match, the account is verified (audited as
/// <see cref="AuditActions.UserVerifyMatched"/>), otherwise it stays unverified and HR sees the mismatch on /admin/verification.
public sealed class EmployeeImport(AppDbContext db, UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, AuditLog audit, TimeProvider clock, VerifyAccount verify)
{
    private static readonly ImportTexts L = ImportTexts.Instance;
    public const string Kind = "employees";
    /// <summary>A roster-only import keeps the employee records (for self-registration to match) and creates no accounts.</summary>
    public const string RosterKind = "employees-roster";
    public static readonly TimeSpan PreviewLifetime = TimeSpan.FromHours(1);

    public async Task<EmployeeImportPreview> PreviewAsync(Stream file, string fileName, ClaimsPrincipal actor, CancellationToken ct, bool rosterOnly = false)
    {
        var result = new EmployeeImportParser().Parse(file, fileName);
        if (result.Rows.Count > 0) await CheckAgainstDatabaseAsync(result, rosterOnly, ct);
        if (!result.Ok) return new EmployeeImportPreview(null, fileName, result, rosterOnly);

        // Expired previews are cleared here rather than by a timer: they are only read by this use case.
        var cutoff = clock.GetUtcNow() - PreviewLifetime;
        await db.PendingImports.Where(p => p.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
        var pending = new PendingImport
        {
            Id = Guid.NewGuid(), Kind = rosterOnly ? RosterKind : Kind, CreatedById = actor.FindFirstValue(ClaimTypes.NameIdentifier)!,
            CreatedAt = clock.GetUtcNow(), FileName = Path.GetFileName(fileName), PayloadJson = JsonSerializer.Serialize(result.Rows),
        };
        db.PendingImports.Add(pending);
        await db.SaveChangesAsync(ct);
        return new EmployeeImportPreview(pending.Id, fileName, result, rosterOnly);
    }

    /// <summary>Creates every previewed account or none (one transaction); rows are re-checked first.</summary>
    public async Task<EmployeeImportCommitResult?> CommitAsync(Guid importId, ClaimsPrincipal actor, CancellationToken ct)
    {
        var actorId = actor.FindFirstValue(ClaimTypes.NameIdentifier);
        var pending = await db.PendingImports.SingleOrDefaultAsync(p => p.Id == importId && (p.Kind == Kind || p.Kind == RosterKind) && p.CreatedById == actorId, ct);
        if (pending is null || pending.CreatedAt < clock.GetUtcNow() - PreviewLifetime) return null;
        var rows = JsonSerializer.Deserialize<List<EmployeeRow>>(pending.PayloadJson) ?? [];
        var check = new EmployeeImportResult();
        check.Rows.AddRange(rows);
        await CheckAgainstDatabaseAsync(check, pending.Kind == RosterKind, ct);
        if (check.Problems.Count > 0) return new EmployeeImportCommitResult([], check.Problems, pending.FileName);

        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var now = clock.GetUtcNow();
        // Hashing dominates the cost (PBKDF2); spread it over the cores before the single write.
        var rosterOnly = pending.Kind == RosterKind;
        var prepared = rows.Where(r => !rosterOnly && !check.Registered.ContainsKey(r.Line)).AsParallel().AsOrdered().Select(r =>
        {
            var password = InitialPasswords.Generate();
            var user = new AppUser
            {
                UserName = r.Email, NormalizedUserName = users.NormalizeName(r.Email), Email = r.Email,
                NormalizedEmail = users.NormalizeEmail(r.Email), FullName = r.FullName, EmployeeNumber = r.EmployeeNumber,
                Organization = r.Organization, Department = r.Department, MustChangePassword = true, CreatedAt = now,
                SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
            };
            user.PasswordHash = hasher.HashPassword(user, password);
            return (Row: r, User: user, Password: password);
        }).ToList();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (row, user, _) in prepared)
        {
            db.Users.Add(user);
            foreach (var role in row.Roles) db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleIds[role] });
        }
        var verified = await VerifyRegisteredAsync(rows, check.Registered, actor, pending.FileName, ct);
        await KeepRecordsAsync(rows, pending.FileName, now, ct);
        db.PendingImports.Remove(pending);
        audit.Record(actor, AuditActions.UsersImported, pending.FileName,
            $"{prepared.Count} accounts created, {verified.Count} registered accounts verified, {check.Registered.Count - verified.Count} left unverified (name differs)");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        foreach (var v in verified) await verify.NotifyAsync(v, ct);
        return new EmployeeImportCommitResult(prepared.Select(p => new InitialPassword(p.User.FullName, p.User.EmployeeNumber!, p.User.Email!, p.Password)).ToList(), [], pending.FileName,
            rosterOnly, rows.Count, verified.Count);
    }

    /// <summary>Marks the matching self-registered accounts verified (tracked; saved with the import).</summary>
    private async Task<List<AccountVerified>> VerifyRegisteredAsync(List<EmployeeRow> rows, Dictionary<int, EmployeeMatchOutcome> registered,
        ClaimsPrincipal actor, string fileName, CancellationToken ct)
    {
        var verified = new List<AccountVerified>();
        foreach (var row in rows.Where(r => registered.GetValueOrDefault(r.Line) == EmployeeMatchOutcome.Match))
        {
            var user = await db.Users.FirstAsync(u => u.EmployeeNumber == row.EmployeeNumber, ct);
            verified.Add(verify.Mark(user, actor.FindFirstValue(ClaimTypes.NameIdentifier)));
            audit.Record(actor, AuditActions.UserVerifyMatched, user.Email ?? user.Id,
                $"{user.FullName} {user.EmployeeNumber}: matches line {row.Line} of {fileName}");
        }
        return verified;
    }

    /// <summary>One <see cref="EmployeeRecord"/> per 工号, replaced by a later import.</summary>
    private async Task KeepRecordsAsync(List<EmployeeRow> rows, string fileName, DateTimeOffset now, CancellationToken ct)
    {
        var records = new Dictionary<string, EmployeeRecord>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in rows.Select(r => r.EmployeeNumber).Chunk(500))
            foreach (var r in await db.EmployeeRecords.Where(r => chunk.Contains(r.EmployeeNumber)).ToListAsync(ct))
                records[r.EmployeeNumber] = r;
        foreach (var row in rows)
        {
            if (!records.TryGetValue(row.EmployeeNumber, out var record))
            {
                record = new EmployeeRecord { EmployeeNumber = row.EmployeeNumber };
                db.EmployeeRecords.Add(record);
                records[row.EmployeeNumber] = record;
            }
            record.FullName = row.FullName;
            record.Organization = row.Organization;
            record.Department = row.Department;
            record.ImportedAt = now;
            record.FileName = fileName;
        }
    }

    /// <summary>Existing 工号 and e-mails are problems unless the import only keeps the roster (it creates no accounts).</summary>
    private async Task CheckAgainstDatabaseAsync(EmployeeImportResult result, bool rosterOnly, CancellationToken ct)
    {
        var numbers = result.Rows.Select(r => r.EmployeeNumber).Where(n => n.Length > 0).ToList();
        var emails = result.Rows.Select(r => users.NormalizeEmail(r.Email)).Where(e => !string.IsNullOrEmpty(e)).ToList();
        var existingNumbers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var existingEmails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // Chunked IN lists keep SQLite under its variable limit for large files.
        foreach (var chunk in numbers.Chunk(500))
            existingNumbers.UnionWith(await db.Users.Where(u => u.EmployeeNumber != null && chunk.Contains(u.EmployeeNumber)).Select(u => u.EmployeeNumber!).ToListAsync(ct));
        foreach (var chunk in emails.Chunk(500))
            existingEmails.UnionWith(await db.Users.Where(u => u.NormalizedEmail != null && chunk.Contains(u.NormalizedEmail)).Select(u => u.NormalizedEmail!).ToListAsync(ct));
        var registered = new Dictionary<string, AppUser>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in numbers.Chunk(500))
            foreach (var u in await db.Users.AsNoTracking().Where(u => !u.IsVerified && u.EmployeeNumber != null && chunk.Contains(u.EmployeeNumber)).ToListAsync(ct))
                registered[u.EmployeeNumber!] = u;
        foreach (var r in result.Rows)
        {
            if (registered.TryGetValue(r.EmployeeNumber, out var account))
            {
                // A self-registered account waiting for HR: this row verifies it (or, when the name differs, does not).
                result.Registered[r.Line] = EmployeeMatch.Compare(account.EmployeeNumber, account.FullName, account.Organization,
                    r.EmployeeNumber, r.FullName, r.Organization);
                continue;
            }
            if (rosterOnly) continue;
            if (existingNumbers.Contains(r.EmployeeNumber)) result.Problems.Add(new(r.Line, L["工号“{0}”已存在于系统中（如需修改请到用户管理中编辑）", r.EmployeeNumber]));
            if (r.Email.Length > 0 && existingEmails.Contains(users.NormalizeEmail(r.Email)!)) result.Problems.Add(new(r.Line, L["邮箱“{0}”已被其他账号使用", r.Email]));
        }
        result.Problems.Sort((a, b) => a.Line.CompareTo(b.Line));
    }
}
