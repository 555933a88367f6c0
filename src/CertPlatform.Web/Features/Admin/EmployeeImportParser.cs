using CertPlatform.Web.Features.QuestionBank.Formats;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Account;
using CertPlatform.Web.Infrastructure;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;

namespace CertPlatform.Web.Features.Admin;

/// <summary>
/// Reads employee lists from CSV (UTF-8, or GB18030 as saved by Chinese Excel) or XLSX, with
/// Chinese or English column headers, and checks every row. Nothing here touches the database.
/// </summary>
public sealed class EmployeeImportParser
{
    private static readonly ImportTexts L = ImportTexts.Instance;
    public const long MaxFileBytes = 2 * 1024 * 1024;
    public const int MaxRows = 5000;

    private enum Column { FullName, EmployeeNumber, Organization, Department, OrgAndDept, Role, Email }

    private static readonly Dictionary<string, Column> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["姓名"] = Column.FullName, ["name"] = Column.FullName, ["full name"] = Column.FullName, ["fullname"] = Column.FullName,
        ["工号"] = Column.EmployeeNumber, ["员工编号"] = Column.EmployeeNumber, ["employee number"] = Column.EmployeeNumber, ["employee no"] = Column.EmployeeNumber, ["employeenumber"] = Column.EmployeeNumber,
        ["单位"] = Column.Organization, ["organization"] = Column.Organization, ["organisation"] = Column.Organization,
        ["部门"] = Column.Department, ["department"] = Column.Department,
        ["单位/部门"] = Column.OrgAndDept, ["organization/department"] = Column.OrgAndDept, ["organisation/department"] = Column.OrgAndDept,
        ["角色"] = Column.Role, ["role"] = Column.Role, ["roles"] = Column.Role,
        ["邮箱"] = Column.Email, ["电子邮箱"] = Column.Email, ["email"] = Column.Email, ["e-mail"] = Column.Email,
    };

    private static readonly Dictionary<string, string> RoleNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["学员"] = Roles.Trainee, ["trainee"] = Roles.Trainee,
        ["考官"] = Roles.Examiner, ["阅卷人"] = Roles.Examiner, ["examiner"] = Roles.Examiner,
        ["人事"] = Roles.HR, ["人力资源"] = Roles.HR, ["hr"] = Roles.HR,
        ["管理员"] = Roles.Admin, ["admin"] = Roles.Admin, ["administrator"] = Roles.Admin,
        ["认证经理"] = Roles.CertificationManager, ["certificationmanager"] = Roles.CertificationManager, ["certification manager"] = Roles.CertificationManager,
    };

    public EmployeeImportResult Parse(Stream input, string fileName)
    {
        var result = new EmployeeImportResult();
        using var buffer = new MemoryStream();
        if (!CopyLimited(input, buffer))
        {
            result.Problems.Add(new(0, L["文件超过 {0} MB 的上限，请拆分后分批导入", MaxFileBytes / 1024 / 1024]));
            return result;
        }
        buffer.Position = 0;
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        if (ext is not (".csv" or ".txt" or ".xlsx"))
        {
            result.Problems.Add(new(0, L["不支持的文件类型“{0}”：请上传 .csv 或 .xlsx 文件", ext]));
            return result;
        }
        List<(int Line, string[] Cells)> table;
        try
        {
            table = ext == ".xlsx" ? ReadXlsx(buffer, result) : ReadCsv(buffer);
        }
        catch (ImportFormatException ex)
        {
            result.Problems.Add(new(0, L[ex.Message]));
            return result;
        }
        catch (Exception ex) when (ex is InvalidDataException or OpenXmlPackageException or IOException or CsvHelperException or FormatException)
        {
            result.Problems.Add(new(0, L["无法读取文件“{0}”：文件已损坏或不是有效的 {1} 文件", fileName, ext.TrimStart('.').ToUpperInvariant()]));
            return result;
        }
        if (result.Problems.Count > 0) return result;

        table = table.Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (table.Count == 0)
        {
            result.Problems.Add(new(0, L["文件是空的：第一行应为表头（姓名、工号、单位、部门、角色、邮箱）"]));
            return result;
        }
        var (headerLine, headerCells) = table[0];
        var map = new Dictionary<Column, int>();
        for (var i = 0; i < headerCells.Length; i++)
        {
            var h = headerCells[i].Trim().Replace('／', '/');
            if (h.Length == 0) continue;
            if (!Headers.TryGetValue(h, out var col))
            {
                result.Problems.Add(new(headerLine, L["无法识别的列“{0}”：可用的列为 姓名、工号、单位、部门（或 单位/部门）、角色、邮箱", h]));
                continue;
            }
            if (!map.TryAdd(col, i)) result.Problems.Add(new(headerLine, L["列“{0}”重复出现", h]));
        }
        foreach (var (col, label) in new[] { (Column.FullName, "姓名"), (Column.EmployeeNumber, "工号"), (Column.Email, "邮箱") })
            if (!map.ContainsKey(col)) result.Problems.Add(new(headerLine, L["缺少必需的列“{0}”", label]));
        if (!map.ContainsKey(Column.Organization) && !map.ContainsKey(Column.OrgAndDept))
            result.Problems.Add(new(headerLine, L["缺少必需的列“单位”（或“单位/部门”）"]));
        if (result.Problems.Count > 0) return result;

        var dataRows = table.Skip(1).ToList();
        if (dataRows.Count == 0) { result.Problems.Add(new(0, L["文件只有表头，没有员工数据"])); return result; }
        if (dataRows.Count > MaxRows) { result.Problems.Add(new(0, L["文件共有 {0} 行数据，超过单次导入 {1} 行的上限，请拆分后分批导入", dataRows.Count, MaxRows])); return result; }

        var seenNumbers = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var seenEmails = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, cells) in dataRows)
        {
            string Cell(Column c) => map.TryGetValue(c, out var i) && i < cells.Length ? Clean(cells[i]) : "";
            var name = Cell(Column.FullName);
            var number = Cell(Column.EmployeeNumber);
            var email = Cell(Column.Email);
            var org = Cell(Column.Organization);
            var dept = Cell(Column.Department);
            if (map.ContainsKey(Column.OrgAndDept))
            {
                var both = Cell(Column.OrgAndDept).Replace('／', '/');
                var slash = both.IndexOf('/');
                if (org.Length == 0) org = (slash < 0 ? both : both[..slash]).Trim();
                if (dept.Length == 0 && slash >= 0) dept = both[(slash + 1)..].Trim();
            }
            var roleText = Cell(Column.Role);

            if (name.Length == 0) result.Problems.Add(new(line, L["姓名为空"]));
            else if (name.Length > ProfileRules.MaxName) result.Problems.Add(new(line, L["姓名超过 {0} 个字符", ProfileRules.MaxName]));
            if (number.Length == 0) result.Problems.Add(new(line, L["工号为空"]));
            else if (!ProfileRules.EmployeeNumberPattern.IsMatch(number)) result.Problems.Add(new(line, L["工号“{0}”格式不正确（只能包含字母、数字、下划线和连字符，最多 32 位）", number]));
            else if (seenNumbers.TryGetValue(number, out var firstN)) result.Problems.Add(new(line, L["工号“{0}”与第 {1} 行重复", number, firstN]));
            else seenNumbers[number] = line;
            if (org.Length == 0) result.Problems.Add(new(line, L["单位为空"]));
            else if (org.Length > ProfileRules.MaxOrganization) result.Problems.Add(new(line, L["单位超过 {0} 个字符", ProfileRules.MaxOrganization]));
            if (dept.Length > ProfileRules.MaxOrganization) result.Problems.Add(new(line, L["部门超过 {0} 个字符", ProfileRules.MaxOrganization]));
            if (email.Length == 0) result.Problems.Add(new(line, L["邮箱为空"]));
            else if (!IsEmail(email)) result.Problems.Add(new(line, L["邮箱“{0}”格式不正确", email]));
            else if (seenEmails.TryGetValue(email, out var firstE)) result.Problems.Add(new(line, L["邮箱“{0}”与第 {1} 行重复", email, firstE]));
            else seenEmails[email] = line;

            var roles = new List<string>();
            foreach (var part in roleText.Split([',', ';', '，', '；', '、', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (RoleNames.TryGetValue(part, out var role)) { if (!roles.Contains(role)) roles.Add(role); }
                else result.Problems.Add(new(line, L["角色“{0}”无效（可用：学员、考官、人事、管理员）", part]));
            }
            if (roles.Count == 0) roles.Add(Roles.Trainee);
            result.Rows.Add(new EmployeeRow(line, name, number, org, dept, roles, email));
        }
        return result;
    }

    private static string Clean(string s) => s.Replace('\u00A0', ' ').Replace('\u3000', ' ').Trim();

    private static bool IsEmail(string s)
    {
        var at = s.IndexOf('@');
        return at > 0 && at == s.LastIndexOf('@') && at < s.Length - 3 && s.IndexOf('.', at) > at + 1 && !s.Any(char.IsWhiteSpace) && s.Length <= 256;
    }

    private static bool CopyLimited(Stream input, Stream output)
    {
        var buf = new byte[81920];
        long total = 0;
        int n;
        while ((n = input.Read(buf, 0, buf.Length)) > 0)
        {
            total += n;
            if (total > MaxFileBytes) return false;
            output.Write(buf, 0, n);
        }
        return true;
    }


    private static List<(int, string[])> ReadCsv(MemoryStream buffer)
    {
        var bytes = buffer.ToArray();
        using var csv = TabularFiles.OpenCsv(bytes);
        var rows = new List<(int, string[])>();
        while (csv.Read())
        {
            var record = csv.Parser.Record ?? [];
            rows.Add((csv.Parser.RawRow, record));
            if (rows.Count > MaxRows + 1) break;
        }
        return rows;
    }

    private static List<(int, string[])> ReadXlsx(MemoryStream buffer, EmployeeImportResult result)
    {
        try
        {
            return XlsxReader.ReadFirstSheet(buffer.ToArray(), MaxRows + 2);
        }
        catch (XlsxException ex)
        {
            throw new ImportFormatException(ex.Message);
        }
    }
}
