using System.IO.Compression;
using System.Text;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Admin;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CertPlatform.UnitTests.Features.Admin;

public sealed class EmployeeImportParserTests
{
    private static EmployeeImportResult ParseCsv(string csv, Encoding? encoding = null) =>
        new EmployeeImportParser().Parse(new MemoryStream((encoding ?? Encoding.UTF8).GetBytes(csv)), "staff.csv");

    [Fact]
    public void Reads_chinese_headers_roles_and_combined_organisation_column()
    {
        var r = ParseCsv("姓名,工号,单位/部门,角色,邮箱\n张三,E1001,示例分公司/政企部,学员,zs@example.com\n李四,E1002,示例分公司,考官、管理员,ls@example.com\n王五,E1003,示例分公司／培训中心,,ww@example.com\n");
        Assert.True(r.Ok, string.Join("; ", r.Problems));
        Assert.Equal(3, r.Rows.Count);
        var first = r.Rows[0];
        Assert.Equal((2, "张三", "E1001", "示例分公司", "政企部", "zs@example.com"), (first.Line, first.FullName, first.EmployeeNumber, first.Organization, first.Department, first.Email));
        Assert.Equal([Roles.Trainee], first.Roles);
        Assert.Equal([Roles.Examiner, Roles.Admin], r.Rows[1].Roles);
        Assert.Equal("", r.Rows[1].Department);
        Assert.Equal("培训中心", r.Rows[2].Department);
        Assert.Equal([Roles.Trainee], r.Rows[2].Roles);
    }

    [Fact]
    public void Reads_english_headers_and_a_utf8_bom()
    {
        var r = ParseCsv("\uFEFFName,Employee Number,Organisation,Department,Role,E-mail\nAnna,A1,Branch,Sales,Examiner,anna@example.com\n");
        Assert.True(r.Ok, string.Join("; ", r.Problems));
        Assert.Equal("Anna", r.Rows[0].FullName);
        Assert.Equal([Roles.Examiner], r.Rows[0].Roles);
    }

    [Fact]
    public void Reads_gb18030_csv_as_saved_by_chinese_excel()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var r = ParseCsv("姓名,工号,单位,部门,角色,邮箱\r\n赵六,E2001,示例分公司,营业部,学员,zl@example.com\r\n", Encoding.GetEncoding("GB18030"));
        Assert.True(r.Ok, string.Join("; ", r.Problems));
        Assert.Equal("赵六", r.Rows[0].FullName);
        Assert.Equal("营业部", r.Rows[0].Department);
    }

    [Fact]
    public void Every_bad_row_is_reported_with_its_line_number()
    {
        var r = ParseCsv("姓名,工号,单位,角色,邮箱\n,E1,分公司,学员,a@example.com\n李四,E 2,分公司,学员,b@example.com\n王五,E3,,院长,not-an-email\n赵六,E1,分公司,学员,a@example.com\n");
        Assert.False(r.Ok);
        var messages = r.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains("第 2 行：姓名为空", messages);
        Assert.Contains(messages, m => m.StartsWith("第 3 行：工号“E 2”格式不正确"));
        Assert.Contains("第 4 行：单位为空", messages);
        Assert.Contains(messages, m => m.StartsWith("第 4 行：角色“院长”无效"));
        Assert.Contains("第 4 行：邮箱“not-an-email”格式不正确", messages);
        Assert.Contains("第 5 行：工号“E1”与第 2 行重复", messages);
        Assert.Contains("第 5 行：邮箱“a@example.com”与第 2 行重复", messages);
    }

    [Fact]
    public void Line_numbers_count_physical_lines_including_quoted_newlines()
    {
        var r = ParseCsv("姓名,工号,单位,邮箱\n\"张\n三\",E1,分公司,a@example.com\n李四,,分公司,b@example.com\n");
        Assert.Contains("第 4 行：工号为空", r.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Missing_and_unknown_columns_are_file_level_errors()
    {
        var r = ParseCsv("姓名,单位,职务\n张三,分公司,经理\n");
        var messages = r.Problems.Select(p => p.Message).ToList();
        Assert.Contains(messages, m => m.StartsWith("无法识别的列“职务”"));
        Assert.Contains("缺少必需的列“工号”", messages);
        Assert.Contains("缺少必需的列“邮箱”", messages);
        Assert.Empty(r.Rows);
    }

    [Fact]
    public void Empty_and_header_only_files_are_rejected()
    {
        Assert.Contains("文件是空的", ParseCsv("\n\n").Problems.Single().Message);
        Assert.Equal("文件只有表头，没有员工数据", ParseCsv("姓名,工号,单位,邮箱\n").Problems.Single().Message);
    }

    [Fact]
    public void Oversized_files_and_unsupported_types_are_rejected()
    {
        var big = new MemoryStream(new byte[EmployeeImportParser.MaxFileBytes + 1]);
        Assert.Contains("上限", new EmployeeImportParser().Parse(big, "big.csv").Problems.Single().Message);
        var doc = new EmployeeImportParser().Parse(new MemoryStream([1, 2, 3]), "staff.docx");
        Assert.Contains("不支持的文件类型", doc.Problems.Single().Message);
    }

    [Fact]
    public void Too_many_rows_are_rejected()
    {
        var sb = new StringBuilder("姓名,工号,单位,邮箱\n");
        for (var i = 0; i <= EmployeeImportParser.MaxRows; i++) sb.Append($"人{i},E{i},分公司,u{i}@example.com\n");
        Assert.Contains("超过单次导入", ParseCsv(sb.ToString()).Problems.Single().Message);
    }

    [Fact]
    public void Reads_xlsx_with_shared_strings_numbers_and_gaps()
    {
        var bytes = Xlsx(
            ["姓名", "工号", "单位", "部门", "角色", "邮箱"],
            ["钱七", "10086", "示例分公司", "", "人事", "qq@example.com"],
            ["孙八", "E3002", "示例分公司", "培训中心", "Admin", "sb@example.com"]);
        var r = new EmployeeImportParser().Parse(new MemoryStream(bytes), "staff.xlsx");
        Assert.True(r.Ok, string.Join("; ", r.Problems));
        Assert.Equal(new[] { "10086", "E3002" }, r.Rows.Select(x => x.EmployeeNumber));
        Assert.Equal(3, r.Rows[1].Line);
        Assert.Equal([Roles.HR], r.Rows[0].Roles);
        Assert.Equal("", r.Rows[0].Department);
    }

    [Fact]
    public void Corrupt_xlsx_gives_a_clear_error()
    {
        var r = new EmployeeImportParser().Parse(new MemoryStream(Encoding.UTF8.GetBytes("not a zip")), "staff.xlsx");
        Assert.Contains("已损坏", r.Problems.Single().Message);
    }

    [Fact]
    public void Xlsx_zip_bomb_is_rejected_before_inflating()
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var s = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 60; i++) s.Write(zeros);
        }
        Assert.True(ms.Length < EmployeeImportParser.MaxFileBytes);
        var r = new EmployeeImportParser().Parse(new MemoryStream(ms.ToArray()), "bomb.xlsx");
        Assert.Contains("压缩炸弹", r.Problems.Single().Message);
    }

    internal static byte[] Xlsx(params string[][] rows)
    {
        var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var sheetPart = wb.AddNewPart<WorksheetPart>();
            var strings = wb.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var v = rows[r][c];
                    if (v.Length == 0) continue; // gaps: Excel omits empty cells
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    if (long.TryParse(v, out _))
                        row.Append(new Cell { CellReference = reference, CellValue = new CellValue(v), DataType = CellValues.Number });
                    else
                    {
                        strings.SharedStringTable.Append(new SharedStringItem(new Text(v)));
                        var index = strings.SharedStringTable.Count() - 1;
                        row.Append(new Cell { CellReference = reference, CellValue = new CellValue(index.ToString()), DataType = CellValues.SharedString });
                    }
                }
                data.Append(row);
            }
            sheetPart.Worksheet = new Worksheet(data);
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(sheetPart), SheetId = 1, Name = "员工" }));
        }
        return ms.ToArray();
    }
}
