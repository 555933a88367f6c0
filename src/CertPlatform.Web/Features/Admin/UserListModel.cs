namespace CertPlatform.Web.Features.Admin;

public sealed record UserListModel(IReadOnlyList<UserListItem> Users, string? Query, string? Role, string? Status, int Page, int Pages, int Total);
