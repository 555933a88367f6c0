using System.Text;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.QuestionBank.Formats;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>
/// Exports the current version of a filtered selection in any supported format. <see cref="File.Skipped"/> lists the
/// questions the format cannot hold (Aiken: single choice only; the spreadsheet template: no matching, ordering, case),
/// so the page can name them before the download.
/// </summary>
public sealed class QuestionExport(AppDbContext db, BankQueries queries, TimeProvider clock)
{
    public sealed record File(byte[] Content, string ContentType, string FileName, int Written, IReadOnlyList<ExportSkip> Skipped);

    public async Task<File> RunAsync(BankFilter filter, BankFormat format, CancellationToken ct)
    {
        var selected = queries.FilteredIds(filter);
        var payloads = await db.QuestionVersions.AsNoTracking()
            .Where(v => selected.Contains(v.QuestionId) && db.Questions.Any(q => q.Id == v.QuestionId && q.CurrentVersion == v.Version))
            .OrderBy(v => v.QuestionId).Select(v => v.PayloadJson).ToListAsync(ct);
        var questions = payloads.Select(QuestionJson.Deserialize).ToList();
        return Write(questions, format, clock.GetUtcNow());
    }

    public static File Write(IReadOnlyList<Question> questions, BankFormat format, DateTimeOffset now)
    {
        static string Category(Question q) => $"CertPlatform/{q.LessonId}";
        var stamp = now.UtcDateTime.ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
        var skipped = new List<ImportIssue>();
        File Sheet(byte[] bytes, string type, string ext) =>
            new(bytes, type, $"questions-{stamp}.{ext}", questions.Count - skipped.Count, skipped.Select(AsSkip).ToList());
        switch (format)
        {
            case BankFormat.Gift:
                return new(Encoding.UTF8.GetBytes(GiftFormat.Write(questions, Category)), "text/plain; charset=utf-8", $"questions-{stamp}.gift", questions.Count, []);
            case BankFormat.MoodleXml:
                return new(Encoding.UTF8.GetBytes(MoodleXmlFormat.Write(questions, Category)), "application/xml; charset=utf-8", $"questions-{stamp}.xml", questions.Count, []);
            case BankFormat.Aiken:
                var aiken = AikenFormat.Write(questions);
                return new(Encoding.UTF8.GetBytes(aiken.Text), "text/plain; charset=utf-8", $"questions-{stamp}-aiken.txt", aiken.Written, aiken.Skipped);
            case BankFormat.Qti:
                var qti = QtiFormat.WritePackage(questions);
                return new(qti.Package, "application/zip", $"questions-{stamp}-qti3.zip", qti.Written, qti.Skipped);
            case BankFormat.Csv:
                return Sheet(SpreadsheetFormat.WriteCsv(questions, skipped), "text/csv; charset=utf-8", "csv");
            default:
                return Sheet(SpreadsheetFormat.WriteXlsx(questions, skipped), Infrastructure.XlsxWriter.ContentType, "xlsx");
        }
    }

    private static ExportSkip AsSkip(ImportIssue issue) => new("", issue.Text);
}
