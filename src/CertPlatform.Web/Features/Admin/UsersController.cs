using System.Security.Claims;
using System.Text;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Account;
using CertPlatform.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Admin;

[Authorize(Roles = Roles.Admin)]
[Route("admin/users")]
public sealed class UsersController(
    AppDbContext db, UserManager<AppUser> users, UserSessions sessions, AuditLog audit, TimeProvider clock,
    IValidator<UserForm> validator, IStringLocalizer<SharedResource> L) : Controller
{
    private const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? role, string? status, int page = 1, CancellationToken ct = default)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(u => u.FullName.Contains(term) || (u.EmployeeNumber != null && u.EmployeeNumber.Contains(term))
                                     || (u.Email != null && u.Email.Contains(term)) || u.Organization.Contains(term) || u.Department.Contains(term));
        }
        if (!string.IsNullOrEmpty(role) && Roles.All.Contains(role))
        {
            var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync(ct);
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }
        if (status == UserStatusFilter.Active) query = query.Where(u => u.IsActive);
        else if (status == UserStatusFilter.Inactive) query = query.Where(u => !u.IsActive);

        var total = await query.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await query.OrderBy(u => u.EmployeeNumber).ThenBy(u => u.Email).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var roleNames = await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var items = rows.Select(u => new UserListItem(u.Id, u.FullName, u.EmployeeNumber, u.Organization, u.Department, u.Email ?? "",
            u.IsActive, u.LockoutEnd > now, roleNames.Where(x => x.UserId == u.Id).Select(x => x.Name!).Order().ToList())).ToList();
        return View(new UserListModel(items, q, role, status, page, pages, total));
    }

    [HttpGet("create")]
    public IActionResult Create() => View("Edit", new UserForm { Roles = [Roles.Trainee] });

    [HttpPost("create")]
    public async Task<IActionResult> Create(UserForm form, CancellationToken ct)
    {
        form.Id = null;
        if (!await ValidateAsync(form, null, ct)) return View("Edit", form);
        var password = InitialPasswords.Generate();
        var user = new AppUser
        {
            UserName = form.Email.Trim(), Email = form.Email.Trim(), FullName = form.FullName.Trim(), EmployeeNumber = form.EmployeeNumber.Trim(),
            Organization = form.Organization.Trim(), Department = form.Department.Trim(), MustChangePassword = true, CreatedAt = clock.GetUtcNow(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) { created.AddTo(ModelState); return View("Edit", form); }
        await users.AddToRolesAsync(user, form.Roles.Distinct());
        audit.Record(User, "user.create", user.Email!, $"{user.FullName} {user.EmployeeNumber} roles={string.Join(",", form.Roles)}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ShowPasswords(L["账号已创建"], [new InitialPassword(user.FullName, user.EmployeeNumber!, user.Email!, password)]);
    }

    [HttpGet("{id}/edit")]
    public async Task<IActionResult> Edit(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        ViewData["User"] = user;
        return View(new UserForm
        {
            Id = user.Id, FullName = user.FullName, EmployeeNumber = user.EmployeeNumber ?? "", Organization = user.Organization,
            Department = user.Department, Email = user.Email ?? "", Roles = (await users.GetRolesAsync(user)).ToList(),
        });
    }

    [HttpPost("{id}/edit")]
    public async Task<IActionResult> Edit(string id, UserForm form, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        form.Id = id;
        ViewData["User"] = user;
        if (!await ValidateAsync(form, user, ct)) return View(form);
        if (user.Id == CurrentUserId && !form.Roles.Contains(Roles.Admin))
        {
            ModelState.AddModelError(nameof(form.Roles), L["不能移除自己的管理员角色"]);
            return View(form);
        }
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
        if (!updated.Succeeded) { updated.AddTo(ModelState); return View(form); }
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(form.Roles));
        await users.AddToRolesAsync(user, form.Roles.Distinct().Except(current));
        if (!current.Order().SequenceEqual(form.Roles.Distinct().Order())) await users.UpdateSecurityStampAsync(user);
        audit.Record(User, "user.update", user.Email!, $"{user.FullName} {user.EmployeeNumber} roles={string.Join(",", form.Roles)}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Flash"] = L["已保存。"].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id}/deactivate")]
    public Task<IActionResult> Deactivate(string id) => SetActive(id, false);

    [HttpPost("{id}/activate")]
    public Task<IActionResult> Activate(string id) => SetActive(id, true);

    [HttpPost("{id}/reset-password")]
    public async Task<IActionResult> ResetPassword(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        var password = InitialPasswords.Generate();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded) return Problem(string.Join("; ", result.Errors.Select(e => e.Description)));
        user.MustChangePassword = true;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await users.UpdateAsync(user);
        await sessions.CloseAllAsync(user.Id);
        audit.Record(User, "user.reset-password", user.Email!);
        await db.SaveChangesAsync();
        return ShowPasswords(L["密码已重置"], [new InitialPassword(user.FullName, user.EmployeeNumber ?? "", user.Email!, password)]);
    }

    private async Task<IActionResult> SetActive(string id, bool active)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        if (user.Id == CurrentUserId && !active)
        {
            TempData["Flash"] = L["不能停用自己的账号。"].Value;
            return RedirectToAction(nameof(Index));
        }
        user.IsActive = active;
        user.DeactivatedAt = active ? null : clock.GetUtcNow();
        await users.UpdateAsync(user);
        // A new security stamp signs the user out everywhere within the validation interval.
        if (!active)
        {
            await users.UpdateSecurityStampAsync(user);
            await sessions.CloseAllAsync(user.Id); // and at once, through the server-side sessions
        }
        audit.Record(User, active ? "user.activate" : "user.deactivate", user.Email!);
        await db.SaveChangesAsync();
        TempData["Flash"] = (active ? L["已启用 {0}。", user.FullName] : L["已停用 {0}。", user.FullName]).Value;
        return RedirectToAction(nameof(Index));
    }

    private string? CurrentUserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    private async Task<bool> ValidateAsync(UserForm form, AppUser? existing, CancellationToken ct)
    {
        if (!(await validator.ValidateAsync(form, ct)).AddTo(ModelState)) return false;
        var number = form.EmployeeNumber.Trim();
        if (await db.Users.AnyAsync(u => u.EmployeeNumber == number && (existing == null || u.Id != existing.Id), ct))
            ModelState.AddModelError(nameof(form.EmployeeNumber), L["工号 {0} 已被其他账号使用", number]);
        var email = users.NormalizeEmail(form.Email.Trim());
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == email && (existing == null || u.Id != existing.Id), ct))
            ModelState.AddModelError(nameof(form.Email), L["邮箱 {0} 已被使用", form.Email.Trim()]);
        return ModelState.IsValid;
    }

    internal IActionResult ShowPasswords(string title, IReadOnlyList<InitialPassword> passwords)
    {
        Response.Headers.CacheControl = "no-store";
        return View("InitialPasswords", new InitialPasswordsModel(title, passwords));
    }

    /// <summary>CSV of initial passwords, built into the page (data: URL) because passwords are never stored.</summary>
    public static string PasswordsCsvDataUrl(IReadOnlyList<InitialPassword> passwords)
    {
        var sb = new StringBuilder("\uFEFF姓名,工号,邮箱,初始密码\r\n");
        foreach (var p in passwords)
            sb.Append(Csv(p.FullName)).Append(',').Append(Csv(p.EmployeeNumber)).Append(',').Append(Csv(p.Email)).Append(',').Append(p.Password).Append("\r\n");
        return "data:text/csv;charset=utf-8;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(sb.ToString()));

        static string Csv(string v)
        {
            if (v.Length > 0 && "=+-@\t\r".Contains(v[0])) v = "'" + v; // formula injection guard
            return v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
        }
    }
}
