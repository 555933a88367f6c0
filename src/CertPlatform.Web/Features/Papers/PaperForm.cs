using System.Globalization;
using System.Text.Json;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using FluentValidation;

namespace CertPlatform.Web.Features.Papers;

/// <summary>
/// The examiner's paper form: plain fields and text areas that bind from an HTML form without
/// JavaScript. Lists people and organisations one per line, so a list can be pasted from a spreadsheet.
/// </summary>
public sealed class PaperForm
{
    public const int SectionRows = 16;

    public string Id { get; set; } = "";
    public bool IsNew { get; set; }
    public string Title { get; set; } = "";
    public string Kind { get; set; } = PaperKind.Mock;
    /// <summary>The certification programme a certification paper awards (ignored for mock papers).</summary>
    public string? ProgrammeId { get; set; }
    /// <summary>Shown on the form: the paper's current version and whether it is approved (not posted back).</summary>
    public int Version { get; set; } = 1;
    public int? ApprovedVersion { get; set; }
    public string Status { get; set; } = PaperStatus.Draft;
    public int TimeLimitMinutes { get; set; } = 60;
    public decimal PassMark { get; set; } = 60;
    /// <summary>Server local time, as a datetime-local input sends it.</summary>
    public DateTime? OpensAt { get; set; }
    public DateTime? ClosesAt { get; set; }
    public int AttemptsAllowed { get; set; } = 1;
    public bool ShuffleQuestions { get; set; } = true;
    public bool ShuffleOptions { get; set; } = true;
    public bool ReviewShowsScore { get; set; } = true;
    public bool ReviewShowsAnswers { get; set; } = true;
    public bool ReviewShowsExplanations { get; set; } = true;
    public int? FocusLossLimit { get; set; }
    /// <summary>Blueprint draws leave out questions item analysis flagged / balance on observed facility.</summary>
    public bool DrawExcludeFlagged { get; set; }
    public bool DrawUseObservedFacility { get; set; }
    /// <summary>A new access password; empty keeps the current one.</summary>
    public string? NewPassword { get; set; }
    public bool RemovePassword { get; set; }
    public bool HasPassword { get; set; }

    /// <summary><see cref="PaperMode.Blueprint"/> or <see cref="PaperMode.Fixed"/>.</summary>
    public string Mode { get; set; } = PaperMode.Blueprint;
    public List<PaperSectionRow> Sections { get; set; } = [];
    /// <summary>Fixed paper: one "question-id points" per line.</summary>
    public string FixedText { get; set; } = "";

    public string Audience { get; set; } = PaperAudience.Everyone;
    public string Organizations { get; set; } = "";
    public string Departments { get; set; } = "";
    /// <summary>Named trainees: employee numbers or e-mail addresses, one per line.</summary>
    public string Trainees { get; set; } = "";
    /// <summary>"employee-number-or-email minutes" per line.</summary>
    public string Allowances { get; set; } = "";

    public IReadOnlyList<BlueprintSection> Blueprint() =>
        Sections.Where(s => !s.IsEmpty).Select(s => new BlueprintSection(s.Title.Trim(), s.Count, s.PointsEach,
            Blank(s.PartId), Blank(s.LessonId), Blank(s.Tag), Blank(s.Type), s.MinDifficulty, s.MaxDifficulty)).ToList();

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static IEnumerable<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Adds the first column of an uploaded trainee list (CSV or TXT: employee number or e-mail) to <see cref="Trainees"/>, without repeats.</summary>
    public void AddTraineeList(string fileText)
    {
        var firstColumn = fileText.Split('\n').Select(l => l.Split(',', '\t')[0].Trim().Trim('"')).Where(l => l.Length > 0);
        Trainees = string.Join('\n', Lines(Trainees).Concat(firstColumn).Distinct());
    }

    /// <summary>Parses the fixed list; bad lines are reported with their line number.</summary>
    /// <summary>The points the paper gives in all (blueprint sections, or the fixed list's valid lines).</summary>
    public decimal TotalPoints() => Mode == PaperMode.Fixed ? Fixed().Questions.Sum(q => q.Points) : Blueprint().Sum(s => s.Count * s.PointsEach);

    public (List<FixedQuestion> Questions, List<string> Errors) Fixed()
    {
        var list = new List<FixedQuestion>();
        var errors = new List<string>();
        var n = 0;
        foreach (var raw in FixedText.Split('\n'))
        {
            n++;
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var parts = line.Split([' ', '\t', ',', '，'], StringSplitOptions.RemoveEmptyEntries);
            var points = 1m;
            if (parts.Length > 2 || (parts.Length == 2 && !decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out points)) || points <= 0)
                errors.Add($"{n}: {line}");
            else list.Add(new FixedQuestion(parts[0], points));
        }
        return (list, errors);
    }

    public static PaperForm From(Paper p, IEnumerable<PaperAssignment> assignments, IEnumerable<(string Who, int Minutes)> allowances, Func<string, string> userLabel,
        CertPlatform.Web.Infrastructure.Time.DisplayTime display)
    {
        var a = assignments.ToList();
        var form = new PaperForm
        {
            Id = p.Id, Title = p.Title, Kind = p.Kind, ProgrammeId = p.ProgrammeId, Version = p.Version, ApprovedVersion = p.ApprovedVersion, Status = p.Status, TimeLimitMinutes = p.TimeLimitMinutes, PassMark = p.PassMark,
            OpensAt = p.OpensAt is { } o ? display.Local(o).DateTime : null, ClosesAt = p.ClosesAt is { } c ? display.Local(c).DateTime : null,
            AttemptsAllowed = p.AttemptsAllowed, ShuffleQuestions = p.ShuffleQuestions, ShuffleOptions = p.ShuffleOptions,
            ReviewShowsScore = p.ReviewShowsScore, ReviewShowsAnswers = p.ReviewShowsAnswers, ReviewShowsExplanations = p.ReviewShowsExplanations,
            FocusLossLimit = p.FocusLossLimit, DrawExcludeFlagged = p.DrawExcludeFlagged, DrawUseObservedFacility = p.DrawUseObservedFacility, HasPassword = p.AccessPasswordHash is not null,
            Mode = p.FixedQuestionsJson is not null ? PaperMode.Fixed : PaperMode.Blueprint,
            Sections = PaperAccess.Sections(p).Select(s => new PaperSectionRow
            {
                Title = s.Title, Count = s.Count, PointsEach = s.PointsEach, PartId = s.PartId, LessonId = s.LessonId, Tag = s.Tag, Type = s.Type,
                MinDifficulty = s.MinDifficulty, MaxDifficulty = s.MaxDifficulty,
            }).ToList(),
            FixedText = string.Join('\n', PaperAccess.FixedQuestions(p).Select(f => $"{f.Id} {f.Points.ToString(CultureInfo.InvariantCulture)}")),
            Audience = p.Audience,
            Organizations = string.Join('\n', a.Where(x => x.Kind == PaperAudience.Organization).Select(x => x.Value)),
            Departments = string.Join('\n', a.Where(x => x.Kind == PaperAudience.Department).Select(x => x.Value)),
            Trainees = string.Join('\n', a.Where(x => x.Kind == PaperAudience.User).Select(x => userLabel(x.Value))),
            Allowances = string.Join('\n', allowances.Select(x => $"{x.Who} {x.Minutes}")),
        };
        return form.WithBlankRows();
    }

    public PaperForm WithBlankRows()
    {
        while (Sections.Count < Math.Min(SectionRows, Sections.Count(s => !s.IsEmpty) + 3)) Sections.Add(new PaperSectionRow { PointsEach = 1 });
        return this;
    }

    public string BlueprintJson() => JsonSerializer.Serialize(Blueprint());
}
