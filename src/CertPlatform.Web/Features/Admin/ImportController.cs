using System.Text;
using CertPlatform.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using CertPlatform.Web.Infrastructure.Web;
using Microsoft.Extensions.Localization;

namespace CertPlatform.Web.Features.Admin;

[Authorize(Roles = Roles.Admin)]
[Route("admin/users/import")]
public sealed class ImportController(EmployeeImport import, IStringLocalizer<SharedResource> L) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(new ImportPreviewModel(null));

    [HttpPost("")]
    [RequestSizeLimit(EmployeeImportParser.MaxFileBytes * 4)]
    [RequestFormLimits(MultipartBodyLengthLimit = EmployeeImportParser.MaxFileBytes * 4)]
    public async Task<IActionResult> Upload(IFormFile? file, bool rosterOnly, CancellationToken ct)
    {
        // A file a little over the limit gets the size message (the request limit is well above the file limit).
        string? problem = file is null ? L["请选择要导入的 CSV 或 XLSX 文件"].Value
            : file.Length == 0 ? L["文件“{0}”是空的（0 字节），请检查后重新选择", file.FileName].Value
            : file.Length > EmployeeImportParser.MaxFileBytes ? L["文件“{0}”有 {1:0.0} MB，超过 {2} MB 的上限，请拆分后分批导入", file.FileName, file.Length / (1024.0 * 1024.0), EmployeeImportParser.MaxFileBytes / (1024 * 1024)].Value
            : null;
        if (file is null || problem is not null)
        {
            ModelState.AddModelError("file", problem!);
            Response.StatusCode = file is null || file.Length == 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status413PayloadTooLarge;
            return View("Index", new ImportPreviewModel(null));
        }
        await using var stream = file.OpenReadStream();
        var preview = await import.PreviewAsync(stream, file.FileName, User, ct, rosterOnly);
        return View("Index", new ImportPreviewModel(preview));
    }

    [HttpPost("{importId:guid}/commit")]
    public async Task<IActionResult> Commit(Guid importId, CancellationToken ct)
    {
        var result = await import.CommitAsync(importId, User, ct);
        if (result is null)
        {
            TempData["Flash"] = L["导入预览已失效（超过 1 小时或已提交），请重新上传文件。"].Value;
            return RedirectToAction(nameof(Index));
        }
        if (result.Problems.Count > 0)
        {
            var check = new EmployeeImportResult();
            check.Problems.AddRange(result.Problems);
            return View("Index", new ImportPreviewModel(new EmployeeImportPreview(null, result.FileName, check)));
        }
        if (result.RosterOnly)
        {
            TempData["Flash"] = L["已登记 {0} 条员工记录，确认了 {1} 个自助注册账号。", result.Records, result.Verified].Value;
            return RedirectToAction(nameof(Index));
        }
        Response.Headers.CacheControl = "no-store";
        return View("~/Features/Admin/Users/InitialPasswords.cshtml",
            new InitialPasswordsModel(L.Plural(result.Created.Count, "已导入 {0} 个账号", result.Created.Count), result.Created));
    }

    [HttpGet("template.csv")]
    public IActionResult Template() =>
        File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(
            "姓名,工号,单位,部门,角色,邮箱\r\n张三,E1001,示例分公司,政企客户部,学员,zhangsan@example.com\r\n李四,E1002,示例分公司,培训中心,考官,lisi@example.com\r\n")).ToArray(),
            "text/csv; charset=utf-8", "employees-template.csv");
}
