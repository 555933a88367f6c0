using System.Security.Claims;
using System.Text;
using System.Text.Json;
using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Account;
using CertPlatform.Web.Features.QuestionBank.Formats;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.QuestionBank;

public enum BankFormat { Gift, MoodleXml, Aiken, Csv, Xlsx }

/// <summary>
/// Importing a question file: read it, show what would be created and what is skipped and why,
/// then create everything in one transaction — or nothing when the file has any error.
/// </summary>
public sealed class QuestionImport(AppDbContext db, ContentCatalog catalog, QuestionVersioning versions, AuditLog audit, TimeProvider clock)
{
    public const string Kind = "questions";
    public static readonly TimeSpan PreviewLifetime = TimeSpan.FromHours(1);

    public sealed record Row(Question Question, int Line, string? Category);
    public sealed record Preview(Guid? ImportId, string FileName, BankFormat Format, IReadOnlyList<Row> ToCreate, IReadOnlyList<ImportIssue> Skipped, IReadOnlyList<ImportIssue> Errors)
    {
        public bool CanCommit => ImportId is not null;
    }

    public static BankFormat? Detect(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".gift" => BankFormat.Gift,
        ".xml" => BankFormat.MoodleXml,
        ".csv" => BankFormat.Csv,
        ".xlsx" => BankFormat.Xlsx,
        ".txt" => BankFormat.Aiken,
        _ => null,
    };

    public static ImportResult Read(BankFormat format, string fileName, Stream stream)
    {
        switch (format)
        {
            case BankFormat.MoodleXml: return MoodleXmlFormat.Parse(fileName, stream);
            case BankFormat.Csv: return SpreadsheetFormat.ParseCsv(fileName, stream);
            case BankFormat.Xlsx: return SpreadsheetFormat.ParseXlsx(fileName, stream);
        }
        using var buffer = new MemoryStream();
        var limited = new byte[ImportLimits.MaxBytes + 1];
        var read = 0;
        int n;
        while (read < limited.Length && (n = stream.Read(limited, read, limited.Length - read)) > 0) read += n;
        if (read > ImportLimits.MaxBytes)
        {
            var tooBig = new ImportResult();
            tooBig.Error(fileName, 1, $"the file is larger than {ImportLimits.MaxBytes / (1024 * 1024)} MB; split it into smaller files");
            return tooBig;
        }
        var text = new UTF8Encoding(false).GetString(limited, 0, read).TrimStart('\uFEFF');
        return format == BankFormat.Gift ? GiftFormat.Parse(fileName, text) : AikenFormat.Parse(fileName, text);
    }

    public async Task<Preview> PreviewAsync(Stream file, string fileName, BankFormat format, string? defaultLessonId, ClaimsPrincipal actor, CancellationToken ct)
    {
        var read = Read(format, fileName, file);
        var errors = read.Issues.Where(i => !i.Skipped).ToList();
        var skipped = read.Issues.Where(i => i.Skipped).ToList();
        var rows = new List<Row>();
        var defaultLesson = string.IsNullOrEmpty(defaultLessonId) ? null : catalog.Find(defaultLessonId);
        var incomingIds = new HashSet<string>();
        var existing = (await db.Questions.Select(q => q.Id).ToListAsync(ct)).ToHashSet();
        foreach (var item in read.Questions)
        {
            var q = item.Question;
            if (string.IsNullOrEmpty(q.LessonId) || catalog.Find(q.LessonId) is null)
            {
                if (defaultLesson is null)
                {
                    errors.Add(new(fileName, item.Line, string.IsNullOrEmpty(q.LessonId)
                        ? $"{q.Id}: the file does not say which lesson the question tests; choose a lesson for questions without one"
                        : $"{q.Id}: lesson '{q.LessonId}' does not exist", false));
                    continue;
                }
                q = q with { LessonId = defaultLesson.Id, Anchor = null };
            }
            var lesson = catalog.Find(q.LessonId)!;
            if (q.Anchor is not null && !lesson.HasAnchor(q.Anchor))
                q = q with { Anchor = null }; // a foreign anchor is dropped rather than refused; examiners can set it later
            if (existing.Contains(q.Id)) { skipped.Add(new(fileName, item.Line, $"{q.Id}: a question with this id is already in the bank", true)); continue; }
            if (!incomingIds.Add(q.Id)) { errors.Add(new(fileName, item.Line, $"{q.Id}: the id appears twice in the file", false)); continue; }
            foreach (var problem in q.Validate()) errors.Add(new(fileName, item.Line, $"{q.Id}: {problem}", false));
            rows.Add(new Row(q, item.Line, item.Category));
        }
        if (errors.Count > 0 || rows.Count == 0)
            return new Preview(null, fileName, format, rows, skipped, errors);

        var cutoff = clock.GetUtcNow() - PreviewLifetime;
        await db.PendingImports.Where(p => p.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
        var pending = new PendingImport
        {
            Id = Guid.NewGuid(), Kind = Kind, CreatedById = actor.FindFirstValue(ClaimTypes.NameIdentifier)!, CreatedAt = clock.GetUtcNow(),
            FileName = Path.GetFileName(fileName), PayloadJson = JsonSerializer.Serialize(rows.Select(r => QuestionJson.Serialize(r.Question)).ToList()),
        };
        db.PendingImports.Add(pending);
        await db.SaveChangesAsync(ct);
        return new Preview(pending.Id, fileName, format, rows, skipped, errors);
    }

    public sealed record CommitResult(int Created, IReadOnlyList<string> Problems);

    /// <summary>Creates every previewed question (version 1, origin "import") in one transaction, or none.</summary>
    public async Task<CommitResult?> CommitAsync(Guid importId, ClaimsPrincipal actor, CancellationToken ct)
    {
        var actorId = actor.FindFirstValue(ClaimTypes.NameIdentifier);
        var pending = await db.PendingImports.SingleOrDefaultAsync(p => p.Id == importId && p.Kind == Kind && p.CreatedById == actorId, ct);
        if (pending is null || pending.CreatedAt < clock.GetUtcNow() - PreviewLifetime) return null;
        var questions = (JsonSerializer.Deserialize<List<string>>(pending.PayloadJson) ?? []).Select(QuestionJson.Deserialize).ToList();
        var ids = questions.Select(q => q.Id).ToList();
        var taken = await db.Questions.Where(q => ids.Contains(q.Id)).Select(q => q.Id).ToListAsync(ct);
        if (taken.Count > 0) return new CommitResult(0, taken.Select(id => $"{id}: added to the bank since the preview; upload the file again").ToList());

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var author = actor.Identity?.Name ?? "examiner";
        foreach (var q in questions)
        {
            var record = new QuestionRecord { Id = q.Id, LessonId = q.LessonId, PartId = "", Type = "", Status = "", Origin = "import" };
            db.Questions.Add(record);
            versions.AddVersion(record, q, author, $"imported from {pending.FileName}", now);
        }
        db.PendingImports.Remove(pending);
        audit.Record(actor, "questions.import", pending.FileName, $"{questions.Count} questions");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new CommitResult(questions.Count, []);
    }
}

/// <summary>Exports the current version of a filtered selection in any supported format.</summary>
public sealed class QuestionExport(AppDbContext db, BankQueries queries)
{
    public sealed record File(byte[] Content, string ContentType, string FileName, IReadOnlyList<string> Skipped);

    public async Task<File> RunAsync(BankFilter filter, BankFormat format, CancellationToken ct)
    {
        var selected = queries.FilteredIds(filter);
        var payloads = await db.QuestionVersions.AsNoTracking()
            .Where(v => selected.Contains(v.QuestionId) && db.Questions.Any(q => q.Id == v.QuestionId && q.CurrentVersion == v.Version))
            .OrderBy(v => v.QuestionId).Select(v => v.PayloadJson).ToListAsync(ct);
        var questions = payloads.Select(QuestionJson.Deserialize).ToList();
        string Category(Question q) => $"CertPlatform/{q.LessonId}";
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmm");
        var skipped = new List<ImportIssue>();
        return format switch
        {
            BankFormat.Gift => new(Encoding.UTF8.GetBytes(GiftFormat.Write(questions, Category)), "text/plain; charset=utf-8", $"questions-{stamp}.gift", []),
            BankFormat.MoodleXml => new(Encoding.UTF8.GetBytes(MoodleXmlFormat.Write(questions, Category)), "application/xml; charset=utf-8", $"questions-{stamp}.xml", []),
            BankFormat.Aiken => AikenFile(questions, stamp),
            BankFormat.Csv => new(SpreadsheetFormat.WriteCsv(questions, skipped), "text/csv; charset=utf-8", $"questions-{stamp}.csv", skipped.Select(s => s.Message).ToList()),
            _ => new(SpreadsheetFormat.WriteXlsx(questions, skipped), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"questions-{stamp}.xlsx", skipped.Select(s => s.Message).ToList()),
        };
    }

    private static File AikenFile(IReadOnlyList<Question> questions, string stamp)
    {
        var export = AikenFormat.Write(questions);
        return new(Encoding.UTF8.GetBytes(export.Text), "text/plain; charset=utf-8", $"questions-{stamp}-aiken.txt",
            export.Skipped.Select(s => s.ToString()).ToList());
    }
}
