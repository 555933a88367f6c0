using System.IO.Compression;
using System.Text;
using CertPlatform.Web.Features.Admin;
using CertPlatform.Web.Infrastructure;

namespace CertPlatform.UnitTests.Infrastructure;

public sealed class XlsxReaderTests
{
    private static byte[] Workbook() => XlsxWriter.Write(
        [[new ExportCell("姓名"), new ExportCell("工号"), new ExportCell("单位"), new ExportCell("邮箱")],
         [new ExportCell("张三"), new ExportCell("E1001"), new ExportCell("示例分公司"), new ExportCell("zs@example.com")],
         [new ExportCell("=1+1"), ExportCell.Number(42)]], "表");

    [Fact]
    public void What_the_writer_writes_the_reader_reads_back()
    {
        var rows = XlsxReader.ReadFirstSheet(Workbook(), 100);
        Assert.Equal([1, 2, 3], rows.Select(r => r.Row));
        Assert.Equal(["张三", "E1001", "示例分公司", "zs@example.com"], rows[1].Cells);
        Assert.Equal(["=1+1", "42"], rows[2].Cells); // the writer writes cells as given; neutralising is TableExport's job
    }

    /// <summary>The workbook with a DTD (and an entity) put into its first worksheet.</summary>
    private static byte[] WithDtd()
    {
        using var ms = new MemoryStream();
        ms.Write(Workbook());
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.Entries.First(e => e.FullName.Contains("worksheets/", StringComparison.Ordinal));
            string xml;
            using (var r = new StreamReader(entry.Open())) xml = r.ReadToEnd();
            entry.Delete();
            var at = xml.IndexOf("<x:worksheet", StringComparison.Ordinal) is var i and >= 0 ? i : xml.IndexOf("<worksheet", StringComparison.Ordinal);
            xml = xml[..at] + "<!DOCTYPE worksheet [<!ENTITY boom \"boom\">]>" + xml[at..];
            using var w = new StreamWriter(zip.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
            w.Write(xml);
        }
        return ms.ToArray();
    }

    [Fact]
    public void A_dtd_in_any_part_is_refused_with_a_clear_message()
    {
        var ex = Assert.Throws<XlsxException>(() => XlsxReader.ReadFirstSheet(WithDtd(), 100));
        Assert.Contains("DTD", ex.Message);
        // The employee import reports it as a problem of the file (it used to answer HTTP 500).
        var r = new EmployeeImportParser().Parse(new MemoryStream(WithDtd()), "staff.xlsx");
        Assert.Contains("DTD", Assert.Single(r.Problems).Message);
    }

    [Fact]
    public void A_zip_bomb_is_refused_before_anything_is_inflated()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var s = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 51; i++) s.Write(zeros);
        }
        Assert.Contains("压缩炸弹", Assert.Throws<XlsxException>(() => XlsxReader.ReadFirstSheet(ms.ToArray(), 10)).Message);
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_a_clear_error()
    {
        Assert.Contains("已损坏", Assert.Throws<XlsxException>(() => XlsxReader.ReadFirstSheet(Encoding.UTF8.GetBytes("not a zip"), 10)).Message);
    }
}
