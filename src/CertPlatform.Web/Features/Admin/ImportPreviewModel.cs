using System.Text;
using CertPlatform.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Admin;

public sealed record ImportPreviewModel(EmployeeImport.Preview? Preview);
