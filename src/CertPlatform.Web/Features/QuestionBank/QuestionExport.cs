using System.Text;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank.Formats;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>
/// Exports the current version of a filtered selection in any supported format. <see cref="QuestionExportFile.Skipped"/> lists the
/// questions the format cannot hold (Aiken: single choice only; the spreadsheet template: no matching, ordering, case),
/// so the page can name them before the download. Images go with the question in Moodle XML (base64 files) and QTI
/// packages (package resources); GIFT, Aiken and the spreadsheet template cannot carry them: <see cref="QuestionExportFile.ImagesLeftOut"/>
/// names the written questions whose images were left out.
/// </summary>
public sealed class QuestionExport(AppDbContext db, BankQueries queries, TimeProvider clock)
{
    private static readonly ImportTexts L = ImportTexts.Instance;

    public async Task<QuestionExportFile> RunAsync(BankFilter filter, BankFormat format, CancellationToken ct)
    {
        var selected = queries.FilteredIds(filter);
        var payloads = await db.QuestionVersions.AsNoTracking()
            .Where(v => selected.Contains(v.QuestionId) && db.Questions.Any(q => q.Id == v.QuestionId && q.CurrentVersion == v.Version))
            .OrderBy(v => v.QuestionId).Select(v => v.PayloadJson).ToListAsync(ct);
        var questions = payloads.Select(QuestionJson.Deserialize).ToList();
        var shas = questions.SelectMany(FormatImages.Shas).Distinct().ToList();
        var images = format is BankFormat.MoodleXml or BankFormat.Qti && shas.Count > 0
            ? await db.QuestionImages.AsNoTracking().Where(i => shas.Contains(i.Sha256))
                .ToDictionaryAsync(i => i.Sha256, i => new ImportedImage(i.Sha256, i.ContentType, i.FileName, i.Bytes), ct)
            : [];
        return Write(questions, format, clock.GetUtcNow(), images);
    }

    public static QuestionExportFile Write(IReadOnlyList<Question> questions, BankFormat format, DateTimeOffset now, IReadOnlyDictionary<string, ImportedImage>? images = null)
    {
        var file = WriteFile(questions, format, now, images);
        if (format is BankFormat.MoodleXml or BankFormat.Qti) return file;
        var notWritten = file.Skipped.Select(s => s.QuestionId).ToHashSet(StringComparer.Ordinal);
        var name = format switch { BankFormat.Gift => "GIFT", BankFormat.Aiken => "Aiken", BankFormat.Csv => "CSV", _ => "XLSX" };
        return file with
        {
            ImagesLeftOut = questions.Where(q => !notWritten.Contains(q.Id) && FormatImages.Shas(q).Any())
                .Select(q => new ExportSkip(q.Id, L["{0} 格式不能携带图片：题目文字已导出，图片未导出（需要图片时请导出 Moodle XML 或 QTI）", name])).ToList(),
        };
    }

    private static QuestionExportFile WriteFile(IReadOnlyList<Question> questions, BankFormat format, DateTimeOffset now, IReadOnlyDictionary<string, ImportedImage>? images)
    {
        static string Category(Question q) => $"CertPlatform/{q.LessonId}";
        var stamp = now.UtcDateTime.ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
        var skipped = new List<ImportIssue>();
        QuestionExportFile Sheet(byte[] bytes, string type, string ext) =>
            new(bytes, type, $"questions-{stamp}.{ext}", questions.Count - skipped.Count, skipped.Select(AsSkip).ToList());
        switch (format)
        {
            case BankFormat.Gift:
                return new(Encoding.UTF8.GetBytes(GiftFormat.Write(questions, Category)), "text/plain; charset=utf-8", $"questions-{stamp}.gift", questions.Count, []);
            case BankFormat.MoodleXml:
                return new(Encoding.UTF8.GetBytes(MoodleXmlFormat.Write(questions, Category, images)), "application/xml; charset=utf-8", $"questions-{stamp}.xml", questions.Count, []);
            case BankFormat.Aiken:
                var aiken = AikenFormat.Write(questions);
                return new(Encoding.UTF8.GetBytes(aiken.Text), "text/plain; charset=utf-8", $"questions-{stamp}-aiken.txt", aiken.Written, aiken.Skipped);
            case BankFormat.Qti:
                var qti = QtiFormat.WritePackage(questions, images);
                return new(qti.Package, "application/zip", $"questions-{stamp}-qti3.zip", qti.Written, qti.Skipped);
            case BankFormat.Csv:
                return Sheet(SpreadsheetFormat.WriteCsv(questions, skipped), "text/csv; charset=utf-8", "csv");
            default:
                return Sheet(SpreadsheetFormat.WriteXlsx(questions, skipped), Infrastructure.XlsxWriter.ContentType, "xlsx");
        }
    }

    private static ExportSkip AsSkip(ImportIssue issue) => new("", issue.Text);
}
