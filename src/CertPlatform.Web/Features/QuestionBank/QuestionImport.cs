using System.Security.Claims;
using System.Text.Json;
using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Account;
using CertPlatform.Web.Features.QuestionBank.Formats;
using CertPlatform.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>
/// Importing a question file: read it (any supported format and text encoding), show every question as it would be
/// saved with what committing it would do — create, new version of an existing question (with the diff), or
/// nothing when the bank already holds the same — plus what is skipped and why; then apply everything in one
/// transaction, or nothing when the file has any error. Questions already in the bank with other content are
/// updated, skipped or imported as new, as the examiner chooses at commit.
/// </summary>
public sealed class QuestionImport(AppDbContext db, ContentCatalog catalog, QuestionVersioning versions, AuditLog audit, TimeProvider clock)
{
    public const string Kind = "questions";
    public static readonly TimeSpan PreviewLifetime = TimeSpan.FromHours(1);
    private static readonly ImportTexts L = ImportTexts.Instance;

    private sealed record PendingRow(string Question, ImportRowKind Kind, int? Version);

    public static BankFormat? Detect(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".gift" => BankFormat.Gift,
        ".xml" => BankFormat.MoodleXml,
        ".csv" => BankFormat.Csv,
        ".xlsx" => BankFormat.Xlsx,
        ".txt" => BankFormat.Aiken,
        ".zip" => BankFormat.Qti,
        _ => null,
    };

    /// <summary>Reads a file; <paramref name="encoding"/> is the text encoding found (null for binary and XML formats).</summary>
    public static ImportResult Read(BankFormat format, string fileName, Stream stream, out string? encoding)
    {
        encoding = null;
        if (format == BankFormat.MoodleXml)
        {
            // ".xml" is Moodle XML or a QTI item: the root element decides.
            var xml = MoodleXmlFormat.ReadLimited(stream, ImportLimits.MaxBytes);
            if (xml is null) return Refused(fileName, ImportLimits.TooLarge(null));
            var head = System.Text.Encoding.UTF8.GetString(xml, 0, Math.Min(xml.Length, 4096));
            var qti = !head.Contains("<quiz", StringComparison.Ordinal)
                && (head.Contains("<assessmentItem", StringComparison.Ordinal) || head.Contains("qti-assessment-item", StringComparison.Ordinal));
            return qti ? QtiFormat.Parse(fileName, new MemoryStream(xml)) : MoodleXmlFormat.Parse(fileName, new MemoryStream(xml));
        }
        switch (format)
        {
            case BankFormat.Csv: return SpreadsheetFormat.ParseCsv(fileName, stream);
            case BankFormat.Xlsx: return SpreadsheetFormat.ParseXlsx(fileName, stream);
            case BankFormat.Qti: return QtiFormat.Parse(fileName, stream);
        }
        var bytes = MoodleXmlFormat.ReadLimited(stream, ImportLimits.MaxBytes);
        if (bytes is null) return Refused(fileName, ImportLimits.TooLarge(null));
        if (TabularFiles.DecodeText(bytes, out var found) is not { } text)
            return Refused(fileName, L["无法确定文件的文字编码（不是 UTF-8、UTF-16 或 GB18030/GBK）：请用“另存为”选择 UTF-8 编码后重新上传"]);
        encoding = found;
        return format == BankFormat.Gift ? GiftFormat.Parse(fileName, text) : AikenFormat.Parse(fileName, text);
    }

    private static ImportResult Refused(string fileName, ImportText why)
    {
        var result = new ImportResult();
        result.Error(fileName, 0, why);
        return result;
    }

    /// <summary>Reads the file and works out what committing it would do; stores a pending import when it can be committed.</summary>
    public async Task<ImportSummary> PreviewAsync(Stream file, string fileName, BankFormat format, string? defaultLessonId, ClaimsPrincipal actor,
        CancellationToken ct, bool store = true)
    {
        var read = Read(format, fileName, file, out var encoding);
        var errors = read.Issues.Where(i => !i.Skipped).ToList();
        var skipped = read.Issues.Where(i => i.Skipped).ToList();
        var rows = new List<ImportRow>();
        var defaultLesson = string.IsNullOrEmpty(defaultLessonId) ? null : catalog.Find(defaultLessonId);
        if (!string.IsNullOrEmpty(defaultLessonId) && defaultLesson is null)
            errors.Add(new(fileName, 0, L["所选课程“{0}”不存在", defaultLessonId], false));
        var incoming = new Dictionary<string, (int Line, string Hash)>();
        var ids = read.Questions.Select(q => q.Question.Id).Distinct().ToList();
        var existing = await db.Questions.AsNoTracking().Where(q => ids.Contains(q.Id))
            .Select(q => new { q.Id, q.LessonId, q.CurrentVersion, q.Pool }).ToDictionaryAsync(q => q.Id, ct);
        var current = await db.QuestionVersions.AsNoTracking()
            .Where(v => ids.Contains(v.QuestionId) && db.Questions.Any(q => q.Id == v.QuestionId && q.CurrentVersion == v.Version))
            .ToDictionaryAsync(v => v.QuestionId, v => v.PayloadJson, ct);
        foreach (var item in read.Questions)
        {
            var q = item.Question;
            existing.TryGetValue(q.Id, out var known);
            if (string.IsNullOrEmpty(q.LessonId) && known is not null) q = q with { LessonId = known.LessonId };
            // The pool the file names (our own exports do); a file that names none leaves a bank question's pool as it
            // is (for an update and for a copy alike), and a new question goes to the practice pool.
            q = q with { Pool = item.Pool ?? known?.Pool ?? QuestionPool.Practice };
            if (string.IsNullOrEmpty(q.LessonId) || catalog.Find(q.LessonId) is null)
            {
                if (defaultLesson is null)
                {
                    errors.Add(new(fileName, item.Line, string.IsNullOrEmpty(q.LessonId)
                        ? L["{0}：文件没有注明试题所属的课程，请为这类试题选择一门课程", q.Id]
                        : L["{0}：课程“{1}”不存在", q.Id, q.LessonId], false));
                    continue;
                }
                q = q with { LessonId = defaultLesson.Id, Anchor = null };
            }
            var lesson = catalog.Find(q.LessonId)!;
            if (q.Anchor is not null && !lesson.HasAnchor(q.Anchor))
                q = q with { Anchor = null }; // a foreign anchor is dropped rather than refused; examiners can set it later
            var hash = QuestionJson.Hash(q);
            if (incoming.TryGetValue(q.Id, out var first))
            {
                if (first.Hash == hash) skipped.Add(new(fileName, item.Line, L["{0}：与第 {1} 行的试题完全相同", q.Id, first.Line], true));
                else errors.Add(new(fileName, item.Line, L["{0}：编号在文件中出现两次（第一次在第 {1} 行）", q.Id, first.Line], false));
                continue;
            }
            incoming[q.Id] = (item.Line, hash);
            foreach (var problem in q.Validate()) errors.Add(new(fileName, item.Line, L["{0}：{1}", q.Id, QuestionProblems.Describe(problem)], false));
            if (known is null)
            {
                rows.Add(new ImportRow(q, item.Line, item.Category, ImportRowKind.New, null, [], item.Notes));
                continue;
            }
            var before = current.TryGetValue(q.Id, out var json) ? json : "";
            var after = QuestionJson.Serialize(q);
            rows.Add(before == after
                ? new ImportRow(q, item.Line, item.Category, ImportRowKind.Unchanged, known.CurrentVersion, [], item.Notes)
                : new ImportRow(q, item.Line, item.Category, ImportRowKind.Changed, known.CurrentVersion,
                    LineDiff.Compute(before.Split('\n'), after.Split('\n')), item.Notes));
        }
        if (!store || errors.Count > 0 || rows.All(r => r.Kind == ImportRowKind.Unchanged))
            return new ImportSummary(null, fileName, format, encoding, rows, skipped, errors);

        var cutoff = clock.GetUtcNow() - PreviewLifetime;
        await db.PendingImports.Where(p => p.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
        var pending = new PendingImport
        {
            Id = Guid.NewGuid(), Kind = Kind, CreatedById = actor.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", CreatedAt = clock.GetUtcNow(),
            FileName = Path.GetFileName(fileName),
            PayloadJson = JsonSerializer.Serialize(rows.Select(r => new PendingRow(QuestionJson.Serialize(r.Question), r.Kind, r.CurrentVersion)).ToList()),
        };
        db.PendingImports.Add(pending);
        await db.SaveChangesAsync(ct);
        return new ImportSummary(pending.Id, fileName, format, encoding, rows, skipped, errors);
    }

    /// <summary>
    /// Applies a previewed import in one transaction: new questions as version 1 (origin "import"); questions whose
    /// id is in the bank with other content as <paramref name="existingChoice"/> says. Nothing is changed when any
    /// question changed in the bank since the preview. Null when the preview is unknown or expired.
    /// </summary>
    public async Task<ImportCommitResult?> CommitAsync(Guid importId, ExistingQuestions existingChoice, ClaimsPrincipal actor, CancellationToken ct)
    {
        var actorId = actor.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var pending = await db.PendingImports.SingleOrDefaultAsync(p => p.Id == importId && p.Kind == Kind && p.CreatedById == actorId, ct);
        if (pending is null || pending.CreatedAt < clock.GetUtcNow() - PreviewLifetime) return null;
        var rows = JsonSerializer.Deserialize<List<PendingRow>>(pending.PayloadJson) ?? [];
        var items = rows.Select(r => (Question: QuestionJson.Deserialize(r.Question), r.Kind, r.Version)).ToList();
        var ids = items.Select(i => i.Question.Id).ToList();
        var records = await db.Questions.Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        var problems = new List<ImportText>();
        foreach (var (q, kind, version) in items)
        {
            records.TryGetValue(q.Id, out var record);
            if (kind == ImportRowKind.New && record is not null)
                problems.Add(L["{0}：预览之后题库中已加入同一编号的试题，请重新上传文件", q.Id]);
            else if (kind != ImportRowKind.New && record?.CurrentVersion != version)
                problems.Add(L["{0}：预览之后题库中的这道试题已被修改，请重新上传文件", q.Id]);
        }
        if (problems.Count > 0) return new ImportCommitResult([], [], [], problems);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var author = actor.Identity?.Name ?? "examiner";
        var note = $"imported from {pending.FileName}";
        List<string> created = [], updated = [], left = [];
        var taken = new HashSet<string>(records.Keys);
        foreach (var (q, kind, _) in items)
        {
            if (kind == ImportRowKind.Unchanged || (kind == ImportRowKind.Changed && existingChoice == ExistingQuestions.Skip))
            {
                left.Add(q.Id);
                continue;
            }
            if (kind == ImportRowKind.Changed && existingChoice == ExistingQuestions.Update)
            {
                versions.AddVersion(records[q.Id], q, author, note, now);
                updated.Add(q.Id);
                continue;
            }
            var id = kind == ImportRowKind.New ? q.Id : await FreeIdAsync(q.Id, taken, ct);
            taken.Add(id);
            var record = new QuestionRecord { Id = id, LessonId = q.LessonId, PartId = "", Type = "", Status = "", Origin = "import" };
            db.Questions.Add(record);
            versions.AddVersion(record, q with { Id = id }, author, note, now);
            created.Add(id);
        }
        db.PendingImports.Remove(pending);
        audit.Record(actor, "questions.import", pending.FileName, $"created {created.Count}, updated {updated.Count}, unchanged or skipped {left.Count}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ImportCommitResult(created, updated, left, []);
    }

    /// <summary>The id with the smallest suffix "-2", "-3"… that is neither in the bank nor in this import.</summary>
    private async Task<string> FreeIdAsync(string id, HashSet<string> taken, CancellationToken ct)
    {
        var stem = id.Length > 110 ? id[..110] : id;
        for (var k = 2; ; k++)
        {
            var candidate = $"{stem}-{k}";
            if (!taken.Contains(candidate) && !await db.Questions.AnyAsync(q => q.Id == candidate, ct)) return candidate;
        }
    }
}
