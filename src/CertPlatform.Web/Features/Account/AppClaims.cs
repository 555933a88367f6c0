using System.Security.Claims;
using CertPlatform.Web.Data;
using FluentValidation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Account;

public static class AppClaims
{
    public const string MustChangePassword = "cp:must_change_password";
    public const string FullName = "cp:full_name";
    /// <summary>The server-side session (<see cref="Data.UserSession"/>) this cookie belongs to.</summary>
    public const string SessionId = "cp:sid";
}
