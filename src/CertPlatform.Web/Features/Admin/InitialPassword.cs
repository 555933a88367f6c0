using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Accounts;
using CertPlatform.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Admin;

/// <summary>A password shown once to the administrator; never stored in clear text.</summary>
public sealed record InitialPassword(string FullName, string EmployeeNumber, string Email, string Password);
