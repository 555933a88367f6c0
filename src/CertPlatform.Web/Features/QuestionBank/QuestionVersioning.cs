using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>Saving a question: the next version plus the record's filter columns, in the caller's unit of work.</summary>
public sealed class QuestionVersioning(AppDbContext db, ContentCatalog catalog)
{
    private string PartOf(Question q) => catalog.Find(q.LessonId)?.PartId ?? "";

    /// <summary>Saves <paramref name="q"/> as the record's next version and refreshes the filter columns.</summary>
    public void AddVersion(QuestionRecord record, Question q, string author, string note, DateTimeOffset at)
    {
        record.CurrentVersion++;
        record.LessonId = q.LessonId;
        record.PartId = PartOf(q);
        record.Type = q.Type.ToString();
        record.Status = q.Status.ToString();
        record.Pool = q.Pool;
        record.Difficulty = q.Difficulty;
        record.Anchor = q.Anchor;
        record.Tags = "|" + string.Join("|", q.Tags) + (q.Tags.Count > 0 ? "|" : "");
        record.StemText = (q.Type == QuestionType.Case ? q.Scenario + " " + q.Stem : q.Stem) is var s && s.Length > 4000 ? s[..4000] : s;
        record.UpdatedAt = at;
        record.UpdatedBy = author;
        db.QuestionVersions.Add(new QuestionVersion
        {
            QuestionId = record.Id, Version = record.CurrentVersion, PayloadJson = QuestionJson.Serialize(q),
            CreatedAt = at, CreatedBy = author, Note = note,
        });
    }
}
