using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Account;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Admin;

public sealed class UserForm : IProfileFields
{
    public string? Id { get; set; }
    public string FullName { get; set => field = value ?? ""; } = "";
    public string EmployeeNumber { get; set => field = value ?? ""; } = "";
    public string Organization { get; set => field = value ?? ""; } = "";
    public string Department { get; set => field = value ?? ""; } = "";
    public string Email { get; set => field = value ?? ""; } = "";
    public List<string> Roles { get; set; } = [];
}

public sealed class UserFormValidator : AbstractValidator<UserForm>
{
    public UserFormValidator(IStringLocalizer<SharedResource> L)
    {
        Include(new ProfileValidator(L));
        RuleFor(f => f.Roles).NotEmpty().WithMessage(L["至少选择一个角色"])
            .Must(r => r.All(Data.Roles.All.Contains)).WithMessage(L["角色无效"]);
    }
}

public sealed record UserListItem(string Id, string FullName, string? EmployeeNumber, string Organization, string Department, string Email, bool IsActive, bool LockedOut, IReadOnlyList<string> Roles);
public sealed record UserListModel(IReadOnlyList<UserListItem> Users, string? Query, string? Role, string? Status, int Page, int Pages, int Total);
public sealed record InitialPasswordsModel(string Title, IReadOnlyList<InitialPassword> Passwords);
