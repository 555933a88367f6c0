using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Account;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Admin;

public sealed record InitialPasswordsModel(string Title, IReadOnlyList<InitialPassword> Passwords);
