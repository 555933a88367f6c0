using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Account;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Admin;

public sealed record UserListModel(IReadOnlyList<UserListItem> Users, string? Query, string? Role, string? Status, int Page, int Pages, int Total);
