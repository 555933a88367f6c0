namespace CertPlatform.Web.Features.Papers;

public sealed class PaperSectionRow
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
