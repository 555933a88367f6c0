using System.Security.Claims;
using System.Text.Json;
using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Account;
using CertPlatform.Web.Features.QuestionBank.Formats;
using CertPlatform.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>
/// Importing a question file: read it (any supported format and text encoding), show every question as it would be
/// saved with what committing it would do — create, new version of an existing question (with the diff), or
/// nothing when the bank already holds the same — plus what is skipped and why; then apply everything in one
/// transaction, or nothing when the file has any error. Questions already in the bank are updated, skipped or imported
/// as new, as the examiner chooses at commit — for the whole import or question by question. The preview is kept in
/// PendingImports (see <see cref="StoredImport"/>), also while a large file is still being read in the background.
/// </summary>
public sealed class QuestionImport(AppDbContext db, ContentCatalog catalog, QuestionVersioning versions, AuditLog audit, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<QuestionImageOptions> imageOptions, IMemoryCache cache)
{
    public const string Kind = "questions";
    public static readonly TimeSpan PreviewLifetime = TimeSpan.FromHours(1);
    private static readonly ImportTexts L = ImportTexts.Instance;

    /// <summary>The kind of a pending import still being worked out in the background (becomes <see cref="Kind"/> when done).</summary>
    public const string JobKind = "questions-job";
    /// <summary>A background preview not heard of for this long was lost with its instance (progress is written at least every 2 % of the questions).</summary>
    public static readonly TimeSpan JobLostAfter = TimeSpan.FromMinutes(5);

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
    public static ImportResult Read(BankFormat format, string fileName, Stream stream, out string? encoding, ImageLimits? images = null)
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
            return qti ? QtiFormat.Parse(fileName, new MemoryStream(xml), images) : MoodleXmlFormat.Parse(fileName, new MemoryStream(xml), images);
        }
        switch (format)
        {
            case BankFormat.Csv: return SpreadsheetFormat.ParseCsv(fileName, stream);
            case BankFormat.Xlsx: return SpreadsheetFormat.ParseXlsx(fileName, stream);
            case BankFormat.Qti: return QtiFormat.Parse(fileName, stream, images);
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
        var summary = await AnalyseAsync(file, fileName, format, defaultLessonId, null, ct);
        if (!store || summary.Errors.Count > 0 || summary.Rows.Count == 0) return summary;
        await DeleteExpiredAsync(ct);
        var now = clock.GetUtcNow();
        var pending = new PendingImport
        {
            Id = Guid.NewGuid(), Kind = Kind, CreatedById = OwnerOf(actor), CreatedAt = now, FileName = Path.GetFileName(fileName),
            PayloadJson = new StoredImport(ImportJobState.Done, summary.Rows.Count, summary.Rows.Count, now, StoredImport.From(summary)).Serialize(),
        };
        db.PendingImports.Add(pending);
        await db.SaveChangesAsync(ct);
        return summary with { ImportId = pending.Id, PreviewId = pending.Id };
    }

    /// <summary>
    /// Reads the file and works out what committing each question would do, without writing anything.
    /// <paramref name="progress"/> (questions checked, questions read) is called once the file is read and after every question.
    /// </summary>
    public async Task<ImportSummary> AnalyseAsync(Stream file, string fileName, BankFormat format, string? defaultLessonId,
        Func<int, int, Task>? progress, CancellationToken ct)
    {
        var read = Read(format, fileName, file, out var encoding, imageOptions.Value.Limits);
        var images = new Dictionary<string, Dictionary<string, ImportedImage>>(StringComparer.Ordinal);
        foreach (var item in read.Questions.Where(i => i.Images.Count > 0))
            images.TryAdd(item.Question.Id, new Dictionary<string, ImportedImage>(item.Images, StringComparer.Ordinal));
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
        var total = read.Questions.Count;
        var checkedCount = 0;
        if (progress is not null) await progress(0, total);
        foreach (var item in read.Questions)
        {
            if (progress is not null && checkedCount > 0) await progress(checkedCount, total);
            checkedCount++;
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
        if (progress is not null && total > 0) await progress(total, total);
        // The images each question's file carried ride along with its row (stored at commit, for questions written).
        rows = rows.Select(r => images.TryGetValue(r.Question.Id, out var carried) ? r with { Images = carried } : r).ToList();
        return new ImportSummary(null, fileName, format, encoding, rows, skipped, errors);
    }

    private static string OwnerOf(ClaimsPrincipal actor) => actor.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private async Task DeleteExpiredAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - PreviewLifetime;
        await db.PendingImports.Where(p => p.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
    }

    /// <summary>Records a background preview that is starting (state "reading") for <paramref name="ownerId"/>; returns its id.</summary>
    public async Task<Guid> StartJobAsync(string fileName, string ownerId, CancellationToken ct)
    {
        await DeleteExpiredAsync(ct);
        var now = clock.GetUtcNow();
        var pending = new PendingImport
        {
            Id = Guid.NewGuid(), Kind = JobKind, CreatedById = ownerId, CreatedAt = now, FileName = Path.GetFileName(fileName),
            PayloadJson = new StoredImport(ImportJobState.Reading, 0, 0, now, null).Serialize(),
        };
        db.PendingImports.Add(pending);
        await db.SaveChangesAsync(ct);
        return pending.Id;
    }

    /// <summary>Progress of a running background preview (written only while it runs, so a late write cannot hide the result).</summary>
    public Task ReportAsync(Guid id, ImportJobState state, int done, int total, CancellationToken ct)
    {
        var json = new StoredImport(state, done, total, clock.GetUtcNow(), null).Serialize();
        return db.PendingImports.Where(p => p.Id == id && p.Kind == JobKind).ExecuteUpdateAsync(s => s.SetProperty(p => p.PayloadJson, json), ct);
    }

    /// <summary>Stores the finished preview: from now on it is an ordinary pending import (committable when it has no errors).</summary>
    public Task FinishJobAsync(Guid id, ImportSummary summary, CancellationToken ct)
    {
        var json = new StoredImport(ImportJobState.Done, summary.Rows.Count, summary.Rows.Count, clock.GetUtcNow(), StoredImport.From(summary)).Serialize();
        return db.PendingImports.Where(p => p.Id == id && p.Kind == JobKind)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.PayloadJson, json).SetProperty(p => p.Kind, Kind), ct);
    }

    /// <summary>Marks a background preview as failed (an unreadable file is not a failure: its errors are the preview).</summary>
    public Task FailJobAsync(Guid id, CancellationToken ct)
    {
        var json = new StoredImport(ImportJobState.Failed, 0, 0, clock.GetUtcNow(), null).Serialize();
        return db.PendingImports.Where(p => p.Id == id && p.Kind == JobKind).ExecuteUpdateAsync(s => s.SetProperty(p => p.PayloadJson, json), ct);
    }

    /// <summary>
    /// A preview (finished or still being worked out in the background) of <paramref name="actor"/>'s; null when it is
    /// unknown, someone else's, committed or expired. A background job not heard of for <see cref="JobLostAfter"/> was
    /// lost with its instance and reads as failed.
    /// </summary>
    public async Task<ImportJob?> FindAsync(Guid id, ClaimsPrincipal actor, CancellationToken ct)
    {
        var owner = OwnerOf(actor);
        var pending = await db.PendingImports.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == id && (p.Kind == Kind || p.Kind == JobKind) && p.CreatedById == owner, ct);
        var now = clock.GetUtcNow();
        if (pending is null || pending.CreatedAt < now - PreviewLifetime || StoredImport.Deserialize(pending.PayloadJson) is not { } stored) return null;
        if (stored.Result is { } result)
        {
            var summary = StoredImport.ToSummary(result, result.Errors.Count == 0 && result.Rows.Count > 0 ? pending.Id : null) with { PreviewId = pending.Id };
            return new ImportJob(pending.Id, pending.FileName, ImportJobState.Done, stored.Done, stored.Total, summary);
        }
        var state = stored.State is ImportJobState.Reading or ImportJobState.Checking && now - stored.UpdatedAt >= JobLostAfter ? ImportJobState.Failed : stored.State;
        return new ImportJob(pending.Id, pending.FileName, state, stored.Done, stored.Total, null);
    }

    /// <summary>
    /// An image the file of a stored preview of <paramref name="actor"/>'s carried, so the preview page shows it as
    /// trainees will see it before anything is stored in the bank; null when the preview is unknown, someone else's,
    /// committed or expired, or carries no such image. The preview's images are kept in memory for a minute after they
    /// are first asked for (a page shows many), but every request checks the preview is still pending and the owner's.
    /// </summary>
    public async Task<ImportedImage?> FindPreviewImageAsync(Guid importId, string sha, ClaimsPrincipal actor, CancellationToken ct)
    {
        var owner = OwnerOf(actor);
        var cutoff = clock.GetUtcNow() - PreviewLifetime;
        var pending = db.PendingImports.AsNoTracking().Where(p => p.Id == importId && p.Kind == Kind && p.CreatedById == owner && p.CreatedAt >= cutoff);
        if (!await pending.AnyAsync(ct)) return null;
        var images = await cache.GetOrCreateAsync($"import-images:{importId}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            var json = await pending.Select(p => p.PayloadJson).SingleOrDefaultAsync(ct);
            var rows = json is null ? null : StoredImport.Deserialize(json)?.Result?.Rows;
            return (rows ?? []).Where(r => r.Images is not null).SelectMany(r => r.Images!.Values)
                .DistinctBy(i => i.Sha256).ToDictionary(i => i.Sha256, StringComparer.Ordinal);
        });
        return images is not null && images.TryGetValue(sha, out var image) ? image : null;
    }

    /// <summary>
    /// Applies a previewed import in one transaction: new questions as version 1 (origin "import"); questions whose id is
    /// in the bank as each row's choice in <paramref name="rowChoices"/> says (question id → Update, Skip or ImportAsNew;
    /// empty: the import-wide default). Without a row choice a question with other content follows
    /// <paramref name="existingChoice"/> and one with the same content is skipped (asked to "update", it is skipped too:
    /// there is nothing to update). A row choice naming no such question or no such choice changes nothing
    /// (<see cref="ImportCommitResult.InvalidChoice"/>), nor does any question changed in the bank since the preview.
    /// Null when the preview is unknown or expired.
    /// </summary>
    public async Task<ImportCommitResult?> CommitAsync(Guid importId, ExistingQuestions existingChoice, IReadOnlyDictionary<string, string?> rowChoices,
        ClaimsPrincipal actor, CancellationToken ct)
    {
        var actorId = OwnerOf(actor);
        var pending = await db.PendingImports.SingleOrDefaultAsync(p => p.Id == importId && p.Kind == Kind && p.CreatedById == actorId, ct);
        if (pending is null || pending.CreatedAt < clock.GetUtcNow() - PreviewLifetime) return null;
        if (StoredImport.Deserialize(pending.PayloadJson)?.Result is not { Errors.Count: 0 } result) return null;
        var items = result.Rows.Select(r => (Question: QuestionJson.Deserialize(r.Question), r.Kind, Version: r.CurrentVersion, r.Line)).ToList();
        var carriedImages = result.Rows.Where(r => r.Images is { Count: > 0 }).ToDictionary(r => QuestionJson.Deserialize(r.Question).Id, r => r.Images!, StringComparer.Ordinal);
        var choices = new Dictionary<string, ExistingQuestions>(StringComparer.Ordinal);
        foreach (var (key, value) in rowChoices)
        {
            var row = items.FirstOrDefault(i => i.Question.Id == key && i.Kind != ImportRowKind.New);
            if (row.Question is null)
                return ImportCommitResult.Invalid(L["这次导入中没有编号为“{0}”的已有试题，无法为它选择处理方式；未导入任何试题", Shorten(key)]);
            if (string.IsNullOrEmpty(value)) continue;
            if (!TryParseChoice(value, out var choice))
                return ImportCommitResult.Invalid(L["第 {0} 行（{1}）：处理方式“{2}”无效，只能是 Update、Skip 或 ImportAsNew；未导入任何试题", row.Line, key, Shorten(value)]);
            choices[key] = choice;
        }
        var ids = items.Select(i => i.Question.Id).ToList();
        var records = await db.Questions.Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        var problems = new List<ImportText>();
        foreach (var (q, kind, version, _) in items)
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
        foreach (var (q, kind, _, _) in items)
        {
            var choice = Decide(kind, choices.TryGetValue(q.Id, out var chosen) ? chosen : null, existingChoice);
            if (choice == ExistingQuestions.Skip)
            {
                left.Add(q.Id);
                continue;
            }
            if (choice == ExistingQuestions.Update)
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
        // The images of every question written (not of those left unchanged or skipped).
        await StoreImagesAsync(carriedImages.Where(kv => !left.Contains(kv.Key)).SelectMany(kv => kv.Value.Values).DistinctBy(i => i.Sha256).ToList(), author, now, ct);
        db.PendingImports.Remove(pending);
        audit.Record(actor, AuditActions.QuestionsImported, pending.FileName, $"created {created.Count}, updated {updated.Count}, unchanged or skipped {left.Count}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ImportCommitResult(created, updated, left, []);
    }

    /// <summary>Adds the carried images the bank does not hold yet (images are stored once per SHA-256, like the editor's uploads).</summary>
    private async Task StoreImagesAsync(List<ImportedImage> carried, string author, DateTimeOffset now, CancellationToken ct)
    {
        if (carried.Count == 0) return;
        var shas = carried.Select(i => i.Sha256).ToList();
        var known = await db.QuestionImages.Where(i => shas.Contains(i.Sha256)).Select(i => i.Sha256).ToListAsync(ct);
        foreach (var image in carried.Where(i => !known.Contains(i.Sha256)))
            db.QuestionImages.Add(new QuestionImage
            {
                Sha256 = image.Sha256, ContentType = image.ContentType, Bytes = image.Bytes, Length = image.Bytes.Length, FileName = image.FileName,
                CreatedAt = now, CreatedBy = author,
            });
    }

    /// <summary>
    /// What committing does with one row: a new question is created (<see cref="ExistingQuestions.ImportAsNew"/>); a
    /// question in the bank follows its own choice, else the import-wide one when its content differs and "skip" when it
    /// is the same (an "update" of an unchanged question is a skip: there is nothing to update).
    /// </summary>
    public static ExistingQuestions Decide(ImportRowKind kind, ExistingQuestions? rowChoice, ExistingQuestions existingChoice)
    {
        if (kind == ImportRowKind.New) return ExistingQuestions.ImportAsNew;
        var choice = rowChoice ?? (kind == ImportRowKind.Changed ? existingChoice : ExistingQuestions.Skip);
        return kind == ImportRowKind.Unchanged && choice == ExistingQuestions.Update ? ExistingQuestions.Skip : choice;
    }

    /// <summary>Only the enum's names (not numbers, not other casing): a posted choice is one of the form's values or tampered with.</summary>
    private static bool TryParseChoice(string value, out ExistingQuestions choice)
    {
        choice = default;
        return Enum.GetNames<ExistingQuestions>().Contains(value, StringComparer.Ordinal) && Enum.TryParse(value, out choice);
    }

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "…" : text;

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
