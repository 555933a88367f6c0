namespace CertPlatform.Web.Features.QuestionBank;

public sealed class QuestionOptionRow
{
    public string Text { get; set; } = "";
    public bool Correct { get; set; }
    public string? Image { get; set; }
    public IFormFile? ImageFile { get; set; }
    public bool RemoveImage { get; set; }
    /// <summary>Per-option feedback (shown after an attempt to whoever chose it) and partial-credit weight in percent (−100…100; none: the platform's rule), edited in the editor's advanced section.</summary>
    public string? Feedback { get; set; }
    public decimal? Weight { get; set; }
}
