using CertPlatform.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Admin;

public sealed record AuditPageModel(IReadOnlyList<AuditEntry> Entries, int Page, bool HasMore, string? Action = null);
