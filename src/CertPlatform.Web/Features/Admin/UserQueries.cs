using CertPlatform.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Admin;

/// <summary>The administrators' user list (search, role and status filters, pages) and the edit form of one user.</summary>
public sealed class UserQueries(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public const int PageSize = 50;

    /// <summary>One page of users matching the search (name, employee number, e-mail, organisation, department), role and status.</summary>
    public async Task<UserListModel> ListAsync(string? q, string? role, string? status, int page, CancellationToken ct)
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
        return new UserListModel(items, q, role, status, page, pages, total);
    }

    /// <summary>The form filled in with the user's profile and roles; null when there is no such user.</summary>
    public async Task<UserForm?> EditFormAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return null;
        return new UserForm
        {
            Id = user.Id, FullName = user.FullName, EmployeeNumber = user.EmployeeNumber ?? "", Organization = user.Organization,
            Department = user.Department, Email = user.Email ?? "", Roles = (await users.GetRolesAsync(user)).ToList(),
        };
    }
}
