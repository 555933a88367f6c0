using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace CertPlatform.IntegrationTests.Infrastructure;

/// <summary>Posts a file the way a browser form does: multipart, the antiforgery token read from the form's page, extra fields.</summary>
public static partial class Upload
{
    /// <summary>Posts <paramref name="content"/> as the form field <paramref name="field"/> to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> File(HttpClient client, string pageUrl, string action, string fileName, byte[] content,
        string contentType = "application/octet-stream", IEnumerable<KeyValuePair<string, string>>? fields = null, string field = "file")
    {
        var token = await client.AntiforgeryTokenAsync(pageUrl);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields ?? []) form.Add(new StringContent(value), name);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, field, fileName);
        return await client.PostAsync(action, form);
    }

    /// <summary>Uploads an employee file to the admin import (CSV by default); <paramref name="rosterOnly"/> ticks "仅登记员工名册".</summary>
    public static Task<HttpResponseMessage> EmployeeFile(HttpClient admin, string fileName, byte[] content, bool rosterOnly = false) =>
        File(admin, "/admin/users/import", "/admin/users/import", fileName, content, "text/csv", rosterOnly ? [new("rosterOnly", "true")] : null);

    [GeneratedRegex("action=\"(/admin/users/import/[0-9a-f-]+/commit)\"")]
    private static partial Regex EmployeeCommitAction();

    /// <summary>The commit URL an employee-import preview offers; null when it offers none (the file had errors).</summary>
    public static string? EmployeeCommitUrl(string previewHtml) =>
        EmployeeCommitAction().Match(previewHtml) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
}
