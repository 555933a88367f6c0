using System.Globalization;
using System.Text.Json;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;
using CertPlatform.Web.Features.Exams;
using FluentValidation;
using Microsoft.Extensions.Localization;

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
    /// <summary>A new access password; empty keeps the current one.</summary>
    public string? NewPassword { get; set; }
    public bool RemovePassword { get; set; }
    public bool HasPassword { get; set; }

    /// <summary>"blueprint" or "fixed".</summary>
    public string Mode { get; set; } = "blueprint";
    public List<SectionRow> Sections { get; set; } = [];
    /// <summary>Fixed paper: one "question-id points" per line.</summary>
    public string FixedText { get; set; } = "";

    public string Audience { get; set; } = "all";
    public string Organizations { get; set; } = "";
    public string Departments { get; set; } = "";
    /// <summary>Named trainees: employee numbers or e-mail addresses, one per line.</summary>
    public string Trainees { get; set; } = "";
    /// <summary>"employee-number-or-email minutes" per line.</summary>
    public string Allowances { get; set; } = "";

    public sealed class SectionRow
    {
        public string Title { get; set; } = "";
        public int Count { get; set; }
        public decimal PointsEach { get; set; } = 1;
        public string? PartId { get; set; }
        public string? LessonId { get; set; }
        public string? Tag { get; set; }
        public string? Type { get; set; }
        public int? MinDifficulty { get; set; }
        public int? MaxDifficulty { get; set; }
        public bool IsEmpty => string.IsNullOrWhiteSpace(Title) && Count == 0;
    }

    public IReadOnlyList<BlueprintSection> Blueprint() =>
        Sections.Where(s => !s.IsEmpty).Select(s => new BlueprintSection(s.Title.Trim(), s.Count, s.PointsEach,
            Blank(s.PartId), Blank(s.LessonId), Blank(s.Tag), Blank(s.Type), s.MinDifficulty, s.MaxDifficulty)).ToList();

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static IEnumerable<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Parses the fixed list; bad lines are reported with their line number.</summary>
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
            Id = p.Id, Title = p.Title, Kind = p.Kind, Status = p.Status, TimeLimitMinutes = p.TimeLimitMinutes, PassMark = p.PassMark,
            OpensAt = p.OpensAt is { } o ? display.Local(o).DateTime : null, ClosesAt = p.ClosesAt is { } c ? display.Local(c).DateTime : null,
            AttemptsAllowed = p.AttemptsAllowed, ShuffleQuestions = p.ShuffleQuestions, ShuffleOptions = p.ShuffleOptions,
            ReviewShowsScore = p.ReviewShowsScore, ReviewShowsAnswers = p.ReviewShowsAnswers, ReviewShowsExplanations = p.ReviewShowsExplanations,
            FocusLossLimit = p.FocusLossLimit, HasPassword = p.AccessPasswordHash is not null,
            Mode = p.FixedQuestionsJson is not null ? "fixed" : "blueprint",
            Sections = PaperAccess.Sections(p).Select(s => new SectionRow
            {
                Title = s.Title, Count = s.Count, PointsEach = s.PointsEach, PartId = s.PartId, LessonId = s.LessonId, Tag = s.Tag, Type = s.Type,
                MinDifficulty = s.MinDifficulty, MaxDifficulty = s.MaxDifficulty,
            }).ToList(),
            FixedText = string.Join('\n', PaperAccess.FixedQuestions(p).Select(f => $"{f.Id} {f.Points.ToString(CultureInfo.InvariantCulture)}")),
            Audience = p.Audience,
            Organizations = string.Join('\n', a.Where(x => x.Kind == "organization").Select(x => x.Value)),
            Departments = string.Join('\n', a.Where(x => x.Kind == "department").Select(x => x.Value)),
            Trainees = string.Join('\n', a.Where(x => x.Kind == "user").Select(x => userLabel(x.Value))),
            Allowances = string.Join('\n', allowances.Select(x => $"{x.Who} {x.Minutes}")),
        };
        return form.WithBlankRows();
    }

    public PaperForm WithBlankRows()
    {
        while (Sections.Count < Math.Min(SectionRows, Sections.Count(s => !s.IsEmpty) + 3)) Sections.Add(new SectionRow { PointsEach = 1 });
        return this;
    }

    public string BlueprintJson() => JsonSerializer.Serialize(Blueprint());
}

public sealed class PaperFormValidator : AbstractValidator<PaperForm>
{
    public static readonly string[] Types = ["Single", "Multiple", "TrueFalse", "Fill", "Matching", "Ordering", "Essay", "Case"];

    public PaperFormValidator(IStringLocalizer<SharedResource> L, Content.ContentCatalog catalog)
    {
        RuleFor(f => f.Id).Must(id => Content.LessonParser.IsValidId((id ?? "").Trim())).When(f => f.IsNew)
            .WithMessage(L["编号只能包含小写字母、数字和连字符"]);
        RuleFor(f => f.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(L["请填写试卷名称"]).MaximumLength(200);
        RuleFor(f => f.Kind).Must(PaperKind.IsKnown).WithMessage(L["请选择试卷类型"]);
        RuleFor(f => f.Status).Must(PaperStatus.IsKnown).WithMessage(L["请选择状态"]);
        RuleFor(f => f.TimeLimitMinutes).InclusiveBetween(1, 600).WithMessage(L["考试时间应为 1–600 分钟"]);
        RuleFor(f => f.PassMark).GreaterThanOrEqualTo(0).WithMessage(L["及格分不能为负数"]);
        RuleFor(f => f.AttemptsAllowed).InclusiveBetween(0, 100).WithMessage(L["次数应为 0–100（0 表示不限）"]);
        RuleFor(f => f.FocusLossLimit).InclusiveBetween(1, 1000).When(f => f.FocusLossLimit is not null).WithMessage(L["离开次数上限应为 1–1000"]);
        RuleFor(f => f.ClosesAt).Must((f, c) => c is null || f.OpensAt is null || c > f.OpensAt).WithMessage(L["截止时间必须晚于开放时间"]);
        RuleFor(f => f.NewPassword).MaximumLength(100);
        RuleFor(f => f.Audience).Must(a => a is "all" or "assigned").WithMessage(L["请选择考试对象"]);
        RuleFor(f => f.Audience).Must((f, a) => a == "all" || PaperForm.Lines(f.Organizations + "\n" + f.Departments + "\n" + f.Trainees).Any())
            .WithMessage(L["指定考试对象时，请至少填写一个单位、部门或学员"]);
        When(f => f.Mode == "blueprint", () =>
        {
            RuleFor(f => f.Sections).Must(s => s.Any(r => !r.IsEmpty)).WithMessage(L["蓝图至少需要一个部分"]);
            RuleForEach(f => f.Sections).Where(r => !r.IsEmpty).ChildRules(row =>
            {
                row.RuleFor(r => r.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(L["请填写部分名称"]);
                row.RuleFor(r => r.Count).InclusiveBetween(1, 500).WithMessage(L["抽题数应为 1–500"]);
                row.RuleFor(r => r.PointsEach).GreaterThan(0).WithMessage(L["每题分值必须大于 0"]);
                row.RuleFor(r => r.PartId).Must(p => string.IsNullOrWhiteSpace(p) || catalog.Curriculum.Parts.Any(x => x.Id == p.Trim())).WithMessage(L["没有这个部分"]);
                row.RuleFor(r => r.LessonId).Must(l => string.IsNullOrWhiteSpace(l) || catalog.Find(l.Trim()) is not null).WithMessage(L["没有这个课程"]);
                row.RuleFor(r => r.Type).Must(t => string.IsNullOrWhiteSpace(t) || Types.Contains(t.Trim())).WithMessage(L["没有这个题型"]);
                row.RuleFor(r => r.MinDifficulty).InclusiveBetween(1, 5).When(r => r.MinDifficulty is not null).WithMessage(L["难度应为 1–5"]);
                row.RuleFor(r => r.MaxDifficulty).InclusiveBetween(1, 5).When(r => r.MaxDifficulty is not null).WithMessage(L["难度应为 1–5"]);
            });
        });
        When(f => f.Mode == "fixed", () =>
        {
            RuleFor(f => f.FixedText).Must(t => PaperForm.Lines(t).Any()).WithMessage(L["固定试卷至少需要一道题"]);
            RuleFor(f => f.FixedText).Must((f, _) => f.Fixed().Errors.Count == 0)
                .WithMessage(f => L["每行写一个题号和分值（如 p1-swot-q01 2），这些行有误：{0}", string.Join("；", f.Fixed().Errors)]);
        });
        RuleFor(f => f.Mode).Must(m => m is "blueprint" or "fixed").WithMessage(L["请选择组卷方式"]);
    }
}
