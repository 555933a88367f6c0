using System.Security.Claims;
using CertPlatform.Web.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Lessons;

public sealed record SearchPageModel(string Query, IReadOnlyList<SearchHit> Hits, bool TooShort);
