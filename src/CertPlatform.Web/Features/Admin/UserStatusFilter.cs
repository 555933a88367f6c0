namespace CertPlatform.Web.Features.Admin;

/// <summary>The user list's status filter (<c>/admin/users?status=…</c>): accounts in use or deactivated.</summary>
public static class UserStatusFilter
{
    public const string Active = "active";
    public const string Inactive = "inactive";
}
